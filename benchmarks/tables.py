"""The detailed sections of the results, as Markdown (report.py writes the summary)."""

from __future__ import annotations

from typing import Any

from common import kib


def mb(value: float) -> str:
    return f"{value:,.0f} MB"


def kb(size: float) -> str:
    """Bytes as KB of 1,000 bytes, as the targets are stated."""
    return f"{size / 1000:,.1f} KB"


def times(s: dict[str, Any], unit: str = "s", digits: int = 2) -> str:
    """Median, then fastest to slowest: "1.18 s (1.15-1.19, 7 runs)"."""
    return (
        f"{s['median']:.{digits}f} {unit} ({s['min']:.{digits}f}-{s['max']:.{digits}f}, "
        f"{len(s['all'])} runs)"
    )


def every(s: dict[str, Any], digits: int = 2) -> str:
    return ", ".join(f"{t:.{digits}f}" for t in s["all"])


def overhead(o: dict[str, Any]) -> list[str]:
    rows = [
        "### Overhead",
        "",
        f"The real site (`mkdocs build --strict`, {o['real_pages']} pages with the generated "
        f"clinic pages) and the same Markdown with stock Material as it ships, its own search "
        f"included ({o['stock_pages']} pages: no hooks, overrides or generated pages; "
        f"{o['stock_warnings']} warnings for links to generated files). Each run is a pair of "
        "fresh processes back to back, the order swapped every run; the ratio is taken within "
        "each pair. Cold: the project's disk cache empty and no `site/` folder for every build, "
        "on both sides (as on every deploy from a fresh checkout). Warm: the cache and `site/` "
        "kept (stock Material has no cache; its `site/` is kept alike). The control: in each run "
        "stock Material builds a second time, next to its first build; the ratio of the two is "
        "what this machine gives two identical builds in that run (its noise).",
        "",
        "| Condition | Project (s, each run) | Stock Material (s, each run) | Ratio per pair "
        "| CPU-time ratio | Control: stock Material / itself | Met (slowest pair <= "
        f"{o['target']:.2f}x) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for c in ("cold", "warm"):
        r = o[c]
        control = times(r["stock_again"], "x") if "stock_again" in r else "-"
        rows.append(
            f"| {c} | {every(r['real'])} | {every(r['stock'])} | {times(r['ratio'], 'x')} | "
            f"{times(r['cpu_ratio'], 'x')} | {control} | {'yes' if r['met'] else '**no**'} |"
        )
    rows += ["", f"Peak memory: project {mb(o['real_peak_mb'])}, stock {mb(o['stock_peak_mb'])}."]
    return rows


def scale(points: list[dict[str, Any]]) -> list[str]:
    rows = [
        "### Scale",
        "",
        "Synthetic articles (about 1,200 words, 8 footnotes, a table, a list, 8 headings, links) "
        "in nav sections of 50 under one top-level section, plus the real pages, with generated "
        "clinic files; the real configuration (theme, overrides, hooks, extensions, "
        "`navigation.prune`), `--strict`; every build cold (an empty project cache, no `site/`).",
        "",
        "| Articles | Clinics | HTML pages | Build: median (fastest-slowest) | Every run (s) "
        "| Peak memory | Search bundle on disk | Directory page (gzip) |",
        "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for p in points:
        rows.append(
            f"| {p['articles']:,} | {p['clinics']:,} | {p['pages']:,} | {times(p['build'], 's', 1)}"
            f" | {every(p['build'], 1)} | {mb(p['peak_mb'])} | "
            f"{kib(p['search_bundle_bytes'])} in {p['search_bundle_files']:,} files | "
            f"{kib(p['directory_raw'])} ({kib(p['directory_gz'])}) |"
        )
    return rows


def checks(points: list[dict[str, Any]]) -> list[str]:
    if not any("check_all" in p for p in points):
        return []  # not asked for (run_all.py --checks)
    rows = [
        "### Checks at scale",
        "",
        "`ketaguide check` (fresh process, all rules) and `ketaguide links` (lychee, offline, "
        "every HTML file of the built site, anchors included); one run each.",
        "",
        "| Corpus | Command | Files | Time | Files/s | Peak memory | Findings |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for p in points:
        if "check_all" not in p:
            continue
        corpus = f"{p['articles']:,} articles, {p['clinics']:,} clinics"
        for key, label in [
            ("check_all", "`ketaguide check docs clinics`"),
            ("check_docs", "`ketaguide check docs`"),
            ("check_clinics", "`ketaguide check clinics`"),
        ]:
            c = p[key]
            rows.append(
                f"| {corpus} | {label} | {c['files']:,} | {c['seconds']:.1f} s | "
                f"{c['files_per_s']:,.0f} | {mb(c['peak_mb'])} | {c['errors']} errors, "
                f"{c['warnings']} warnings |"
            )
        li = p["links"]
        rows.append(
            f"| {corpus} | `ketaguide links --site` | {li['files']:,} | {li['seconds']:.1f} s | "
            f"{li['files_per_s']:,.0f} | - | exit {li['exit']} |"
        )
    return rows


def weight(name: str, w: dict[str, Any]) -> list[str]:
    """One site's browser measurements, project and stock side by side."""
    rows = [
        f"#### In the browser: {name}",
        "",
        "| Measure | Project | Stock Material |",
        "| --- | ---: | ---: |",
    ]
    sides = [w["project"], w.get("stock")]

    def cell(side: dict[str, Any] | None, pick: Any) -> str:
        return pick(side) if side else "-"

    measures = [
        ("First view of the article (bytes transferred)", lambda s: kb(s["first_view"]["bytes"])),
        ("First view: requests", lambda s: str(s["first_view"]["requests"])),
        (
            f"First search `{w['project']['search'][0]['query']}`: bytes fetched for it",
            lambda s: kb(s["search_bytes"]),
        ),
        (
            "Results after the last index piece arrived (4x CPU slowdown)",
            lambda s: times(s["search_ms"], "ms", 0),
        ),
        (
            "Results after the last key (4x CPU slowdown)",
            lambda s: times(s["search_typing_ms"], "ms", 0),
        ),
        ("Results listed", lambda s: str(s["search"][0]["results"])),
    ]
    for label, pick in measures:
        rows.append(f"| {label} | {cell(sides[0], pick)} | {cell(sides[1], pick)} |")
    return rows


def reader(rd: dict[str, Any]) -> list[str]:
    rows = [
        "### Reader side",
        "",
        "Today's site. First visit: the HTML plus the stylesheets and scripts it links (all on "
        "the site's own host; cached after the first page), gzip level 6. The search bundle is "
        f"{kib(rd['search_bundle_bytes'])} in {rd['search_bundle_files']} files on disk; a page "
        "fetches none of it until the reader searches.",
        "",
        "| Page | HTML | HTML gzip | First visit | First visit gzip |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, p in rd["pages"].items():
        rows.append(
            f"| {name} (`{p['path']}`) | {kib(p['html_raw'])} | {kib(p['html_gz'])} | "
            f"{kib(p['first_visit_raw'])} | {kib(p['first_visit_gz'])} |"
        )
    return rows


def insurance(p: dict[str, Any]) -> list[str]:
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
