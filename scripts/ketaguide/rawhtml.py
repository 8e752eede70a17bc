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

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page as MkPage

_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


class RawHtml:
    """The HTML set aside for each page of one build, by source path."""

    def __init__(self) -> None:
        self.mark = f"<!-- ketaguide-raw-html {secrets.token_hex(8)} -->"
        self._html: dict[str, tuple[str, str]] = {}

    def set_aside(self, page: MkPage, html: str, where: str = "") -> str:
        """Keep `html` for `page`; the placeholder to give Markdown in its place. `where` (file
        and line) names the source of the HTML if its placeholder goes missing."""
        self._html[page.file.src_uri] = (html, where or f"docs/{page.file.src_uri}")
        return self.mark

    def put_back(self, page: MkPage, content: str) -> str:
        """The page's HTML with its set-aside HTML in place of the placeholder.

        A placeholder that Markdown did not keep as it was (inside a code block, an indented
        block, a list item's paragraph) stops the build rather than drop the HTML.
        """
        kept = self._html.pop(page.file.src_uri, None)
        if kept is None:
            return content
        html, where = kept
        if content.count(self.mark) != 1:
            raise PluginError(
                f"{where}: the generated HTML could not be put in place; write the directive on "
                "a line of its own, with a blank line before and after, outside any list, quote "
                "or code block"
            )
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(unescape(a) for a in _ANCHOR.findall(html))
        return content.replace(self.mark, html, 1)
