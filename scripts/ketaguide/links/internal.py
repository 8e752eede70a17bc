"""The built site's own links and anchors, checked offline by lychee.

MkDocs validates links written in Markdown; this checks what it cannot see: raw-HTML links,
generated pages, the theme's links and the sitemap. Absolute addresses on the site's own host
(the sitemap) and root-relative ones under its path (the 404 page) are mapped back into site/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from ketaguide.findings import Finding
from ketaguide.links import lychee
from ketaguide.paths import shown
from ketaguide.rules import Rule

BROKEN = Rule(
    "LNK001",
    "broken-link",
    "error",
    "A link or image in the built site points to a page or file that does not exist.",
    why="A broken link is a dead end for the reader, often on the way to a source or to help.",
    fix="Correct the link in the Markdown page (or the template) that produced this HTML, then "
    "rebuild; link to the .md file, not the .html.",
)
MISSING_ANCHOR = Rule(
    "LNK002",
    "missing-anchor",
    "error",
    "A link's #anchor names no heading or element on the page it points to.",
    why="The reader lands at the top of a long page instead of the section meant.",
    fix="Use the anchor of the heading as it is now (headings' anchors change when their words "
    "change): open the page and copy the heading's link.",
)

_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def site_url(site: Path) -> str | None:
    """The site's published address: the shortest address in its sitemap."""
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return None
    locs = _LOC.findall(sitemap.read_text(encoding="utf-8"))
    return min(locs, key=len) if locs else None


def _remaps(site: Path) -> list[str]:
    base = site_url(site)
    if not base:
        return []
    here = site.as_uri()
    args = ["--remap", f"^{re.escape(base.rstrip('/'))}(/.*)?$ {here}$1"]
    prefix = urlparse(base).path.rstrip("/")
    if prefix:
        args += ["--remap", f"^{re.escape(here + prefix)}(/.*)?$ {here}$1"]
    return args


def check_site(site: Path, timeout: float = 300) -> Iterator[Finding]:
    """Findings for every link and anchor in `site` that does not resolve."""
    site = site.resolve()
    args = ["--offline", "--no-ignore", "--root-dir", str(site), "--index-files", "index.html"]
    args += ["--include-fragments", *_remaps(site)]
    inputs = [str(site / "**" / "*.html")]
    if (site / "sitemap.xml").is_file():
        inputs.append(str(site / "sitemap.xml"))
    report = lychee.run(args, inputs, cwd=site, timeout=timeout)
    if report.total == 0:
        raise lychee.LycheeError(f"lychee found no links in {site}; is it a built site?")
    for failure in report.failures:
        target = failure.url.removeprefix(site.as_uri() + "/").removeprefix(site.as_uri())
        fragment = "fragment" in failure.text.lower()
        yield Finding(
            shown(Path(failure.input)),
            failure.line,
            failure.col,
            MISSING_ANCHOR if fragment else BROKEN,
            f'"{target or "/"}": {failure.text}',
        )
