"""Overhead: the real site as the project builds it vs the same Markdown under stock Material.

Both builds run in this one process's children, alternating (real, stock, real, stock, ...),
so a slow moment of the machine hits both alike; the ratio is of the medians.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from common import ROOT, build, copy_docs, median, stock_config, temp_folder, write_config

TARGET = 1.25


def measure(runs: int, keep_site: Path | None = None) -> dict[str, Any]:
    """Median build times; with keep_site, the last real build is copied there (reader side)."""
    real_times: list[float] = []
    stock_times: list[float] = []
    real_cpu: list[float] = []
    stock_cpu: list[float] = []
    real_peak: list[float] = []
    stock_peak: list[float] = []
    warnings = 0
    with temp_folder("overhead") as tmp:
        docs = copy_docs(tmp / "docs", strip_directive=True)
        stock = write_config(tmp, stock_config(docs))
        for _ in range(runs):
            real = build(ROOT / "mkdocs.yml", tmp / "real-site").ok()
            plain = build(stock, tmp / "stock-site", strict=False).ok()
            real_times.append(real.seconds)
            real_cpu.append(real.cpu_s)
            stock_cpu.append(plain.cpu_s)
            real_peak.append(real.peak_mb)
            stock_times.append(plain.seconds)
            stock_peak.append(plain.peak_mb)
            warnings = plain.output.count("WARNING")
        if keep_site is not None:
            (tmp / "real-site").rename(keep_site)
        stock_pages = len(list((tmp / "stock-site").rglob("*.html")))
        real_pages = len(list((keep_site or tmp / "real-site").rglob("*.html")))
    ratio = median(real_times) / median(stock_times)
    return {
        "runs": runs,
        "real_s": median(real_times),
        "stock_s": median(stock_times),
        "real_all": real_times,
        "stock_all": stock_times,
        "real_peak_mb": max(real_peak),
        "stock_peak_mb": max(stock_peak),
        "ratio": ratio,
        "real_cpu_s": median(real_cpu),
        "stock_cpu_s": median(stock_cpu),
        "cpu_ratio": median(real_cpu) / median(stock_cpu),
        "target": TARGET,
        "met": ratio <= TARGET,
        "stock_warnings": warnings,
        "stock_pages": stock_pages,
        "real_pages": real_pages,
    }
