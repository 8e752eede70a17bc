"""Work on many clinic files at once: a pool of N worker processes, or this process alone.

The workers start from a clean process (forkserver where the system has it, else spawn), never
by forking this one: a forked copy of a threaded process (`mkdocs serve` builds beside its web
server) can deadlock, and macOS and Windows do not fork safely or at all. Workers ignore Ctrl-C:
the main process alone stops the run (the CLI exits 130 with one line).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Generic, TypeVar

from ketaguide import sidework

if TYPE_CHECKING:  # the pool's modules are imported when a pool starts (10 ms a run otherwise)
    from multiprocessing.context import BaseContext

ENV_WORKERS = "KETAGUIDE_WORKERS"  # a number; 1 = no pool
PARALLEL_FROM = 1000  # files; below this, starting the workers costs more than they save
MAX_WORKERS = 8
_A = TypeVar("_A")
_B = TypeVar("_B")
_T = TypeVar("_T")


def default_workers() -> int:
    """$KETAGUIDE_WORKERS, else one per core (at most 8)."""
    return sidework.count_from_env(ENV_WORKERS) or min(os.cpu_count() or 1, MAX_WORKERS)


def _context() -> BaseContext:
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _quiet() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class Run(Generic[_T]):
    """The results, in order, and how many worker processes made them (0: this process)."""

    results: list[_T] = field(default_factory=list)
    workers: int = 0


def _tagged(work: Callable[[_A, _B], _T], item: _A, shared: _B) -> tuple[int, _T]:
    return os.getpid(), work(item, shared)


def each(
    work: Callable[[_A, _B], _T], items: list[_A], shared: _B, workers: int | None = None
) -> Run[_T]:
    """work(item, shared) for every item, in order: on `workers` processes when there are
    PARALLEL_FROM items or more, else here."""
    count = default_workers() if workers is None else workers
    if count <= 1 or len(items) < PARALLEL_FROM:
        return Run([work(item, shared) for item in items], 0)
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(250, len(items) // (count * 4)))
    pool = ProcessPoolExecutor(count, mp_context=_context(), initializer=_quiet)
    try:
        done = list(pool.map(_tagged, repeat(work), items, repeat(shared), chunksize=chunk))
    except BaseException:  # Ctrl-C or a failed worker: stop at once, drop the queued work
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return Run([result for _, result in done], len({pid for pid, _ in done}))
