"""The build's safety checks of each page, beside the build: its source (shared statements,
links and raw HTML: buildpages.source_findings) and the HTML Markdown made of it
(bodysafety.rendered_findings), the same code as `ketaguide check`, in a second process.

A `mkdocs build` renders on one core; this process uses the other one, so the checks cost the
build little time. It is a fork of the build, made before any thread starts: it has every page
the build read, and gets each page's HTML through a pipe as the build makes it. At the end of
the build (`finish`) it answers with its findings; the build then stops with them, and empties
its site folder, so no page that fails a check is left there. With findings on a page's source,
those are given (as when the checks ran first); otherwise those on the HTML.

Where a fork is not possible or not wise (no os.fork, another thread alive, `mkdocs serve` and
the preview, or a build started without the command line), the hooks run the same checks in
the build itself, and stop at the first page that fails (buildhooks.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from typing import IO

from ketaguide import sidework
from ketaguide.sidework import Feeder

Check = Callable[[], list[str]]  # the source findings, formatted
HtmlCheck = Callable[[str, str], list[str]]  # (html, shown path) -> findings, formatted
TIMEOUT_S = 300  # the checks of 1,000 pages take seconds; a hang ends here


class ChecksFailed(Exception):
    """The checks found problems (each a formatted finding), or could not run."""


class Worker:
    """`start` forks; `rendered` sends a page's HTML; `finish` returns the findings."""

    def __init__(self, source: Check, rendered: HtmlCheck) -> None:
        self._source, self._rendered = source, rendered
        self._fork: sidework.Answer | None = None
        self._feeder: Feeder | None = None

    def start(self) -> None:
        """Fork the checks' process; OSError (and no process) if the system refuses."""
        pages_read, pages_write = os.pipe()
        answer_read, answer_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for end in (pages_read, pages_write, answer_read, answer_write):
                os.close(end)
            raise
        if pid == 0:  # the checks' process: never returns
            os.close(pages_write)
            os.close(answer_read)
            _child(self._source, self._rendered, pages_read, answer_write)
        os.close(pages_read)
        os.close(answer_write)
        self._fork = sidework.Answer(pid, answer_read)
        self._feeder = Feeder(os.fdopen(pages_write, "wb"))

    def rendered(self, html: str, path: str) -> None:
        """A page's HTML as Markdown made it; the build never waits on the pipe."""
        assert self._feeder is not None, "start() first"
        self._feeder.put(json.dumps([path, html]).encode() + b"\n")

    def finish(self) -> list[str]:
        """The findings (source ones if any, else the HTML's); ChecksFailed if no answer."""
        if self._feeder is not None:
            self._feeder.close()  # the end of the pages: the process answers
        assert self._fork is not None, "start() first"
        try:
            answer = self._fork.wait(TIMEOUT_S)
        finally:
            self.stop()
        if answer is None:
            raise ChecksFailed(f"the build's checks did not end within {TIMEOUT_S} s")
        try:
            found = json.loads(answer)
        except ValueError:
            raise ChecksFailed("the build's checks ended without an answer") from None
        if "error" in found:
            raise ChecksFailed(f"the build's checks failed: {found['error']}")
        return list(found["source"] or found["rendered"])

    def stop(self) -> None:
        """End the checks' process (also when the build failed half way)."""
        if self._fork is not None:
            self._fork.stop()
            self._fork = None
        if self._feeder is not None:
            self._feeder.close(wait=5)
            self._feeder = None


def _child(source: Check, rendered: HtmlCheck, pages: int, answer: int) -> None:
    """Check, answer with one JSON object, and end without running the build's exit code."""
    sidework.give_way()
    try:
        found: dict[str, object] = {"source": source()}
        with os.fdopen(pages, "rb") as stream:
            found["rendered"] = [f for path, html in _pages(stream) for f in rendered(html, path)]
    except BaseException as err:  # the build reports it
        found = {"error": f"{type(err).__name__}: {err}"}
    sidework.send(answer, json.dumps(found).encode())
    os._exit(0)


def _pages(stream: IO[bytes]) -> Iterator[tuple[str, str]]:
    for line in stream:
        path, html = json.loads(line)
        yield path, html
