"""A page's lines, each labelled with what it is, and with Markdown markup masked.

`Line.text` has the same length as the line as written: markup, URLs, inline code and HTML are
replaced by spaces, so a column found in `text` is the column in the file. The rules choose the
kinds they read: reading level reads `text` only, the claims rule also headings and tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ketaguide.pages.page import Page

Kind = Literal[
    "front", "blank", "code", "html", "heading", "admonition", "table", "footnote", "text"
]

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Indented too: a definition inside an admonition or list item (a shared statement included
# there gets the include's indentation) is a definition in the build.
_FOOTNOTE_DEF = re.compile(r"^[ \t]*\[\^[^\]\s]+\]:")
_HEADING = re.compile(r"^\s*(#{1,6})(?:\s|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
_HTML_START = re.compile(r"^\s*</?[a-zA-Z][\w-]*(?:\s|/?>|$)|^\s*<!--")
_RULE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_ABBR = re.compile(r"^\*\[[^\]]+\]:")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)]|:)(\s+)")
_QUOTE = re.compile(r"^(\s*>)+")

# Each pattern stops at the next opening [ < or { where it waits for a closing one: a line of a
# million [ (or <a, or {) is then read once, not a million times (tests/test_bounded.py).
_TARGET = r"(?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?"  # a URL (one level of parentheses)
# Inline markup, masked in this order. Link and image texts are kept; their targets are not.
_MASKS = [
    re.compile(r"`+[^`]*`+"),  # inline code
    re.compile(r"<!--.*?(?:-->|$)"),  # HTML comment (to the end of the line if unclosed)
    re.compile(rf"!\[[^\[\]]*\](?:\({_TARGET}\)|\[[^\]]*\])"),  # an image, alt text and all
    re.compile(r"\[\^[^\[\]\s]+\]"),  # footnote reference
    re.compile(rf"\]\({_TARGET}\)|\]\[[^\]]*\]"),  # a link's target
    re.compile(r"</?[a-zA-Z][^<>]*>"),  # HTML tag
    re.compile(r"\bhttps?://\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+", re.I),  # bare URL or DOI
    re.compile(r"\{[:#. ][^{}]*\}"),  # attribute list
    re.compile(r"\\|\*+|~~|(?<!\w)_+|_+(?!\w)|\["),  # emphasis, escapes, a link's [
]


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line in the file
    kind: Kind
    raw: str
    text: str  # `raw` with markup masked by spaces
    new_block: bool  # starts a paragraph, list item, table row or other block
    level: int = 0  # heading level, for headings


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    first_line: int
    text: str  # masked lines joined by newlines

    def where(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, col) in the file of a character offset in `text`."""
        before = self.text[:offset]
        return self.first_line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def without_code(raw: str) -> str:
    """The line as written, with inline code spans blanked."""
    return _MASKS[0].sub(_blank, raw)


def mask_inline(raw: str) -> str:
    text = raw
    for pattern in _MASKS:
        text = pattern.sub(_blank, text)
    return text


def _mask(kind: Kind, raw: str) -> str:
    if kind in ("front", "blank", "code", "html", "footnote"):
        return " " * len(raw)
    if kind == "admonition":
        title = re.search(r'"([^"]*)"', raw)
        if not title:
            return " " * len(raw)
        return " " * title.start(1) + title.group(1) + " " * (len(raw) - title.end(1))
    text = mask_inline(raw)
    if kind == "heading":
        return re.sub(r"^\s*#+|#+\s*$", _blank, text)
    if kind == "table":
        return " " * len(text) if re.fullmatch(r"[\s|:-]*", raw) else text.replace("|", " ")
    text = _QUOTE.sub(_blank, text)
    return _ITEM.sub(_blank, text)


def _indent(raw: str) -> int:
    return len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())


def _kind(raw: str, previous: Kind, footnote: int) -> Kind:
    """`footnote`: the indentation of the footnote definition being read, or -1."""
    if not raw.strip() or _RULE.match(raw):
        return "blank"
    if footnote >= 0 and _indent(raw) > footnote:  # continued: indented more than the label
        return "footnote"
    if _FOOTNOTE_DEF.match(raw):
        return "footnote"
    if _HEADING.match(raw):
        return "heading"
    if _ADMONITION.match(raw):
        return "admonition"
    if raw.lstrip().startswith("|"):
        return "table"
    if _ABBR.match(raw) or (previous != "text" and _HTML_START.match(raw)):
        return "html"
    return "text"


def parse(page: Page) -> list[Line]:
    """Every line of the page, front matter included, with its kind."""
    return [
        Line(number, kind, raw, _mask(kind, raw), new_block, level)
        for number, (kind, raw, new_block, level) in enumerate(_classify(page), 1)
    ]


def kinds(page: Page) -> list[tuple[Kind, str]]:
    """Each line's kind and text as written, without masking (cheaper, for the safety net)."""
    return [(kind, raw) for kind, raw, _, _ in _classify(page)]


def _classify(page: Page) -> list[tuple[Kind, str, bool, int]]:
    """(kind, raw, new_block, level) for every line."""
    lines: list[tuple[Kind, str, bool, int]] = []
    fence = ""
    comment = False
    footnote = -1  # indentation of the footnote definition being read, -1 outside one
    for number, raw in enumerate(page.text.splitlines(), 1):
        kind: Kind
        previous = lines[-1][0] if lines else "blank"
        if number < page.body_line:
            kind = "front"
        elif fence:
            kind = "code"
            if raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
                fence = ""
        elif comment:
            kind = "html"
            comment = "-->" not in raw
        elif match := _FENCE.match(raw):
            kind, fence = "code", match.group(1)
        elif previous == "text" and _SETEXT.match(raw):
            lines[-1] = ("heading", lines[-1][1], True, 1 if "=" in raw else 2)
            kind = "blank"
        else:
            kind = _kind(raw, previous, footnote)
            comment = kind == "html" and "<!--" in raw and "-->" not in raw.split("<!--")[-1]
        if kind not in ("blank", "footnote"):
            footnote = -1
        if kind == "footnote" and _FOOTNOTE_DEF.match(raw):
            footnote = _indent(raw)
        level = len(m.group(1)) if kind == "heading" and (m := _HEADING.match(raw)) else 0
        new_block = kind != previous or kind in ("heading", "table", "admonition")
        new_block = new_block or bool(_ITEM.match(raw) and kind == "text")
        lines.append((kind, raw, new_block, level))
    return lines


def blocks(lines: list[Line], kinds: frozenset[Kind]) -> list[Block]:
    """Runs of lines of one of `kinds` that belong together: paragraphs, items, rows, titles."""
    out: list[Block] = []
    current: list[Line] = []

    def close() -> None:
        if current:
            text = "\n".join(line.text for line in current)
            out.append(Block(current[0].kind, current[0].number, text))
            current.clear()

    for line in lines:
        if line.kind not in kinds or line.new_block:
            close()
        if line.kind in kinds:
            current.append(line)
    close()
    return out
