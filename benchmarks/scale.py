"""Scale: synthetic sites of N articles and M clinics, built with the real configuration.

For each size: the strict build's time and peak memory, page and search-index sizes, and
(with checks=True) `ketaguide check` over the articles and clinic files and `ketaguide links`
over the built site, as files per second.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import corpus
from common import KETAGUIDE, ROOT, TODAY, build, gz, run, temp_folder

BUILD_TARGET_S = 120.0
MEMORY_TARGET_MB = 2048.0


def _sizes(site: Path) -> dict[str, int]:
    pages = {
        "home": site / "index.html",
        "article": site / "library" / "section-01" / "article-0001" / "index.html",
        "directory": site / "clinics" / "index.html",
        "clinic": site / "clinics" / "clinic-0" / "index.html",
        "search_index": site / "search" / "search_index.json",
        "clinics_json": site / "clinics" / "clinics.json",
    }
    out: dict[str, int] = {}
    for name, path in pages.items():
        data = path.read_bytes()
        out[f"{name}_raw"] = len(data)
        out[f"{name}_gz"] = gz(data)
    out["site_bytes"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return out


def _check(c: corpus.Corpus, paths: list[Path], files: int) -> dict[str, Any]:
    command = [KETAGUIDE, "check", "--format", "json", "--today", TODAY, *map(str, paths)]
    result = run(command, cwd=ROOT)
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


def measure(articles: int, clinics: int, checks: bool) -> dict[str, Any]:
    with temp_folder(f"scale-{articles}-{clinics}") as tmp:
        c = corpus.make(tmp, articles, clinics)
        built = build(c.config, c.site, env=c.env).ok()
        html = list(c.site.rglob("*.html"))
        result: dict[str, Any] = {
            "articles": articles,
            "clinics": clinics,
            "pages": len(html),
            "build_s": built.seconds,
            "peak_mb": built.peak_mb,
            "per_page_ms": 1000 * built.seconds / len(html),
            **_sizes(c.site),
        }
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


def fit(points: list[dict[str, Any]], key: str) -> dict[str, float] | None:
    """key ~ fixed + per_article * articles + per_clinic * clinics, by least squares over 3+
    sizes; `worst` is the largest relative miss (small: cost grows linearly in both)."""
    if len(points) < 3:
        return None
    rows = [(1.0, float(p["articles"]), float(p["clinics"])) for p in points]
    ys = [float(p[key]) for p in points]
    # Normal equations (X'X) beta = X'y, solved by Gaussian elimination.
    m = [[sum(r[i] * r[j] for r in rows) for j in range(3)] for i in range(3)]
    v = [sum(r[i] * y for r, y in zip(rows, ys, strict=True)) for i in range(3)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda r: abs(m[r][col]))
        m[col], m[pivot], v[col], v[pivot] = m[pivot], m[col], v[pivot], v[col]
        for r in range(3):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col], strict=True)]
                v[r] -= f * v[col]
    beta = [v[i] / m[i][i] for i in range(3)]
    worst = max(
        abs(sum(b * x for b, x in zip(beta, r, strict=True)) - y) / y
        for r, y in zip(rows, ys, strict=True)
    )
    return {"fixed": beta[0], "per_article": beta[1], "per_clinic": beta[2], "worst": worst}
