"""Generated HTML goes into a page after Markdown has run, not through it.

A clinic page and the clinic directory are HTML the hook builds (from the autoescaping templates in
overrides/partials/clinics/). Markdown passes raw HTML through unchanged, but only after
Python-Markdown and MkDocs have each parsed it in Python: that was most of the cost of a clinic
page, and seconds for a directory of 10,000 clinics. So Markdown gets a placeholder comment
instead, and the HTML takes its place afterwards. Its anchors (`id` and `name` attributes, as
MkDocs' own raw-HTML scan collects them) are added to the page's, so links to them are still
validated. A plugin that read page HTML in `on_page_content` before the hook would see the
placeholder; the site has none (search indexes the finished site, after the build).
"""

from __future__ import annotations

import re
import secrets
from html import unescape

from mkdocs.structure.pages import Page as MkPage

_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


class RawHtml:
    """The HTML set aside for each page of one build, by source path."""

    def __init__(self) -> None:
        self.mark = f"<!-- ketaguide-raw-html {secrets.token_hex(8)} -->"
        self._html: dict[str, str] = {}

    def set_aside(self, page: MkPage, html: str) -> str:
        """Keep `html` for `page`; the placeholder to give Markdown in its place."""
        self._html[page.file.src_uri] = html
        return self.mark

    def put_back(self, page: MkPage, content: str) -> str:
        """The page's HTML with its set-aside HTML in place of the placeholder."""
        html = self._html.pop(page.file.src_uri, None)
        if html is None:
            return content
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(unescape(a) for a in _ANCHOR.findall(html))
        return content.replace(self.mark, html, 1)
