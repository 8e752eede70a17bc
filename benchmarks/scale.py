"""Scale: synthetic sites of N articles and M clinics, built with the real configuration.

For each size: the strict build's time (repeated, cold) and peak memory, page and search sizes,
what a reader's browser transfers there against stock Material (weight.py), and (with checks)
`ketaguide check` over the articles and clinic files and `ketaguide links` over the built site,
as files per second.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import corpus
import weight
from common import (
    KETAGUIDE,
    ROOT,
    TODAY,
    build,
    cache_env,
    compile_project,
    copy_docs,
    gz,
    run,
    spread,
    stock_config,
    temp_folder,
    write_config,
)

BUILD_TARGET_S = 120.0
MEMORY_MB = 2048.0


def _sizes(site: Path) -> dict[str, int]:
    pages = {
        "home": site / "index.html",
        "article": site / "library" / "section-01" / "article-0001" / "index.html",
        "directory": site / "clinics" / "index.html",
        "clinic": site / "clinics" / "clinic-0" / "index.html",
        "clinics_json": site / "clinics" / "clinics.json",
    }
    out: dict[str, int] = {}
    for name, path in pages.items():
        data = path.read_bytes()
        out[f"{name}_raw"] = len(data)
        out[f"{name}_gz"] = gz(data)
    out["site_bytes"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    out["search_bundle_bytes"] = sum(p.stat().st_size for p in bundle)
    out["search_bundle_files"] = len(bundle)
    return out


def _check(c: corpus.Corpus, paths: list[Path], files: int) -> dict[str, Any]:
    # From the corpus's own folder (its mkdocs.yml), as a writer runs it in the checkout.
    where = [str(p.relative_to(c.root)) for p in paths]
    command = [KETAGUIDE, "check", "--format", "json", "--today", TODAY, *where]
    result = run(command, cwd=c.root)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.output[-3000:])
    findings = json.loads(result.output[result.output.index("[") :] or "[]")
    errors = sum(f.get("severity", f.get("level")) == "error" for f in findings)
    return {
        "files": files,
        "seconds": result.seconds,
        "files_per_s": files / result.seconds,
        "peak_mb": result.peak_mb,
        "errors": errors,
        "warnings": len(findings) - errors,
    }


def measure(
    articles: int, clinics: int, checks: bool, repeats: int, browse: bool = False
) -> dict[str, Any]:
    """`repeats` cold builds (empty project cache each, as on every deploy); with `browse`,
    also stock Material over the same articles, and both compared in Chromium (weight.py)."""
    compile_project()
    with temp_folder(f"scale-{articles}-{clinics}") as tmp:
        c = corpus.make(tmp, articles, clinics)
        runs = []
        for i in range(repeats):  # cold: no cache and no site/ from the run before
            shutil.rmtree(c.site, ignore_errors=True)
            runs.append(build(c.config, c.site, env=cache_env(tmp / f"cache-{i}", c.env)).ok())
        html = list(c.site.rglob("*.html"))
        times = spread([r.seconds for r in runs])
        result: dict[str, Any] = {
            "articles": articles,
            "clinics": clinics,
            "pages": len(html),
            "build": times,
            "build_s": times["median"],
            "peak_mb": max(r.peak_mb for r in runs),
            "per_page_ms": 1000 * times["median"] / len(html),
            "met": times["max"] < BUILD_TARGET_S and max(r.peak_mb for r in runs) < MEMORY_MB,
            **_sizes(c.site),
        }
        if browse:
            result["weight"] = _browse(tmp, c)
        if checks:
            docs_files = len(list(c.docs.rglob("*.md")))
            result["check_all"] = _check(c, [c.docs, c.clinics], docs_files + clinics)
            result["check_docs"] = _check(c, [c.docs], docs_files)
            result["check_clinics"] = _check(c, [c.clinics], clinics)
            links = run([KETAGUIDE, "links", "--site", str(c.site)], cwd=ROOT)
            result["links"] = {
                "files": len(html),
                "seconds": links.seconds,
                "files_per_s": len(html) / links.seconds,
                "exit": links.returncode,
                "tail": links.output.strip().splitlines()[-1:] if links.output.strip() else [],
            }
    return result


def _browse(tmp: Path, c: corpus.Corpus) -> dict[str, Any]:
    """Stock Material over the same articles (one build), then both sites in Chromium."""
    stock_docs = copy_docs(tmp / "stock-docs", strip_directive=True, source=c.docs)
    (tmp / "stock").mkdir()
    config = write_config(tmp / "stock", stock_config(stock_docs, corpus.nav(c.articles)))
    stock = build(config, tmp / "stock-site", strict=False).ok()
    compared = weight.compare(
        c.site, tmp / "stock-site", "library/section-01/article-0001/", repeats=3
    )
    index = (tmp / "stock-site" / "search" / "search_index.json").read_bytes()
    compared["stock_build_s"] = stock.seconds
    compared["stock_index_raw"], compared["stock_index_gz"] = len(index), gz(index)
    return compared
