"""Glossary tooltips on the finished page: one per term, at its first use, never inside a link.

The abbr extension marks every use of every glossary term as `<abbr title="definition">`. A
tooltip on each use made long pages heavy (79 on the side-effects page, each a focusable term
and a hidden definition), and a focusable `<abbr>` inside a link is invalid HTML. So the first
use of a term outside a link, a button, a label or a summary becomes the tooltip; every other
use, and every use inside those, is plain text. The term is explained where the reader first
meets it, as plain-language writing asks. CSS shows the tip; no script is needed. Search
leaves the definitions out (data-pagefind-ignore): they belong to the glossary page.
"""

from __future__ import annotations

import re

# An interactive element (its content must hold nothing focusable), or a glossary term.
_PIECE = re.compile(
    r"(?P<inside><(?P<tag>a|button|label|summary)\b[^>]*>.*?</(?P=tag)>)"
    r'|<abbr title="(?P<definition>[^"]*)">(?P<term>.*?)</abbr>',
    re.S,
)
_ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)


def plain(html: str) -> str:
    """Every `<abbr>` in `html` replaced by its text."""
    return _ABBR.sub(r"\1", html)


def add_to_article(page: str) -> str:
    """A finished page with tooltips in its article: the only part where Markdown (and so the
    abbr extension) wrote terms. The nav and header, full of links, are not read again."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start == -1 or end < start:
        return add(page)
    return page[:start] + add(page[start:end]) + page[end:]


def add(html: str) -> str:
    """`html` with a tooltip on the first use of each term outside interactive elements."""
    if "<abbr" not in html:
        return html
    seen: set[str] = set()

    def piece(match: re.Match[str]) -> str:
        if match.group("inside"):
            inside = match.group("inside")
            return plain(inside) if "<abbr" in inside else inside
        term = match.group("term")
        if term in seen:
            return term
        seen.add(term)
        tip_id = f"kg-tip-{len(seen)}"
        return (
            f'<span class="kg-term"><abbr tabindex="0" aria-describedby="{tip_id}">{term}</abbr>'
            f'<span class="kg-tip" role="tooltip" id="{tip_id}" data-pagefind-ignore>'
            f"{match.group('definition')}</span></span>"
        )

    return _PIECE.sub(piece, html)
