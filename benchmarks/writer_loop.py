"""The writer's loop, timed: save a page with a misleading claim, then see its finding in the
terminal of `dev.py serve` and in the panel at the top of the previewed page.

Runs the preview (`python -m ketaguide.serve`, what `dev.py serve` execs) on a copy of the
project in a temporary folder. Each save is timed from a preview at rest (no CPU used and no
output for a second), to (1) the finding's line in the preview's terminal output and (2) the
page served with the panel that names the finding's line; then the claim is removed and the
time until the panel is gone is taken too. `ketaguide check FILE` (the loop without the
preview) is timed on the same page. Prints every run, the median and the range.

    .venv/bin/python benchmarks/writer_loop.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("mkdocs.yml", "docs", "overrides", "data", "scripts/ketaguide/mkdocs_hooks.py")
PAGE = "understanding/chronic-pain.md"
HEADING = "## What counts as chronic pain?"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(test: Callable[[], bool], start: float, timeout: float = 60) -> float:
    while time.perf_counter() - start < timeout:
        if test():
            return time.perf_counter() - start
        time.sleep(0.02)
    return float("nan")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _at_rest(log: Path) -> None:
    """Until the preview's output has not changed for a second (its rebuild is done)."""
    before = ""
    while (now := log.read_text(errors="replace")) != before:
        before = now
        time.sleep(1)


def _summary(name: str, values: list[float]) -> str:
    shown = ", ".join(f"{v:.2f}" for v in values)
    return (
        f"{name}: median {statistics.median(values):.2f} s, range {min(values):.2f}-"
        f"{max(values):.2f} s (runs: {shown})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    root = Path(tempfile.mkdtemp(prefix="kg-bench-loop-"))
    process = None
    try:
        for name in PROJECT:
            source, dest = ROOT / name, root / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if source.is_dir() else shutil.copy)(source, dest)
        port, log = _port(), root / "serve.log"
        with log.open("w") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "ketaguide.serve", "--port", str(port)],
                cwd=root,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        url = f"http://127.0.0.1:{port}/{PAGE.removesuffix('.md')}/"
        _until(lambda: "Serving on" in log.read_text(errors="replace"), time.perf_counter(), 300)
        article = root / "docs" / PAGE
        text = article.read_text(encoding="utf-8")
        line = text.splitlines().index(HEADING) + 1  # the claim goes on the heading's line
        where = f"docs/{PAGE}:{line}:"  # the finding's place, in the terminal and the panel
        terminal, page, cleared, check = [], [], [], []
        for n in range(runs):
            _at_rest(log)
            seen = len(log.read_text(errors="replace"))
            claim = f"Ketamine cures pain{' ' * n}.\n\n"  # a new file content each run
            start = time.perf_counter()
            article.write_text(text.replace(HEADING, claim + HEADING), encoding="utf-8")
            printed = lambda seen=seen: where in log.read_text(errors="replace")[seen:]  # noqa: E731
            terminal.append(_until(printed, start))
            page.append(_until(lambda: where in _get(url), start))
            _at_rest(log)
            start = time.perf_counter()
            article.write_text(text, encoding="utf-8")
            cleared.append(_until(lambda: "kg-preview-findings" not in _get(url), start))
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "ketaguide", "check", f"docs/{PAGE}"],
                cwd=root,
                capture_output=True,
                check=False,
            )
            check.append(time.perf_counter() - started)
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; {runs} runs")
        print(_summary("save -> finding in the terminal", terminal))
        print(_summary("save -> finding in the previewed page", page))
        print(_summary("save of the fix -> panel gone", cleared))
        print(_summary("ketaguide check on the page (no preview)", check))
        return 0
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
