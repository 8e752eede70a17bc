"""Which URLs a page may hold: https:, mailto:, tel: and relative links; loads from the site only.

A URL is read the way a browser reads it before judging its scheme: character references
decoded (`jav&#x61;script:`), tabs and line breaks dropped anywhere, control characters and
spaces trimmed from the ends, the scheme compared without case (`JaVaScRiPt:`).
"""

from __future__ import annotations

import html
import re

LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data", "blob", "filesystem"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DROPPED = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENDS = "".join(map(chr, range(0x21)))  # control characters and space, trimmed from the ends
# A script URL anywhere in a value, however a parser splits it; `data:` only with a media type.
_ANY_SCRIPT = re.compile(
    r"(?:java|vb|live)script:(?![\s,.;]|$)|\bdata:\s*(?:[a-z]+/[a-z0-9.+\-]+|,)", re.I
)


def normalize(url: str) -> str:
    """The URL as a browser resolves it (see the module text)."""
    for _ in range(3):  # double-encoded references too
        decoded = html.unescape(url)
        if decoded == url:
            break
        url = decoded
    return _DROPPED.sub("", url).strip(_ENDS)


def shown(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def scheme(url: str) -> str | None:
    """The URL's scheme in lower case, or None for a relative URL."""
    return _scheme_of(normalize(url))


def _scheme_of(clean: str) -> str | None:
    match = _SCHEME.match(clean)
    return match.group(1).lower() if match else None


def _off_site(url: str) -> bool:
    return bool(re.match(r"[/\\]{2}", url))  # //host and \\host: another host, any scheme


def problem(url: str, *, loads: bool = False) -> str | None:
    """Why the URL may not be on a page, or None. `loads`: the browser fetches it by itself
    (an image, a frame, a style), so it must come from the site: relative, no scheme."""
    clean = normalize(url)
    name = _scheme_of(clean)
    if name is None and not loads and not _off_site(clean) and not _CONTROL.search(clean):
        return None  # a relative link: most links on a page
    quoted = f'"{shown(url)}"'
    if name in SCRIPT_SCHEMES:
        return f'{quoted} is a "{name}:" URL, which can run code or hide what it shows'
    if _CONTROL.search(clean):
        return f"{quoted} holds control characters"
    if loads and (name is not None or _off_site(clean)):
        return f"{quoted} loads from another host; save the file in docs/ and link it relatively"
    if _off_site(clean):
        return f"{quoted} names no scheme; write https:// in full"
    if name is not None and name not in LINK_SCHEMES:
        advice = "use https:" if name == "http" else "use https:, mailto:, tel: or a relative link"
        return f'{quoted} is a "{name}:" link; {advice}'
    return None


def hides_script(value: str) -> bool:
    """Whether a script URL appears anywhere in `value` (a catch-all)."""
    if ":" not in value and "&" not in value:
        return False  # no colon, and no character reference that could make one
    return bool(_ANY_SCRIPT.search(normalize(value)))
