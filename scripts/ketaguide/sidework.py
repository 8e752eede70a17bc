"""Work beside the build, on the machine's other core: whether a fork of the build may be made,
a pipe the build feeds without waiting on it, and a fork's answer. Used by the clinic pages'
process (clinicwork.py), the checks' process (buildchecks.py), the template compiler
(templatewarm.py) and Pagefind (searchservice.py)."""

from __future__ import annotations

import contextlib
import os
import queue
import select
import threading
import time
from typing import IO

_DONE = object()  # tells the feeding thread to close the pipe


BESIDE_NICE = 10  # work beside the build gives way to it when both want a core


def give_way() -> None:
    """Called in a process beside the build: the system runs the build first."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(BESIDE_NICE)


def quiet() -> None:
    """Called in a fork of the build: its standard streams go nowhere, so it prints nothing
    (the build says what is to be said) and holds none of the build's pipes open."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if null > 2:
        os.close(null)


def give_way_beside(pid: int) -> None:
    """The same for a program started beside the build (its threads made later follow it)."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, pid, BESIDE_NICE)


AT_ONCE = "KETAGUIDE_BUILDS_AT_ONCE"  # set by buildall: how many builds share the machine


def count_from_env(name: str) -> int | None:
    """A number of processes given in the environment variable `name`: a whole number above 0,
    else None."""
    given = os.environ.get(name, "")
    return int(given) if given.isascii() and given.isdigit() and int(given) > 0 else None


def spare_core() -> bool:
    """Whether a core is left beside this build and the others buildall runs with it (work
    that only shares the load out, and adds some of its own, is worth it only then)."""
    return (os.cpu_count() or 1) > (count_from_env(AT_ONCE) or 1)


def fork_possible() -> bool:
    """A fork copies one thread only: made while another is alive, it could copy a held lock."""
    return hasattr(os, "fork") and threading.active_count() == 1


def send(fd: int, data: bytes) -> None:
    """All of `data` into `fd` (a fork's answer); a pipe closed at the other end ends it."""
    with contextlib.suppress(OSError):
        while data:
            data = data[os.write(fd, data) :]


def receive(fd: int, within_s: float) -> bytes | None:
    """What is written into `fd` until the writer closes it; None if that takes longer than
    `within_s` seconds. `fd` stays open."""
    deadline = time.monotonic() + within_s
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def end(pid: int) -> None:
    """Stop a fork and collect it (also when it has ended already)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 9)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


class Answer:
    """A fork of the build and the pipe end its answer arrives on."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self._fd = pid, fd

    def wait(self, within_s: float) -> bytes | None:
        """The whole answer, or None when it takes longer than `within_s` s; the fork is ended."""
        try:
            return receive(self._fd, within_s)
        finally:
            self.stop()

    def stop(self) -> None:
        """End the fork (also when the build failed half way) and close the pipe."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self.pid:
            end(self.pid)
            self.pid = 0


class Feeder:
    """Writes each `put` into `pipe` from a thread of its own, so the build never waits on
    the process reading it; `close` ends the thread and closes the pipe."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self._outbox: queue.Queue[object] = queue.Queue()
        self._thread = threading.Thread(target=self._feed, args=(pipe,), daemon=True)
        self._thread.start()

    def put(self, data: bytes) -> None:
        self._outbox.put(data)

    def close(self, wait: float | None = None) -> None:
        """No more data: the pipe closes once the thread has written what came before.
        With `wait`, wait up to that many seconds for it."""
        self._outbox.put(_DONE)
        if wait is not None:
            self._thread.join(timeout=wait)

    def _feed(self, pipe: IO[bytes]) -> None:
        try:
            while (item := self._outbox.get()) is not _DONE:
                assert isinstance(item, bytes)
                pipe.write(item)
                pipe.flush()
        except OSError:
            pass  # the reading process ended: its owner reports it
        finally:
            with contextlib.suppress(OSError):
                pipe.close()
