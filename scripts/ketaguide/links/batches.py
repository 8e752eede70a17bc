"""Outside links checked in small batches, one host at a time, under one deadline.

One lychee run over every link loses every answer when the deadline stops it: ten slow hosts
could hide a 404 on an eleventh. So the links are grouped by host, each host's links are checked
a few at a time (never two batches at once on one host: sites rate-limit), many hosts in
parallel, and every batch that finished before the deadline keeps its answers. A batch still
running at the deadline is stopped; its links are listed as not checked.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ketaguide.links import lychee

BATCH = 8  # links per lychee run
RUNS_AT_ONCE = 12  # lychee processes at a time, across hosts


@dataclass
class Outcome:
    reports: list[lychee.Report] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # URLs the deadline left unchecked
    lock: threading.Lock = field(default_factory=threading.Lock)


def host(url: str) -> str:
    return (urlsplit(url).netloc or "?").lower()


def _folder(base: Path, name: str) -> Path:
    """A cache folder per host: batches of one host run one after another, so never share."""
    folder = base / re.sub(r"[^a-z0-9.-]", "_", name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _include(urls: list[str]) -> list[str]:
    args = ["--exclude", ".*"]  # everything but these URLs (--include wins over --exclude)
    for url in urls:
        args += ["--include", f"^{re.escape(url)}$"]
    return args


def check(
    urls: list[str],
    run: Callable[[list[str], Path, float], lychee.Report],
    cache_dir: Path,
    deadline_at: float,
) -> Outcome:
    """Check `urls` with run(extra_args, cwd, timeout); stop everything at `deadline_at`."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host(url), []).append(url)
    outcome = Outcome()
    slots = threading.Semaphore(RUNS_AT_ONCE)

    def one_host(name: str, links: list[str]) -> None:
        cwd = _folder(cache_dir, name)
        for start in range(0, len(links), BATCH):
            batch = links[start : start + BATCH]
            remaining = deadline_at - time.monotonic()
            if remaining <= 0 or not slots.acquire(timeout=remaining):
                with outcome.lock:
                    outcome.unchecked += links[start:]
                return
            try:
                report = run(_include(batch), cwd, max(deadline_at - time.monotonic(), 0.01))
            except subprocess.TimeoutExpired:
                with outcome.lock:
                    outcome.unchecked += links[start:]
                return
            finally:
                slots.release()
            with outcome.lock:
                outcome.reports.append(report)

    with ThreadPoolExecutor(max_workers=max(len(by_host), 1)) as pool:
        for future in [pool.submit(one_host, n, links) for n, links in by_host.items()]:
            future.result()  # a LycheeError (no lychee, a crash) is not a link result: raise it
    return outcome
