"""The build's search index, made while the build runs: each page's content goes to Pagefind's
service mode (`pagefind --service`, the protocol its own Python package speaks) as soon as the
hooks have made it (search.article_for_index), so Pagefind indexes on another core while
MkDocs reads the next pages; once every page is read, Pagefind builds the bundle while the
theme renders the pages (`request_bundle`), and the build's end waits for it (`finish`). Same pages,
same text, same bundle files as running Pagefind over the finished site (search.index; tests
compare the two).

Pagefind sends the bundle's files back (GetFiles) and this module writes them: its own
WriteFiles answers before its last writes reach the disk (they are not flushed), and Pagefind
ends the moment its input closes, so a loaded machine could leave a file empty.

Protocol: each message is base64 of a JSON object, followed by a comma, both ways.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

from ketaguide import search
from ketaguide.search import SearchIndexError
from ketaguide.sidework import Feeder, give_way_beside


class Indexer:
    """Start with `add` (the first page starts Pagefind); end with `finish` or `stop`."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._feeder: Feeder | None = None
        self._reader: threading.Thread | None = None
        self._replies: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self._sent = 0
        self._written = 0  # the id of the GetFiles message, once sent
        self.pages = 0

    def start(self) -> None:
        """Start Pagefind now (it starts with the first page otherwise). Not before the clinic
        files are read: their process pool runs only while no other thread is alive."""
        if self._process is None:
            self._start()

    def _start(self) -> None:
        command = [str(search.executable()), "--service"]
        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
        except OSError as err:
            raise SearchIndexError(f"Pagefind could not start: {err}") from None
        give_way_beside(self._process.pid)
        if self._process.stdin is None or self._process.stdout is None:  # never with PIPE
            raise SearchIndexError("Pagefind started without its pipes")
        self._feeder = Feeder(self._process.stdin)  # the build never waits on the pipe
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,))
        self._reader.daemon = True
        self._reader.start()
        self._send({"type": "NewIndex", "config": {"exclude_selectors": list(search.EXCLUDED)}})

    def _send(self, payload: dict[str, Any]) -> int:
        assert self._feeder is not None, "sent before Pagefind started"
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        self._feeder.put(base64.b64encode(json.dumps(message).encode()) + b",")
        return self._sent

    def _read(self, pipe: IO[bytes]) -> None:  # a thread: keeps Pagefind's output flowing
        pending: list[bytes] = []  # the message begun, in pieces (the bundle's is megabytes)
        while chunk := pipe.read1(1 << 16):  # type: ignore[attr-defined]
            first, *rest = chunk.split(b",")
            pending.append(first)
            if not rest:
                continue
            messages = [b"".join(pending), *rest[:-1]]
            pending = [rest[-1]]
            with self._arrived:
                for message in messages:
                    self._replies.append(_decode(message))
                self._arrived.notify_all()
        pipe.close()
        with self._arrived:
            output = b"".join(pending).decode()
            self._replies.append({"payload": {"type": "Ended", "output": output}})
            self._arrived.notify_all()

    def add(self, url: str, html: str) -> None:
        """One written page; `url` as the site serves it ("treatment/x/", "" for home)."""
        self.start()
        self.pages += 1
        page = {"type": "AddFile", "index_id": 0, "file_path": None, "url": f"/{url}"}
        self._send({**page, "file_contents": html})

    def request_bundle(self) -> None:
        """Every page is in: Pagefind makes the bundle while the build goes on (`finish` waits
        for it and writes it into the site)."""
        if self._process is not None and not self._written:
            self._written = self._send({"type": "GetFiles", "index_id": 0})

    def finish(self, site: Path) -> None:
        """The bundle written into `site/pagefind/`; SearchIndexError if Pagefind failed."""
        if self._process is None:
            return  # no page to index (a build that wrote none)
        bundle = site / search.BUNDLE
        self.request_bundle()
        try:
            reply = self._wait(self._written, time.monotonic() + search.TIMEOUT_S)
        finally:
            self.stop()
        with self._arrived:
            errors = [r for r in self._replies if r.get("payload", {}).get("type") == "Error"]
        files = (reply or {}).get("payload", {}).get("files")
        if errors or not isinstance(files, list):
            detail = "; ".join(json.dumps(e.get("payload")) for e in errors) or "no answer"
            raise SearchIndexError(f"Pagefind failed: {detail}")
        _write_bundle(bundle, files)

    def _wait(self, message: int, deadline: float) -> dict[str, Any] | None:
        with self._arrived:
            while time.monotonic() < deadline:
                for reply in self._replies:
                    if reply.get("message_id") == message:
                        return reply
                    if reply.get("payload", {}).get("type") == "Ended":
                        return None
                self._arrived.wait(deadline - time.monotonic())
        raise SearchIndexError(f"Pagefind did not finish within {search.TIMEOUT_S} s")

    def stop(self) -> None:
        """End Pagefind (also when the build failed half way)."""
        if self._feeder is not None:
            self._feeder.close()  # Pagefind ends when its input does
        if self._process is not None and self._process.poll() is None:
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._feeder is not None:
            self._feeder.close(wait=5)
        if self._reader is not None:
            self._reader.join(timeout=5)


def _decode(message: bytes) -> dict[str, Any]:
    try:
        reply = json.loads(base64.b64decode(message))
    except ValueError:
        return {"payload": {"type": "Error", "message": message[:200].decode(errors="replace")}}
    return reply if isinstance(reply, dict) else {"payload": {"type": "Error", "message": "?"}}


def _write_bundle(bundle: Path, files: list[Any]) -> None:
    """The bundle's files, as Pagefind sent them, less the ones the site does not load
    (search.UNUSED_FILES); each written whole before the build ends."""
    for file in files:
        path = str(file.get("path", "")) if isinstance(file, dict) else ""
        parts = Path(path).parts
        if not parts or Path(path).is_absolute() or ".." in parts:
            raise SearchIndexError(f"Pagefind sent a file named {path!r}")
        if path in search.UNUSED_FILES:
            continue
        try:
            data = base64.b64decode(file.get("content", ""), validate=True)
        except ValueError:
            raise SearchIndexError(f"Pagefind sent {path} unreadable") from None
        target = bundle.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
