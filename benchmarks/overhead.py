"""Overhead: the real site as the project builds it vs the same Markdown under stock Material.

Two conditions, both measured: cold (the project's disk cache empty and no site/ folder for
every build, as on every Pages deploy from a fresh checkout) and warm (the cache and site/ kept,
as for a writer who builds again). Stock Material keeps no cache; its site/ folder is removed
or kept alike.
Each run is a pair of fresh processes, project and stock back to back, the order swapped every
run, so a slow moment of the machine hits both alike. The ratio is taken within each pair; the
target is met only if the slowest pair's ratio meets it.

A control beside each pair: stock Material built a second time, next to its first build (after
the pair, or before it when the pair's order is swapped). The ratio of the two stock builds is
the machine's own noise: what a pair of identical builds gives in that run.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from common import (
    ROOT,
    Run,
    build,
    cache_env,
    compile_project,
    copy_docs,
    spread,
    stock_config,
    temp_folder,
    write_config,
)

TARGET = 1.25
CONDITIONS = ("cold", "warm")
Sides = dict[str, dict[str, list[float]]]  # condition -> side -> one figure per run
SIDES = ("real", "stock", "again")  # again: stock Material's second build (the control)


def compare_pairs(times: Sides, cpu: Sides) -> dict[str, dict[str, Any]]:
    """Per condition: each side's spread, the ratio within each pair (wall and CPU time), and
    "met" from the slowest pair."""
    result: dict[str, dict[str, Any]] = {}
    for condition in CONDITIONS:
        t, c = times[condition], cpu[condition]
        ratios = [r / s for r, s in zip(t["real"], t["stock"], strict=True)]
        cpu_ratios = [r / s for r, s in zip(c["real"], c["stock"], strict=True)]
        result[condition] = {
            "real": spread(t["real"]),
            "stock": spread(t["stock"]),
            "ratio": spread(ratios),
            "cpu_ratio": spread(cpu_ratios),
            "met": max(ratios) <= TARGET,
        }
        if t.get("again"):  # the control: stock Material against itself
            noise = [a / s for a, s in zip(t["again"], t["stock"], strict=True)]
            result[condition]["stock_again"] = spread(noise)
    return result


def _pair(first_project: bool, project: Any, stock: Any) -> tuple[Run, Run]:
    if first_project:
        real = project()
        return real, stock()
    plain = stock()
    return project(), plain


def measure(runs: int, keep: Path | None = None) -> dict[str, Any]:
    """Every build's time in both conditions; with `keep`, the last builds are kept there as
    site/ and stock-site/ (for the reader-side and browser benchmarks)."""
    times: Sides = {c: {side: [] for side in SIDES} for c in CONDITIONS}
    cpu: Sides = {c: {side: [] for side in SIDES} for c in CONDITIONS}
    peak = dict.fromkeys(SIDES, 0.0)
    compile_project()
    with temp_folder("overhead") as tmp:
        docs = copy_docs(tmp / "docs", strip_directive=True)
        stock = write_config(tmp, stock_config(docs))
        warm = tmp / "cache-warm"
        # One unmeasured build each: the warm cache filled, and the OS file cache alike for both.
        build(ROOT / "mkdocs.yml", tmp / "real-site", env=cache_env(warm)).ok()
        build(stock, tmp / "stock-site", strict=False).ok()
        for i in range(runs):
            for condition in CONDITIONS:
                cache = warm if condition == "warm" else tmp / f"cache-cold-{i}"
                # Cold: nothing from before, no cache and no site/ to clean (a fresh checkout).
                # Warm: both kept, as for a writer who builds again.
                for side in ("real-site", "stock-site", "stock-again"):
                    if condition == "cold":
                        shutil.rmtree(tmp / side, ignore_errors=True)
                again = build(stock, tmp / "stock-again", strict=False).ok() if i % 2 else None
                real, plain = _pair(
                    i % 2 == 0,
                    lambda cache=cache: build(
                        ROOT / "mkdocs.yml", tmp / "real-site", env=cache_env(cache)
                    ).ok(),
                    lambda: build(stock, tmp / "stock-site", strict=False).ok(),
                )
                # The control next to stock Material's build: after the pair, or before it.
                again = again or build(stock, tmp / "stock-again", strict=False).ok()
                for side, one in (("real", real), ("stock", plain), ("again", again)):
                    times[condition][side].append(one.seconds)
                    cpu[condition][side].append(one.cpu_s)
                    peak[side] = max(peak[side], one.peak_mb)
        warnings = plain.output.count("WARNING")
        stock_pages = len(list((tmp / "stock-site").rglob("*.html")))
        real_pages = len(list((tmp / "real-site").rglob("*.html")))
        if keep is not None:
            (tmp / "real-site").rename(keep / "site")
            (tmp / "stock-site").rename(keep / "stock-site")
    result: dict[str, Any] = {
        "runs": runs,
        "target": TARGET,
        "real_peak_mb": peak["real"],
        "stock_peak_mb": peak["stock"],
        "stock_warnings": warnings,
        "stock_pages": stock_pages,
        "real_pages": real_pages,
    }
    result.update(compare_pairs(times, cpu))
    result["met"] = all(result[c]["met"] for c in CONDITIONS)
    return result
