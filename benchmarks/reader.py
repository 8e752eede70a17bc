"""Reader side: what each kind of page costs to download, and the search bundle's size on disk
(fetched only in the pieces a query needs: weight.py measures that in a browser).

For each page type: the HTML alone, and the first visit (HTML plus the stylesheets and scripts
it links, all on the site's own host), raw and gzip-compressed. Images are left out: the
articles' SVG diagrams load only on the pages that show them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from common import gz

PAGES = {
    "home": "index.html",
    "article": "treatment/infusion-process/index.html",
    "directory": "clinics/index.html",
    "clinic page": "clinics/medipro-beaverton/index.html",
}
_ASSET = re.compile(
    r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"', re.I
)


def _assets(site: Path, page: Path) -> list[Path]:
    html = page.read_text(encoding="utf-8")
    base = "/" + page.relative_to(site).as_posix()
    out = []
    for match in _ASSET.finditer(html):
        ref = match.group(1) or match.group(2)
        if urlsplit(ref).scheme:
            continue  # another host: the build tests forbid these anyway
        path = site / urlsplit(urljoin(base, ref)).path.lstrip("/")
        if path.is_file():
            out.append(path)
    return out


def measure(site: Path) -> dict[str, Any]:
    pages: dict[str, Any] = {}
    for name, rel in PAGES.items():
        page = site / rel
        html = page.read_bytes()
        assets = [p.read_bytes() for p in _assets(site, page)]
        pages[name] = {
            "path": rel,
            "html_raw": len(html),
            "html_gz": gz(html),
            "first_visit_raw": len(html) + sum(map(len, assets)),
            "first_visit_gz": gz(html) + sum(gz(a) for a in assets),
            "assets": len(assets),
        }
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return {
        "pages": pages,
        "search_bundle_bytes": sum(p.stat().st_size for p in bundle),
        "search_bundle_files": len(bundle),
        "html_files": len(list(site.rglob("*.html"))),
    }
