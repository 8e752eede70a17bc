"""The writer's preview server behind `dev.py serve`: `mkdocs serve` as a child process, with
every `ketaguide check` finding on each rebuild (preview.py), watched folders, and a clean stop.

It serves the current folder, one edition (`--lang es`: docs-es/ at /es/, by mkdocs.es.yml).
MkDocs rebuilds on a change in its pages, its config, data/ or overrides/; a change in
scripts/ketaguide/ (or any change after the child stopped on an error) restarts the child. A
port in use is one line and exit 1; SIGINT and SIGTERM stop the child and its process group,
then exit 0.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from ketaguide import editions, previewmode
from ketaguide.editions import Edition

CODE = Path(__file__).resolve().parent  # this package: the checks and the hooks
REBUILT_BY_MKDOCS = ("data", "overrides")  # besides docs/ and mkdocs.yml, which it watches
POLL = 0.3  # seconds between looks at the code folder


def port_problem(host: str, port: int) -> str | None:
    """Why the address cannot be served, or None. Checked before anything starts."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if os.name == "nt":
            probe.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_EXCLUSIVEADDRUSE", -5), 1)
        else:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server
        try:
            probe.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE or getattr(err, "winerror", 0) == 10048:
                return f"port {port} on {host} is in use (another preview?); stop it or add --port"
            return f"cannot serve on {host}:{port}: {err.strerror or err}"
    return None


def _snapshot(paths: Iterator[Path]) -> dict[Path, tuple[int, int]]:
    out = {}
    for path in paths:
        with contextlib.suppress(OSError):  # gone since it was listed
            stat = path.stat()
            out[path] = (stat.st_mtime_ns, stat.st_size)
    return out


def _code() -> dict[Path, tuple[int, int]]:
    return _snapshot(p for p in CODE.rglob("*") if p.suffix in {".py", ".txt", ".yml"})


def _watched() -> list[Path]:
    """What MkDocs watches besides docs/ and mkdocs.yml: data/, overrides/ and a clinic folder
    given in KETAGUIDE_CLINICS_DIR (relative to the project, the current folder)."""
    extra = os.environ.get("KETAGUIDE_CLINICS_DIR")
    return [Path(name) for name in (*REBUILT_BY_MKDOCS, *([extra] if extra else []))]


def _content(lang: Edition) -> dict[Path, tuple[int, int]]:
    roots = [Path(lang.docs), Path(lang.config), Path(editions.SOURCE.config), *_watched()]
    return _snapshot(p for root in roots for p in (root, *root.rglob("*")))


def _child_setup() -> None:  # pragma: no cover - runs in the child, before exec
    """Stop signals unblocked again (start() holds them while it forks); on Linux, SIGTERM to
    the child if this process dies, even by SIGKILL."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    if sys.platform == "linux":
        try:
            import ctypes

            ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


class Preview:
    def __init__(self, host: str, port: int, lang: Edition = editions.SOURCE) -> None:
        self.host, self.port, self.lang = host, port, lang
        self.child: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        url = f"http://{self.host}:{self.port}/{self.lang.prefix}"
        env = {**os.environ, previewmode.ENV: "1", "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        watch = [arg for path in _watched() if path.exists() for arg in ("--watch", str(path))]
        serve = ["mkdocs", "serve", "--strict", "-f", self.lang.config, "-a"]
        cmd = [sys.executable, "-m", *serve, f"{self.host}:{self.port}"]
        posix = os.name != "nt"
        # A stop signal that arrives while the child starts waits until it is known (else the
        # handler would find no child to stop, and it would run on alone).
        held = {signal.SIGINT, signal.SIGTERM}
        if os.name != "nt":
            signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            self.child = subprocess.Popen(
                [*cmd, *watch],
                env=env,
                start_new_session=posix,  # its own group: stopped as one, Ctrl+C reaches us only
                preexec_fn=_child_setup if posix else None,
            )
        finally:
            if os.name != "nt":
                signal.pthread_sigmask(signal.SIG_UNBLOCK, held)

    def stop(self) -> None:
        child, self.child = self.child, None
        if child is None or child.poll() is not None:
            return
        if os.name == "nt":
            child.terminate()
        else:
            os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            if os.name == "nt":
                child.kill()
            else:
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()

    def running(self) -> bool:
        return self.child is not None and self.child.poll() is None


def _stop_on_signals(preview: Preview) -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        preview.stop()
        print("\nStopped the preview.", file=sys.stderr, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def run(host: str, port: int, lang: Edition = editions.SOURCE) -> int:
    if not Path("mkdocs.yml").is_file():
        print("dev.py serve: no mkdocs.yml here; run it from the repository", file=sys.stderr)
        return 2
    problem = port_problem(host, port)
    if problem:
        print(f"dev.py serve: {problem}", file=sys.stderr)
        return 1
    preview = Preview(host, port, lang)
    _stop_on_signals(preview)
    print(f"Serving the guide at http://{host}:{port}/{lang.prefix} (Ctrl+C to stop)", flush=True)
    preview.start()
    code, waiting = _code(), None
    while True:
        time.sleep(POLL)
        now = _code()
        if now != code:
            _restart(preview, "the tools changed")
            waiting = None
        elif not preview.running():
            if waiting is None:  # stopped on an error: restart at the next save
                print(_STOPPED, file=sys.stderr, flush=True)
                waiting = _content(lang)
            elif _content(lang) != waiting:
                _restart(preview, "files changed")
                waiting = None
        code = now


_STOPPED = "dev.py serve: the preview stopped (see above); it restarts when you save a fix"


def _restart(preview: Preview, why: str) -> None:
    print(f"dev.py serve: {why}; restarting the preview", file=sys.stderr, flush=True)
    preview.stop()
    preview.start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py serve", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--lang", choices=list(editions.BY_CODE), default="en", help="edition")
    args = parser.parse_args(argv)
    if not 0 < args.port < 65536:
        parser.error(f"--port {args.port} is not between 1 and 65535")
    return run(args.host, args.port, editions.of(args.lang))


if __name__ == "__main__":
    sys.exit(main())
