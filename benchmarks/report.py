"""The results as Markdown: the goals met or not (this module), the details (tables.py), and
where they go in benchmarks/README.md. A goal is met only when its slowest run meets it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import directory_tables as directory
import tables
import weight
from tables import kb, times

START = "<!-- results:start (written by benchmarks/run_all.py; do not edit by hand) -->"
END = "<!-- results:end -->"
SCALE_TARGET_S = 120.0


def goals(r: dict[str, Any]) -> list[tuple[str, str, str, str, bool]]:
    """(goal, project, stock Material, target, met) for every goal this run measured."""
    out: list[tuple[str, str, str, str, bool]] = []
    o = r.get("overhead", {})
    for c in ("cold", "warm") if "cold" in o else ():
        x = o[c]
        out.append(
            (
                f"Build, {c}: project / stock Material, per pair",
                f"{times(x['ratio'], 'x')}; project {x['real']['median']:.2f} s",
                f"{x['stock']['median']:.2f} s",
                f"<= {o['target']:.2f}x",
                x["met"],
            )
        )
    sites = [("today's site", r.get("today"))]
    sites += [(f"{p['articles']:,} articles", p.get("weight")) for p in r.get("scale", [])]
    for name, w in sites:
        if not w or "project" not in w:
            continue
        mine, stock = w["project"], w.get("stock") or {}
        out.append(
            (
                f"First view of an article, {name}",
                kb(mine["first_view"]["bytes"]),
                kb(stock["first_view"]["bytes"]) if stock else "-",
                f"<= {kb(weight.FIRST_VIEW_TARGET)}",
                mine["first_view"]["bytes"] <= weight.FIRST_VIEW_TARGET,
            )
        )
        if name == "today's site":
            continue
        out.append(
            (
                f"First search, {name}: bytes",
                kb(mine["search_bytes"]),
                kb(stock["search_bytes"]) if stock else "-",
                f"<= {kb(weight.SEARCH_BYTES_TARGET)}",
                mine["search_bytes"] <= weight.SEARCH_BYTES_TARGET,
            )
        )
        out.append(
            (
                f"First search, {name}: results after the pieces arrive (4x slower CPU)",
                times(mine["search_ms"], "ms", 0),
                times(stock["search_ms"], "ms", 0) if stock else "-",
                f"<= {weight.SEARCH_MS_TARGET} ms",
                mine["search_ms"]["max"] <= weight.SEARCH_MS_TARGET,
            )
        )
    for p in r.get("scale", []):
        if (p["articles"], p["clinics"]) == (1000, 10000):
            out.append(
                (
                    "Build 1,000 articles + 10,000 clinics, cold",
                    f"{times(p['build'], 's', 1)}, {tables.mb(p['peak_mb'])} peak",
                    "-",
                    f"< {SCALE_TARGET_S:.0f} s, < 2 GB",
                    p["met"],
                )
            )
    if "first_view" in r.get("directory", {}):
        out += directory.goals(r["directory"])
    e = r.get("edit-loop", {})
    if "median_s" in e:
        out.append(
            (
                "Edit loop: save -> page served (`mkdocs serve --strict`)",
                f"{e['median_s']:.2f} s median, slowest {max(e['all_s']):.2f} s",
                "-",
                f"< {e['target']:.0f} s",
                max(e["all_s"]) < e["target"],
            )
        )
    p = r.get("properdocs", {})
    if "properdocs_s" in p:
        same = "identical" if p["ok"] else "DIFFERENT"
        out.append(
            (
                "ProperDocs builds the same site",
                f"{p['pages']} pages, {same}",
                "-",
                "same pages",
                p["ok"],
            )
        )
    return out


def _summary(r: dict[str, Any]) -> list[str]:
    rows = [
        "| Goal | Project | Stock Material (same run) | Target | Met |",
        "| --- | --- | --- | --- | --- |",
    ]
    for goal, mine, stock, target, met in goals(r):
        rows.append(f"| {goal} | {mine} | {stock} | {target} | {'yes' if met else '**no**'} |")
    for name, value in r.items():
        if isinstance(value, dict) and "failed" in value:
            rows.append(f"| {name} | failed: `{value['failed'][:200]}` | - | - | **no** |")
    return rows


def render(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [
        f"Measured on {m['date']} with `{m['command']}` "
        f"({'quick run' if r.get('quick') else 'full run'}, {m['total_s'] / 60:.1f} minutes; "
        f"load average at the start {m['load']}: the machine was shared, which is why every "
        "timing is repeated with its spread, and the sides alternate).",
        "",
        f"Machine: {m['cpu']}, `nproc` = {m['nproc']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + ".",
        "",
        *_summary(r),
    ]
    if "cold" in r.get("overhead", {}):
        lines += ["", *tables.overhead(r["overhead"])]
    if r.get("today", {}).get("project"):
        lines += ["", *tables.weight("today's site, `treatment/infusion-process/`", r["today"])]
    points = r.get("scale", [])
    if points:
        lines += ["", *tables.scale(points)]
        checks = tables.checks(points)
        lines += ["", *checks] if checks else []
        for p in points:
            if p.get("weight"):
                name = f"{p['articles']:,} articles, {p['clinics']:,} clinics, an article"
                lines += ["", *tables.weight(name, p["weight"])]
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
    if "first_view" in r.get("directory", {}):
        lines += ["", *directory.table(r["directory"])]
    if "pages" in r.get("reader", {}):
        lines += ["", *tables.reader(r["reader"])]
    if "properdocs" in r:
        lines += ["", *tables.insurance(r["properdocs"])]
    return "\n".join(lines) + "\n"


def all_met(r: dict[str, Any]) -> bool:
    return all(met for *_, met in goals(r))


def write_readme(path: Path, results: str) -> None:
    text = (
        path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    )
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n\n{results}\n{END}{tail}", encoding="utf-8")
