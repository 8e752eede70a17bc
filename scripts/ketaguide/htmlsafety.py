"""Raw HTML in a page: no scripts, event handlers, frames, objects or loads from another host.

Used on the Markdown source (raw HTML, attribute lists, admonition titles: where a writer can
type markup) and, in the build, on each page's rendered HTML: what the browser will get.
Attribute values arrive with character references decoded (html.parser does that).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

from ketaguide import urlsafety

# Elements a page never needs: they run code, embed other pages, or change how the page loads.
REFUSED_TAGS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal",
        "base", "link", "meta", "style", "form", "noscript", "template", "xml", "import",
    }
)  # fmt: skip
# Attributes that name a URL. `href` on a link is followed only when clicked; the rest load.
_NAVIGATE = frozenset({("a", "href"), ("area", "href")})
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href",
        "background", "cite", "longdesc", "ping", "manifest", "codebase", "lowsrc", "dynsrc",
        "icon", "archive", "classid", "profile", "imagesrcset", "attributionsrc",
    }
)  # fmt: skip
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s*(['"])([^'"]*)\3""", re.I)
_CSS_CODE = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding|javascript:", re.I)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 1-based, in the text given
    col: int  # 1-based
    kind: str  # "link" (a URL's scheme or host) or "html" (an element or attribute)
    message: str


def attribute_problem(tag: str, name: str, value: str | None) -> tuple[str, str] | None:
    """(kind, message) when this attribute may not be on a page, else None."""
    name, value = name.lower(), value or ""
    if name.startswith("on"):
        return "html", f"the {name}= attribute runs a script; remove it"
    if name == "style":
        if _CSS_CODE.search(urlsafety.normalize(value)):
            return "html", "the style attribute holds script; remove it"
        for match in _CSS_URL.finditer(value):
            url = match.group(2) if match.group(2) is not None else match.group(4)
            found = urlsafety.problem(url, loads=True)
            if found:
                return "link", f"the style attribute: {found}"
        return None
    urls = [value]
    if name in ("srcset", "imagesrcset"):
        urls = [part.split()[0] for part in value.split(",") if part.split()]
    if name in URL_ATTRIBUTES:
        loads = (tag, name) not in _NAVIGATE and name not in ("cite", "longdesc")
        for url in urls:
            found = urlsafety.problem(url, loads=loads)
            if found:
                return "link", f"<{tag} {name}=...>: {found}"
    elif urlsafety.hides_script(value):
        return "html", f'the {name}= attribute holds a script URL "{urlsafety.shown(value)}"'
    return None


# A start tag: its name, then attributes (quoted values may hold < and >; they are bounded so
# that an unclosed quote cannot make the scan quadratic). Found by one linear regex, then each
# tag alone goes to html.parser, whose own scan is quadratic on unclosed tags and comments.
_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9:_-]*)((?:[^<>"']|"[^"]{0,2048}"|'[^']{0,2048}')*)>?""")
_NOT_NEWLINE = re.compile(r"[^\n]")


class _OneTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, list[tuple[str, str | None]]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag = (tag, attrs)


def _without_comments(text: str) -> str:
    """Comments blanked (newlines kept, so positions hold), in one pass."""
    parts, done = [], 0
    while (start := text.find("<!--", done)) != -1:
        end = text.find("-->", start + 4)
        stop = len(text) if end == -1 else end + 3
        parts += [text[done:start], _NOT_NEWLINE.sub(" ", text[start:stop])]
        done = stop
    parts.append(text[done:])
    return "".join(parts)


def problems(text: str) -> Iterator[Problem]:
    """Every refused element and attribute in `text`, in order, in linear time."""
    text = _without_comments(text)
    line, line_start, scanned = 1, 0, 0
    for match in _TAG.finditer(text):
        raw = match.group(0)
        found = _tag_problems(raw) if len(raw) <= _SHORT else _read_tag(raw)
        if not found:
            continue
        newlines = text.count("\n", scanned, match.start())
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, match.start()) + 1
        scanned = match.start()
        for kind, message in found:
            yield Problem(line, match.start() - line_start + 1, kind, message)


_SHORT = 400  # tags up to this length are remembered: a page repeats the same few hundred


@lru_cache(maxsize=8192)
def _tag_problems(raw: str) -> tuple[tuple[str, str], ...]:
    return _read_tag(raw)


# A start tag that html.parser reads exactly as these patterns do: a name, then attributes
# with quoted values (or none) holding no character reference and no < or >, then > or />.
# Most tags Markdown writes are such; they skip building a parser (the build reads thousands).
_PLAIN_TAG = re.compile(
    r"""<([a-zA-Z][a-zA-Z0-9-]*)((?:[ \t\n\r\f]+[a-zA-Z_][a-zA-Z0-9_.:-]*"""
    r"""(?:="[^"&<>]*"|='[^'&<>]*')?)*)[ \t\n\r\f]*/?>"""
)
_PLAIN_ATTRIBUTE = re.compile(
    r"""[ \t\n\r\f]+([a-zA-Z_][a-zA-Z0-9_.:-]*)(?:="([^"&<>]*)"|='([^'&<>]*)')?"""
)


def _plain_tag(raw: str) -> tuple[str, list[tuple[str, str | None]]] | None:
    """The tag's name and attributes as html.parser gives them, or None if not plain."""
    match = _PLAIN_TAG.fullmatch(raw)
    if match is None:
        return None
    attrs = [
        (m.group(1).lower(), m.group(2) if m.group(2) is not None else m.group(3))
        for m in _PLAIN_ATTRIBUTE.finditer(match.group(2))
    ]
    return match.group(1).lower(), attrs


def _read_tag(raw: str) -> tuple[tuple[str, str], ...]:
    """(kind, message) for each problem of one start tag, as html.parser reads it."""
    plain = _plain_tag(raw)
    if plain is not None:
        return _judge(*plain)
    parser = _OneTag()
    parser.feed(raw if raw.endswith(">") else raw + ">")
    parser.close()
    if parser.tag is None:
        return ()
    return _judge(*parser.tag)


def _judge(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[tuple[str, str], ...]:
    if tag in REFUSED_TAGS:
        return (("html", f"<{tag}> is not allowed in a page"),)
    return tuple(found for name, value in attrs if (found := attribute_problem(tag, name, value)))
