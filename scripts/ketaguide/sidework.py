"""Work beside the build, on the machine's other core: whether a fork of the build may be made,
and a pipe the build feeds without waiting on it. Used by the checks' process
(buildchecks.py), the template compiler (templatewarm.py) and Pagefind (searchservice.py)."""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from typing import IO

_DONE = object()  # tells the feeding thread to close the pipe


def fork_possible() -> bool:
    """A fork copies one thread only: made while another is alive, it could copy a held lock."""
    return hasattr(os, "fork") and threading.active_count() == 1


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
