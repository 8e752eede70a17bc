"""Run every benchmark and write the results into benchmarks/README.md. Not part of the tests.

    .venv/bin/python benchmarks/run_all.py            # everything (about 20 minutes)
    .venv/bin/python benchmarks/run_all.py --quick    # smaller and fewer runs (about 5 minutes)
    .venv/bin/python benchmarks/run_all.py --only overhead edit-loop

The full run replaces the results part of README.md (between the results markers; the notes
around it are kept) and saves the raw numbers to benchmarks/results/run_all.json. A quick run,
or one with --only, prints the same Markdown and writes nothing unless given --write.
Exit status: 0 when every target is met, 1 when one is missed, 2 when a benchmark failed.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import directory
import edit_loop
import insurance
import machine
import overhead
import reader
import report
import scale
import weight
from common import ROOT

HERE = Path(__file__).resolve().parent
SECTIONS = ["overhead", "weight", "edit-loop", "scale", "directory", "reader", "properdocs"]
# (articles, clinics, cold builds, compared with stock Material in a browser). The biggest point
# carries the scale target and the 1,000-article reader goals.
FULL_GRID = [(1_000, 1_000, 3, True)]  # 3 cold builds: median, spread, "met" from the slowest
QUICK_GRID = [(100, 1_000, 1, True)]
REPEATS = 3  # every timing in the browser, per side


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpus, fewer runs")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    parser.add_argument("--write", action="store_true", help="write README.md even if partial")
    parser.add_argument("--runs", type=int, help="build pairs per condition (default 5; 3)")
    parser.add_argument("--scale-runs", type=int, help="cold builds per scale point")
    parser.add_argument("--checks", action="store_true", help="also time the checks at scale")
    return parser


def _step(name: str, results: dict[str, Any], work: Callable[[], Any]) -> None:
    print(f"== {name} ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    try:
        results[name] = work()
    except Exception as err:
        traceback.print_exc()
        results[name] = {"failed": f"{type(err).__name__}: {err}"[:3000]}
    print(f"   {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    wanted = set(args.only or SECTIONS)
    runs = args.runs or (3 if args.quick else 5)
    grid = QUICK_GRID if args.quick else FULL_GRID
    command = " ".join(["benchmarks/run_all.py", *(sys.argv[1:] if argv is None else argv)])
    results: dict[str, Any] = {"machine": machine.machine(command), "quick": args.quick}
    started = time.perf_counter()
    kept = Path(tempfile.mkdtemp(prefix="kg-bench-site-"))
    site = kept / "site"
    try:
        if wanted & {"overhead", "reader", "weight"}:
            _step("overhead", results, lambda: overhead.measure(runs, keep=kept))
        if "weight" in wanted and site.is_dir():
            article = "treatment/infusion-process/"
            _step(
                "today",
                results,
                lambda: weight.compare(site, kept / "stock-site", article, REPEATS),
            )
        if "reader" in wanted and site.is_dir():
            _step("reader", results, lambda: reader.measure(site))
        if "edit-loop" in wanted:
            _step("edit-loop", results, lambda: edit_loop.measure(3 if args.quick else 5))
        if "scale" in wanted:
            points: list[dict[str, Any]] = []
            for articles, clinics, repeats, browse in grid:
                name = f"scale {articles}/{clinics}"
                repeats = args.scale_runs or repeats
                work = functools.partial(
                    scale.measure, articles, clinics, args.checks, repeats, browse
                )
                _step(name, results, work)
                if "failed" not in results[name]:
                    points.append(results.pop(name))
            results["scale"] = points
        if "directory" in wanted:
            size = 1_000 if args.quick else 10_000
            _step("directory", results, lambda: directory.measure(size, REPEATS))
        if "properdocs" in wanted:
            _step("properdocs", results, lambda: insurance.measure(1 if args.quick else 3))
    finally:
        shutil.rmtree(kept, ignore_errors=True)
    results["machine"]["total_s"] = time.perf_counter() - started
    text = report.render(results)
    print(text)
    if (not args.quick and not args.only) or args.write:
        report.write_readme(HERE / "README.md", text)
        out = HERE / "results" / "run_all.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
        print(f"wrote {(HERE / 'README.md').relative_to(ROOT)} and {out.relative_to(ROOT)}")
    if any(isinstance(v, dict) and "failed" in v for v in results.values()):
        return 2
    return 0 if report.all_met(results) else 1


if __name__ == "__main__":
    sys.exit(main())
