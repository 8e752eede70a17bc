"""Raw HTML in a page: no scripts, event handlers, frames, objects or loads from another host.

Used on the Markdown source (raw HTML, attribute lists, admonition titles: where a writer can
type markup) and, in the build, on each page's rendered HTML: what the browser will get.
Attribute values arrive with character references decoded (html.parser does that).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Problem] = []

    def _add(self, kind: str, message: str) -> None:
        line, offset = self.getpos()
        self.found.append(Problem(line, offset + 1, kind, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_TAGS:
            self._add("html", f"<{tag}> is not allowed in a page")
            return
        for name, value in attrs:
            found = attribute_problem(tag, name, value)
            if found:
                self._add(*found)


def problems(text: str) -> Iterator[Problem]:
    """Every refused element and attribute in `text`, in order."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    yield from scanner.found
