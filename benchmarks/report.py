"""The results as Markdown, and where they go in benchmarks/README.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from common import kib, versions

START = "<!-- results:start (written by benchmarks/run_all.py; do not edit by hand) -->"
END = "<!-- results:end -->"


def machine(command: str) -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    free = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout
    return {
        "date": dt.date.today().isoformat(),
        "command": f".venv/bin/python {command}",
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "free": free.rstrip(),
        "python": platform.python_version(),
        "packages": versions(),
    }


def _yes(met: bool) -> str:
    return "yes" if met else "**no**"


def _mb(value: float) -> str:
    return f"{value:,.0f} MB"


def _summary(r: dict[str, Any]) -> list[str]:
    rows = ["| Benchmark | Result | Target | Met |", "| --- | --- | --- | --- |"]
    o = r.get("overhead", {})
    if "ratio" in o:
        rows.append(
            f"| Overhead: project build / stock Material (wall time) | {o['ratio']:.2f}x "
            f"({o['real_s']:.2f} s / {o['stock_s']:.2f} s) | <= {o['target']:.2f}x "
            f"| {_yes(o['met'])} |"
        )
        rows.append(
            f"| Overhead in CPU time (steadier on a shared machine) | {o['cpu_ratio']:.2f}x "
            f"({o['real_cpu_s']:.2f} s / {o['stock_cpu_s']:.2f} s) | <= {o['target']:.2f}x "
            f"| {_yes(o['cpu_ratio'] <= o['target'])} |"
        )
    big = [p for p in r.get("scale", []) if (p["articles"], p["clinics"]) == (1000, 10000)]
    for p in big:
        met = p["build_s"] < 120 and p["peak_mb"] < 2048
        rows.append(
            f"| Build 1,000 articles + 10,000 clinics | {p['build_s']:.1f} s, "
            f"{_mb(p['peak_mb'])} peak | < 120 s, < 2 GB | {_yes(met)} |"
        )
    e = r.get("edit-loop", {})
    if "median_s" in e:
        rows.append(
            f"| Edit loop: save -> page served (`mkdocs serve --strict`) | {e['median_s']:.2f} s "
            f"median of {e['edits']} | < {e['target']:.0f} s | {_yes(e['met'])} |"
        )
    p = r.get("properdocs", {})
    if "properdocs_s" in p:
        rows.append(
            f"| ProperDocs builds the same site | {p['pages']} pages, "
            f"{'identical' if p['ok'] else 'DIFFERENT'} | same pages | {_yes(p['ok'])} |"
        )
    for name, value in r.items():
        if isinstance(value, dict) and "failed" in value:
            rows.append(f"| {name} | failed: `{value['failed'][:200]}` | - | **no** |")
    return rows


def _overhead(o: dict[str, Any]) -> list[str]:
    fmt = ", ".join
    return [
        "### Overhead",
        "",
        f"The real site (`mkdocs build --strict`, {o['real_pages']} pages with the generated "
        f"clinic pages) and the same Markdown with stock Material ({o['stock_pages']} pages: no "
        f"hooks, overrides or generated pages; {o['stock_warnings']} warnings for links to "
        f"generated files), alternating, {o['runs']} builds each, fresh processes.",
        "",
        "| Build | Median | Every run (s) | Peak memory |",
        "| --- | --- | --- | --- |",
        f"| Project | {o['real_s']:.2f} s | {fmt(f'{t:.2f}' for t in o['real_all'])} "
        f"| {_mb(o['real_peak_mb'])} |",
        f"| Stock Material | {o['stock_s']:.2f} s | {fmt(f'{t:.2f}' for t in o['stock_all'])} "
        f"| {_mb(o['stock_peak_mb'])} |",
        f"| Ratio | **{o['ratio']:.2f}x** (target <= {o['target']:.2f}x) | CPU time: "
        f"{o['real_cpu_s']:.2f} s / {o['stock_cpu_s']:.2f} s = {o['cpu_ratio']:.2f}x | |",
    ]


def _scale(points: list[dict[str, Any]], fits: dict[str, Any]) -> list[str]:
    rows = [
        "### Scale",
        "",
        "Synthetic articles (about 1,200 words, 8 footnotes, a table, a list, 8 headings, links) "
        "in nav sections of 50 under one top-level section, plus the real pages, with generated "
        "clinic files; the real "
        "configuration (theme, overrides, hooks, extensions, `navigation.prune`), `--strict`.",
        "",
        "| Articles | Clinics | HTML pages | Build | Per page | Peak memory | Search index "
        "(gzip) | Directory page (gzip) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for p in points:
        rows.append(
            f"| {p['articles']:,} | {p['clinics']:,} | {p['pages']:,} | {p['build_s']:.1f} s | "
            f"{p['per_page_ms']:.1f} ms | {_mb(p['peak_mb'])} | {kib(p['search_index_raw'])} "
            f"({kib(p['search_index_gz'])}) | {kib(p['directory_raw'])} "
            f"({kib(p['directory_gz'])}) |"
        )
    by = {(p["articles"], p["clinics"]): p["build_s"] for p in points}
    corners = sorted(by)[:2] + sorted(by)[-2:] if len(by) == 5 else []
    if corners:
        (a1, c1), (a2, c2) = corners[0], corners[-1]
        per_clinic = [(by[a, c2] - by[a, c1]) / (c2 - c1) * 1000 for a in (a1, a2)]
        per_article = [(by[a2, c] - by[a1, c]) / (a2 - a1) * 1000 for c in (c1, c2)]
        centre = ((a1 + a2) // 2, (c1 + c2) // 2)
        expected = sum(by[k] for k in corners) / 4
        rows += [
            "",
            f"Marginal cost: a clinic adds {per_clinic[0]:.1f} ms with {a1:,} articles and "
            f"{per_clinic[1]:.1f} ms with {a2:,}; an article adds {per_article[0]:.0f} ms with "
            f"{c1:,} clinics and {per_article[1]:.0f} ms with {c2:,} (each page renders the "
            f"navigation and is indexed for search, so pages cost a little more in a bigger "
            f"site). Linearity: the centre ({centre[0]:,} articles, {centre[1]:,} clinics) built "
            f"in {by.get(centre, float('nan')):.1f} s; a cost linear in each (the corners' mean) "
            f"predicts {expected:.1f} s ({100 * (by.get(centre, 0) / expected - 1):+.0f}%). "
            "Run-to-run noise on this shared machine is about 5%.",
        ]
    return rows


def _checks(points: list[dict[str, Any]]) -> list[str]:
    rows = [
        "### Checks at scale",
        "",
        "`ketaguide check` (fresh process, all rules) and `ketaguide links` (lychee, offline, "
        "every HTML file of the built site, anchors included).",
        "",
        "| Corpus | Command | Files | Time | Files/s | Peak memory | Findings |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in points:
        corpus = f"{p['articles']:,} articles, {p['clinics']:,} clinics"
        for key, label in [
            ("check_all", "`ketaguide check docs clinics`"),
            ("check_docs", "`ketaguide check docs`"),
            ("check_clinics", "`ketaguide check clinics`"),
        ]:
            c = p[key]
            rows.append(
                f"| {corpus} | {label} | {c['files']:,} | {c['seconds']:.1f} s | "
                f"{c['files_per_s']:,.0f} | {_mb(c['peak_mb'])} | {c['errors']} errors, "
                f"{c['warnings']} warnings |"
            )
        li = p["links"]
        rows.append(
            f"| {corpus} | `ketaguide links --site` | {li['files']:,} | {li['seconds']:.1f} s | "
            f"{li['files_per_s']:,.0f} | - | exit {li['exit']} |"
        )
    return rows


def _reader(rd: dict[str, Any], points: list[dict[str, Any]], fits: dict[str, Any]) -> list[str]:
    rows = [
        "### Reader side",
        "",
        "Today's site. First visit: the HTML plus the stylesheets and scripts it links (all on "
        "the site's own host; cached after the first page). gzip level 6.",
        "",
        "| Page | HTML | HTML gzip | First visit | First visit gzip |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, p in rd["pages"].items():
        rows.append(
            f"| {name} (`{p['path']}`) | {kib(p['html_raw'])} | {kib(p['html_gz'])} | "
            f"{kib(p['first_visit_raw'])} | {kib(p['first_visit_gz'])} |"
        )
    rows.append(
        f"| search index (`search/search_index.json`, fetched as a page loads) | "
        f"{kib(rd['search_raw'])} | {kib(rd['search_gz'])} | | |"
    )
    if points:
        rows += [
            "",
            "Growth with the corpus (synthetic sites above):",
            "",
            "| Articles | Clinics | Search index | gzip | Article page gzip | Clinic page gzip |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        rows += [
            f"| {p['articles']:,} | {p['clinics']:,} | {kib(p['search_index_raw'])} | "
            f"{kib(p['search_index_gz'])} | {kib(p['article_gz'])} | {kib(p['clinic_gz'])} |"
            for p in points
        ]
    f = fits.get("search_index_raw")
    if f:
        rows += [
            "",
            f"Search index fit: {kib(f['fixed'])} + {kib(f['per_article'])} per article + "
            f"{kib(f['per_clinic'])} per clinic (largest miss {100 * f['worst']:.0f}%).",
        ]
    return rows


def _insurance(p: dict[str, Any]) -> list[str]:
    rows = ["### Insurance: ProperDocs", ""]
    if "properdocs_s" not in p:
        return [
            *rows,
            f"ProperDocs failed at the {p.get('step')} step:",
            "",
            "```text",
            str(p.get("error", p.get("failed", ""))).strip(),
            "```",
        ]
    same = "the same files with the same bytes" if p["ok"] else "DIFFERENT output"
    rows += [
        f"`{p['version']}` in a throw-away venv (set-up {p['setup_s']:.0f} s) built the real "
        f"`mkdocs.yml` with `properdocs build --strict`: {p['pages']} HTML pages, {same} as "
        "MkDocs apart from the generator `<meta>` tag.",
        "",
        "| Tool | Median build | Runs |",
        "| --- | ---: | ---: |",
        f"| MkDocs 1.6 | {p['mkdocs_s']:.2f} s | {p['runs']} |",
        f"| ProperDocs | {p['properdocs_s']:.2f} s | {p['runs']} |",
    ]
    if p["only_in_one"] or p["differ"]:
        rows += ["", f"Only in one: {p['only_in_one'][:20]}; differ: {p['differ'][:20]}"]
    return rows


def render(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        f"Measured on {m['date']} with `{m['command']}` "
        f"({'quick run' if r.get('quick') else 'full run'}, {m['total_s'] / 60:.1f} minutes).",
        "",
        f"Machine: {m['cpu']}, `nproc` = {m['nproc']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + ".",
        "",
        "```text",
        "$ free -h",
        m["free"],
        "```",
        "",
        *_summary(r),
    ]
    points = r.get("scale", [])
    fits = r.get("fit", {})
    if "ratio" in r.get("overhead", {}):
        lines += ["", *_overhead(r["overhead"])]
    if points:
        lines += ["", *_scale(points, fits), "", *_checks(points)]
    e = r.get("edit-loop", {})
    if "median_s" in e:
        lines += [
            "",
            "### Edit loop",
            "",
            f"`mkdocs serve --strict` (as `scripts/dev.py serve` runs it) on a copy of today's "
            f"site; first build served after {e['first_build_s']:.1f} s. Saving `{e['page']}` "
            f"to the changed page served: {', '.join(f'{t:.2f}' for t in e['all_s'])} s "
            f"(median **{e['median_s']:.2f} s**, target < {e['target']:.0f} s).",
        ]
    if "pages" in r.get("reader", {}):
        lines += ["", *_reader(r["reader"], points, fits)]
    if "properdocs" in r:
        lines += ["", *_insurance(r["properdocs"])]
    return "\n".join(lines) + "\n"


def all_met(r: dict[str, Any]) -> bool:
    checks = [r.get("overhead", {}).get("met", True), r.get("edit-loop", {}).get("met", True)]
    for p in r.get("scale", []):
        if (p["articles"], p["clinics"]) == (1000, 10000):
            checks.append(p["build_s"] < 120 and p["peak_mb"] < 2048)
    checks.append(r.get("properdocs", {}).get("ok", True))
    return all(checks)


def write_readme(path: Path, results: str) -> None:
    text = (
        path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n\n{results}\n{END}{tail}", encoding="utf-8")
