"""Benchmark: `ketaguide check` over docs/ and data/, as a writer runs it (target < 2 s).

    .venv/bin/python benchmarks/check_speed.py [RUNS]     (default 5)

Times a fresh process each run (start-up and imports included) and prints the median, then
the time each checker takes in one process, so a slow rule is easy to spot.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

from ketaguide import checks

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.0


def whole_command(runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "ketaguide", "check", "docs", "data"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def per_checker() -> list[tuple[str, float]]:
    paths = [ROOT / "docs", ROOT / "data"]
    today = dt.date.today()
    rows = []
    for checker in checks.CHECKERS:
        started = time.perf_counter()
        list(checker(paths, today))
        rows.append((f"{checker.__module__}.{checker.__name__}", time.perf_counter() - started))
    return rows


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pages = len(list((ROOT / "docs").rglob("*.md")))
    clinics = len(list((ROOT / "data").rglob("*.yml")))
    median = whole_command(runs)
    verdict = "within" if median < TARGET else "OVER"
    print(f"ketaguide check docs data: {pages} pages, {clinics} clinic files")
    print(f"  median of {runs} fresh runs: {median:.2f} s ({verdict} the {TARGET:g} s target)")
    for name, seconds in per_checker():
        print(f"  {name:<44} {seconds * 1000:7.0f} ms")
    return 0 if median < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
