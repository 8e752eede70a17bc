"""The Spanish edition (issue 14): its first view beside English, and building both editions
beside stock Material building the same two sets of pages. A benchmark, not a test.

    .venv/bin/python benchmarks/editions.py [--runs 3] [--write]

Weight: every page built in both editions (the clinic pages aside), on today's site; the first
view is the HTML plus the stylesheets and scripts it links from the site's own host (reader.py),
each gzip-compressed at level 6. Target: each Spanish page weighs no more than its English page
plus 5%, met only if the worst pair meets it.

Build: the project builds both editions as `dev.py build` does (ketaguide.buildall: English
into site/ and Spanish into site/es/, both strict, hooks and a Pagefind index each, the two
builds at once, one process each); stock Material (its own search, no hooks or overrides)
builds a copy of docs/ into site/ and of docs-es/ into site/es/, one after the other, as two
`mkdocs build` commands run. Cold (no disk cache, no site/) and warm (both kept), each run a pair
of fresh processes back to back, the order swapped every run; the ratio is taken within each
pair, and the target (1.25) is met only if the slowest pair meets it. --write saves the
numbers to benchmarks/results/editions.json and the table to benchmarks/editions.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from common import (
    ROOT,
    Run,
    build,
    cache_env,
    compile_project,
    copy_docs,
    run,
    stock_config,
    temp_folder,
    write_config,
)
from overhead import CONDITIONS, compare_pairs
from overhead import TARGET as BUILD_TARGET
from reader import _assets

WEIGHT_TARGET = 1.05
HERE = Path(__file__).resolve().parent


def _first_view(site: Path, page: Path) -> int:
    from common import gz

    return gz(page.read_bytes()) + sum(gz(a.read_bytes()) for a in _assets(site, page))


def weight(site: Path) -> dict[str, Any]:
    """Each page in both editions: English and Spanish first-view bytes (gzip) and the ratio."""
    pairs = {}
    for spanish in sorted((site / "es").rglob("index.html")):
        rel = spanish.relative_to(site / "es")
        english = site / rel
        if (rel.parts[0] == "clinics" and len(rel.parts) > 2) or not english.is_file():
            continue  # clinic pages: i18n-directory's generated pages, same template both ways
        en, es = _first_view(site, english), _first_view(site / "es", spanish)
        pairs["/" + rel.parent.as_posix().strip(".")] = {"en": en, "es": es, "ratio": es / en}
    worst = max(pairs.values(), key=lambda p: p["ratio"])
    return {
        "pairs": pairs,
        "worst": worst,
        "target": WEIGHT_TARGET,
        "met": worst["ratio"] <= WEIGHT_TARGET,
    }


def _project(site: Path, cache: Path) -> Run:
    command = [sys.executable, "-m", "ketaguide.buildall", "--site-dir", str(site)]
    return run(command, env=cache_env(cache)).ok()


def _stock(configs: tuple[Path, Path], site: Path) -> Run:
    """Both stock builds, English then Spanish: one Run with their summed times."""
    first = build(configs[0], site, strict=False).ok()
    second = build(configs[1], site / "es", strict=False).ok()
    return Run(
        first.seconds + second.seconds,
        first.cpu_s + second.cpu_s,
        max(first.peak_mb, second.peak_mb),
        0,
        first.output + second.output,
    )


def measure(runs: int) -> dict[str, Any]:
    times: dict[str, dict[str, list[float]]] = {c: {"real": [], "stock": []} for c in CONDITIONS}
    cpu: dict[str, dict[str, list[float]]] = {c: {"real": [], "stock": []} for c in CONDITIONS}
    compile_project()
    with temp_folder("editions") as tmp:
        docs = copy_docs(tmp / "en" / "docs", strip_directive=True)
        docs_es = copy_docs(tmp / "es" / "docs", True, ROOT / "docs-es")
        # Stock Material reads each edition's own shared statements, then the English ones.
        config_es = stock_config(docs_es)
        config_es["markdown_extensions"]["pymdownx.snippets"]["base_path"] = [
            str(docs_es / "_shared"),
            str(docs / "_shared"),
        ]
        config_es["theme"]["language"] = "es"
        configs = (
            write_config(tmp / "en", stock_config(docs)),
            write_config(tmp / "es", config_es),
        )
        warm = tmp / "cache-warm"
        _project(tmp / "real-site", warm)  # unmeasured: the warm cache and the OS file cache
        _stock(configs, tmp / "stock-site")
        for i in range(runs):
            for condition in CONDITIONS:
                cache = warm if condition == "warm" else tmp / f"cache-cold-{i}"
                if condition == "cold":
                    for side in ("real-site", "stock-site"):
                        shutil.rmtree(tmp / side, ignore_errors=True)
                real_first = i % 2 == 0
                if real_first:
                    real = _project(tmp / "real-site", cache)
                plain = _stock(configs, tmp / "stock-site")
                if not real_first:
                    real = _project(tmp / "real-site", cache)
                times[condition]["real"].append(real.seconds)
                times[condition]["stock"].append(plain.seconds)
                cpu[condition]["real"].append(real.cpu_s)
                cpu[condition]["stock"].append(plain.cpu_s)
        result: dict[str, Any] = {
            "runs": runs,
            "target": BUILD_TARGET,
            "weight": weight(tmp / "real-site"),
        }
    result.update(compare_pairs(times, cpu))
    return result


def _range(s: dict[str, Any]) -> str:
    return f"{s['median']:.2f} [{s['min']:.2f}-{s['max']:.2f}]"


def table(result: dict[str, Any]) -> str:
    lines = [
        "| Build, both editions | Project (s), median [min-max] | Stock Material (s) | "
        "Ratio, median [min-max] | Met (slowest pair <= 1.25) | CPU-time ratio, median [min-max] |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    note = (
        "\nThe project builds the two editions at once (`ketaguide.buildall`: a process each, "
        f"on this machine's {os.cpu_count()} cores); stock Material's two `mkdocs build` "
        "commands run one after the other. The wall-time ratio is what a deploy waits; the "
        "CPU-time ratio (user and system time of both builds) is the work each side does."
    )
    for c in CONDITIONS:
        r = result[c]
        lines.append(
            f"| {c} | {r['real']['median']:.2f} [{r['real']['min']:.2f}-{r['real']['max']:.2f}] "
            f"| {r['stock']['median']:.2f} [{r['stock']['min']:.2f}-{r['stock']['max']:.2f}] "
            f"| {r['ratio']['median']:.2f} [{r['ratio']['min']:.2f}-{r['ratio']['max']:.2f}] "
            f"| {'yes' if r['met'] else 'NO'} "
            f"| {_range(r['cpu_ratio'])} |"
        )
    w = result["weight"]
    lines += [
        note,
        "",
        "| Page (first view, gzip 6) | English (bytes) | Spanish (bytes) | Spanish / English |",
        "| --- | --- | --- | --- |",
    ]
    for name, p in w["pairs"].items():
        lines.append(f"| {name} | {p['en']:,} | {p['es']:,} | {p['ratio']:.3f} |")
    lines.append(
        f"\nWorst ratio {w['worst']['ratio']:.3f} (target <= {WEIGHT_TARGET}): "
        f"{'met' if w['met'] else 'NOT met'}."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    started = time.time()
    result = measure(args.runs)
    text = table(result)
    print(text)
    print(f"({time.time() - started:.0f} s)")
    if args.write:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / "editions.json").write_text(json.dumps(result, indent=1), "utf-8")
        head = "# The Spanish edition: weight and build time\n\nWritten by `benchmarks/editions.py"
        (HERE / "editions.md").write_text(
            f"{head} --write` ({args.runs} runs).\n\n{text}\n", "utf-8"
        )
    met = result["weight"]["met"] and all(result[c]["met"] for c in CONDITIONS)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
