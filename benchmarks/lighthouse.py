"""Lighthouse scores, and the work behind them, for the built site (a benchmark, not a test).

    python3 scripts/dev.py test   # once, for .venv
    (cd benchmarks/lighthouse && npm ci)
    .venv/bin/python benchmarks/lighthouse.py                # writes the tables in README.md
    .venv/bin/python benchmarks/lighthouse.py --against main # prints both sides, writes nothing

Builds the site, serves it on 127.0.0.1 with gzip at the level every benchmark uses (serve.py),
runs Lighthouse 12 (CHROME_PATH=/usr/bin/chromium, mobile) three times on home, an article, the
FAQ and the directory, and writes into README.md (between the lighthouse markers) the median of
each score with every run's performance score, and the median of the work figures the scores
come from (simulated paint times and blocking time, main-thread time, DOM elements, bytes, long
tasks), with their spread: on a busy machine the scores move with the load, the work much less.
With --against REF the site at git REF (docs, overrides and package as committed there) is built
too, and the two sides run alternately, page by page, in one run.
Target: 100 in all four categories. What a first view transfers is measured by run_all.py
(weight.py), against stock Material.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GZIP_LEVEL
from serve import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "home": "",
    "article": "safety/evidence/",
    "FAQ": "practical/faq/",
    "directory": "clinics/",
}
RUNS = 3
START = "<!-- lighthouse:start (written by benchmarks/lighthouse.py; do not edit by hand) -->"
END = "<!-- lighthouse:end -->"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Work figure: (column heading, Lighthouse audit, what of it). "value" is the audit's numeric
# value (ms, elements or bytes), "items" the number of rows in its details.
FIGURES = [
    ("FCP ms", "first-contentful-paint", "value"),
    ("LCP ms", "largest-contentful-paint", "value"),
    ("TBT ms", "total-blocking-time", "value"),
    ("Main thread ms", "mainthread-work-breakdown", "value"),
    ("Script ms", "bootup-time", "value"),
    ("Long tasks", "long-tasks", "items"),
    ("Render-blocking files", "render-blocking-resources", "items"),
    ("DOM elements", "dom-size", "value"),
    ("KB transferred", "total-byte-weight", "value"),
]


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """One mobile Lighthouse run: the four scores (0-100) and the work figures."""
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={flags}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROME})
    report = json.loads(out.read_text())
    result = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    for name, audit_id, what in FIGURES:
        audit = report["audits"][audit_id]
        if what == "items":
            result[name] = len((audit.get("details") or {}).get("items") or [])
        else:
            result[name] = audit["numericValue"] / (1000 if name.startswith("KB") else 1)
    return result


def build(source: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://guide.example.org/"}
    if source != ROOT:  # the package as committed at that ref, ahead of the installed one
        env["PYTHONPATH"] = os.pathsep.join([str(source / "scripts"), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    subprocess.run(command, cwd=source, env=env, check=True)


def checkout(ref: str, folder: Path) -> Path:
    """The tree at git `ref`, unpacked into `folder`."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def tables(runs: dict[str, list[dict[str, float]]]) -> list[str]:
    """The scores table and the work table, one row per page."""
    rows = [
        "| Page | Performance | Accessibility | Best practices | SEO | Every run (performance) |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path in PAGES.items():
        medians = " | ".join(f"{_median(runs[name], c):.0f}" for c in CATEGORIES)
        every = ", ".join(str(r["performance"]) for r in runs[name])
        rows.append(f"| {name} (`/{path}`) | {medians} | {every} |")
    rows += [
        "",
        "The work behind the performance score: median of the runs (lowest-highest). Paint "
        "times and blocking time are Lighthouse's simulation of a mid-range phone on a slow 4G "
        "network; main-thread and script time are measured in this browser, slowed down 4x.",
        "",
        "| Page | " + " | ".join(name for name, _, _ in FIGURES) + " |",
        "| --- |" + " ---: |" * len(FIGURES),
    ]
    for name in PAGES:
        cells = []
        for figure, _, _ in FIGURES:
            values = [r[figure] for r in runs[name]]
            low, mid, high = min(values), statistics.median(values), max(values)
            cells.append(f"{mid:,.0f}" + ("" if low == high else f" ({low:,.0f}-{high:,.0f})"))
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def measure(sites: dict[str, Path], tmp: Path) -> dict[str, dict[str, list[dict[str, float]]]]:
    """Every page RUNS times on each site; the sites take turns, and which goes first
    alternates from run to run."""
    runs: dict[str, dict[str, list[dict[str, float]]]] = {s: {n: [] for n in PAGES} for s in sites}
    with contextlib.ExitStack() as stack:
        bases = [(side, stack.enter_context(serve(site))) for side, site in sites.items()]
        for name, path in PAGES.items():
            for i in range(RUNS):
                for side, base in bases[:: -1 if i % 2 else 1]:
                    runs[side][name].append(lighthouse(base + path, tmp / "report.json"))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REF", help="also measure the site at git REF")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("run `npm ci` in benchmarks/lighthouse first")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        sites = {"this tree": tmp / "site"}
        build(ROOT, sites["this tree"])
        if args.against:
            sites[args.against] = tmp / "site-ref"
            build(checkout(args.against, tmp / "ref"), sites[args.against])
        runs = measure(sites, tmp)
    intro = (
        f"Measured on {dt.date.today().isoformat()} with `.venv/bin/python "
        f"benchmarks/lighthouse.py`: Lighthouse mobile, {RUNS} runs per page (the median "
        f"of each score), the site served with gzip level {GZIP_LEVEL} on 127.0.0.1."
    )
    if args.against:  # a comparison is printed, never written: the README holds this tree's
        print(intro.replace("lighthouse.py`", f"lighthouse.py --against {args.against}`"))
        for side, side_runs in runs.items():
            print(f"\n## {side}\n\n" + "\n".join(tables(side_runs)))
        return
    text = "\n".join([intro, "", *tables(runs["this tree"])])
    print(text)
    readme = ROOT / "benchmarks" / "README.md"
    head, _, rest = readme.read_text(encoding="utf-8").partition(START)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n\n{text}\n\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
