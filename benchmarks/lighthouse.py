"""Lighthouse scores, and the work behind them, for the built site (a benchmark, not a test).

    (cd benchmarks/lighthouse && npm ci)   # once
    .venv/bin/python benchmarks/lighthouse.py                # writes the tables in README.md
    .venv/bin/python benchmarks/lighthouse.py --against main # prints both sides, writes nothing

Builds the site, serves it with gzip at the level every benchmark uses (serve.py), runs
Lighthouse 12 (mobile, CHROME_PATH or /usr/bin/chromium) three times on home, an article, the FAQ
and the directory, and writes into README.md (between the lighthouse markers) the median scores,
every run's performance score, whether the target (100 in all four categories, in every run) is
met, and the work the scores come from (simulated paint and blocking times, main-thread time,
long tasks, DOM elements, bytes, elements restyled) with its spread: on a busy machine scores and
times move with the load, the counts do not. With --against REF the tree at git REF is built too
and the two sides take turns, run by run. First-view weight against stock Material: weight.py.
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
PAGES = {"home": "", "article": "safety/evidence/", "FAQ": "practical/faq/"}
PAGES["directory"] = "clinics/"
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
RESTYLED = "Elements restyled"  # from the run's trace: a count the machine's load does not move


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
        "--save-assets",  # the trace, for the restyle count
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
    result[RESTYLED] = restyled(out.with_name(f"{out.stem}-0.trace.json"), url)
    return result


def restyled(trace: Path, url: str) -> int:
    """How many elements the page's renderer restyled while loading, summed over every style
    recalculation: a full-page restyle counts every element again."""
    events = json.loads(trace.read_text())["traceEvents"]
    renderer = {
        e["pid"]
        for e in events
        if e.get("name") == "ParseHTML" and e["args"].get("beginData", {}).get("url") == url
    }
    return sum(
        e["args"].get("elementCount", 0)
        for e in events
        if e.get("name") == "UpdateLayoutTree" and e.get("ph") == "X" and e["pid"] in renderer
    )


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


def tables(runs: dict[str, list[dict[str, float]]]) -> list[str]:
    """The scores table and the work table, one row per page."""
    columns = [name for name, _, _ in FIGURES] + [RESTYLED]
    rows = [
        "| Page | Performance | Accessibility | Best practices | SEO | Every run (performance) |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path in PAGES.items():
        page = runs[name]
        medians = " | ".join(f"{statistics.median(r[c] for r in page):.0f}" for c in CATEGORIES)
        every = ", ".join(str(r["performance"]) for r in runs[name])
        rows.append(f"| {name} (`/{path}`) | {medians} | {every} |")
    every_run = [r[c] for page in runs.values() for r in page for c in CATEGORIES]
    lowest = min(r["performance"] for page in runs.values() for r in page)
    met = "met" if min(every_run) == 100 else "not met"
    rows += [
        "",
        f"Target, 100 in all four categories in every run: {met} (lowest performance run: "
        f"{lowest}).",
        "",
        "The work behind the performance score: median of the runs (lowest-highest). Paint "
        "times and blocking time are Lighthouse's simulation of a mid-range phone on a slow 4G "
        "network; main-thread and script time are measured in this browser, slowed down 4x.",
        "",
        "| Page | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for name in PAGES:
        cells = []
        for figure in columns:
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
