"""A page's links and raw HTML: nothing that runs a script or loads from another host.

Markdown links (inline, reference-style, autolinks) and images may use https:, mailto:, tel:
or a relative URL; images load from the site only. Raw HTML, attribute lists (`{: ...}`) and
admonition titles may not hold scripts, event handlers, frames, objects, forms, styles or
off-site loads (htmlsafety.py). As a last net, any script URL left on a line outside code is
refused however it is written. The build applies the same check to each page's source and
again to the HTML that Markdown made of it (buildhooks.py), so no path skips it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from markdown.extensions.attr_list import get_attrs_and_remainder  # type: ignore[import-untyped]

from ketaguide import htmlsafety, safefile, urlsafety
from ketaguide.findings import Finding
from ketaguide.pages import markdown, source
from ketaguide.pages.markdown import Kind, Line
from ketaguide.pages.page import Page
from ketaguide.paths import expand, shown
from ketaguide.rules import Rule

UNSAFE_LINK = Rule(
    "SEC002",
    "unsafe-link",
    "error",
    "A link is not https:, mailto:, tel: or relative, or an image or other file loads from "
    "another host.",
    why="Script and data links run code or hide what they show; a file loaded from another "
    "host tells that host who reads the page, and can change after review.",
    fix="Link to the https: address; save images and diagrams in docs/ and link them "
    "relatively (../assets/diagrams/x.svg).",
)
UNSAFE_HTML = Rule(
    "SEC003",
    "unsafe-html",
    "error",
    "Raw HTML holds a script, an event handler (on...=), a frame, object, embed, form, style, "
    "base, link or meta element.",
    why="Pages are read by patients and families; nothing on them may run code or pull in "
    "another site. The site's own scripts live in overrides/, where they are reviewed.",
    fix="Write the content in Markdown. A feature that needs a script belongs in the theme "
    "(overrides/), not in a page.",
)

THEME_DIR = "overrides"
_RULES = {"link": UNSAFE_LINK, "html": UNSAFE_HTML}
# Link texts stop at the next [ and attribute lists at the next {: each scan is then linear,
# where a line of a million [ would otherwise be read a million times over.
_INLINE = re.compile(
    r"(!?)\[(?:[^\[\]\\\n]|\\.)*\]\(\s*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\([^\s()]*\))*))"
)
_REF_USE = re.compile(r"(!?)\[((?:[^\[\]\\\n]|\\.)*)\](?:\[((?:[^\[\]\\\n]|\\.)*)\])?")
_REF_DEF = re.compile(r"^\s{0,3}\[((?:[^\]\\\n]|\\.)+)\]:\s*(?:<([^>\n]*)>|(\S+))")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_SCRIPT_URL = re.compile(r"(?:java|vb|live)script:|data:", re.I)

Found = tuple[int, int, Rule, str]


def _visible(lines: list[tuple[Kind, str]]) -> list[str]:
    """Each line as Markdown sees it: code and front matter blanked, line numbers kept."""
    return ["" if kind in ("code", "front") else markdown.without_code(raw) for kind, raw in lines]


def _image_refs(texts: list[str]) -> set[str]:
    return {
        (m.group(3) or m.group(2)).strip().lower()
        for text in texts
        for m in _REF_USE.finditer(text)
        if m.group(1)
    }


def _links(number: int, text: str, images: set[str]) -> Iterator[Found]:
    # Each pattern starts with "[", "<" or "{": a line without it is not read for that one.
    if "[" in text:
        yield from _bracket_links(number, text, images)
    if "<" in text:
        for m in _AUTOLINK.finditer(text):
            problem = urlsafety.problem(m.group(1))
            if problem:
                yield number, m.start(1) + 1, UNSAFE_LINK, f"the link {problem}"
    if "{" in text:
        yield from _attribute_lists(number, text)


def _bracket_links(number: int, text: str, images: set[str]) -> Iterator[Found]:
    for m in _INLINE.finditer(text):
        group = 2 if m.group(2) is not None else 3
        loads = m.group(1) == "!"
        problem = urlsafety.problem(m.group(group), loads=loads)
        if problem:
            what = "the image" if loads else "the link"
            yield number, m.start(group) + 1, UNSAFE_LINK, f"{what} {problem}"
    if ref := _REF_DEF.match(text):
        group = 2 if ref.group(2) is not None else 3
        loads = ref.group(1).strip().lower() in images
        problem = urlsafety.problem(ref.group(group), loads=loads)
        if problem:
            what = "an image" if loads else "a link"
            yield number, ref.start(group) + 1, UNSAFE_LINK, f"the reference for {what} {problem}"


def _attribute_lists(number: int, text: str) -> Iterator[Found]:
    for m in _ATTR_LIST.finditer(text):
        attrs, _ = get_attrs_and_remainder(m.group(1).strip())
        for name, value in attrs:
            found = htmlsafety.attribute_problem("*", name, value)
            if found:
                message = f"the attribute list {{...}}: {found[1]}"
                yield number, m.start() + 1, _RULES[found[0]], message


def problems(lines: list[tuple[Kind, str]]) -> list[Found]:
    """Every unsafe link and HTML on the page's lines (each line's kind and text), in file
    order."""
    texts = _visible(lines)
    found = [
        (p.line, p.col, _RULES[p.kind], p.message) for p in htmlsafety.problems("\n".join(texts))
    ]
    images = _image_refs(texts)
    for number, text in enumerate(texts, 1):
        found += _links(number, text, images)
    flagged = {f[0] for f in found}
    for number, text in enumerate(texts, 1):
        if number not in flagged and urlsafety.hides_script(text):
            col = (m.start() + 1) if (m := _SCRIPT_URL.search(text)) else 1
            found.append((number, col, UNSAFE_LINK, "the line holds a script URL; remove it"))
    return sorted(set(found), key=lambda f: (f[0], f[1], f[2].id, f[3]))


def page_findings(page: Page, path: str) -> list[Finding]:
    """The findings for one page (also called by the build)."""
    return [Finding(path, *found) for found in problems(markdown.kinds(page))]


def rendered_findings(html: str, path: str) -> list[Finding]:
    """The build's last net: the HTML that Markdown made of the page (no line numbers)."""
    return [
        Finding(path, None, None, _RULES[p.kind], f"the page's HTML: {p.message}")
        for p in htmlsafety.problems(html)
    ]


def _svg_findings(file: Path) -> Iterator[Finding]:
    """A diagram opened on its own runs its scripts: the same rules for SVG and HTML files."""
    path = shown(file)
    try:
        text = safefile.read_text(file, safefile.DEFAULT_LIMIT)
    except safefile.FileProblem as problem:
        yield problem.finding(path)
        return
    for p in htmlsafety.problems(text):
        yield Finding(path, p.line, p.col, _RULES[p.kind], p.message)


def _kinded(lines: list[Line]) -> list[tuple[Kind, str]]:
    return [(line.kind, line.raw) for line in lines]


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        yield from (Finding(src.path, *found) for found in problems(_kinded(src.lines)))
    for file in expand(paths, (".svg", ".html", ".htm", ".xhtml")):
        if THEME_DIR not in file.parts:  # theme templates are code, reviewed as such
            yield from _svg_findings(file)
