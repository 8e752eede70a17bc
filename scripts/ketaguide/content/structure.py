"""Structure: one title, headings that do not skip levels, images that can be described."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ketaguide import safefile
from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.pages.markdown import without_code
from ketaguide.rules import Rule

SINGLE_H1 = Rule(
    "CNT005",
    "single-h1",
    "error",
    "A page has exactly one top-level heading (`# Title`).",
    why="The H1 is the page's title for screen readers, search engines and the byline under it.",
    fix="Start the body with one `# Title` line; make any other `#` heading `##`.",
)
HEADING_SKIP = Rule(
    "CNT006",
    "heading-skip",
    "error",
    "Heading levels go down one step at a time (`##` then `###`, never `##` then `####`).",
    why="Screen-reader users move through a page by its headings; a skipped level loses them.",
    fix="Use the next level down: under `##` write `###`, not `####`.",
)
IMAGE_ALT = Rule(
    "CNT007",
    "image-alt",
    "error",
    "Every image has alt text that says what it shows.",
    why="Blind and low-vision readers hear the alt text instead of seeing the image.",
    fix="Write what the image shows inside the brackets: `![A timeline of an infusion day](...)`.",
)
SVG_TITLE = Rule(
    "CNT008",
    "svg-title",
    "error",
    "An SVG diagram used on a page starts with a `<title>` element.",
    why="The `<title>` names the diagram for screen readers and shows as a tooltip.",
    fix="Add `<title>What the diagram shows</title>` as the first element inside `<svg>`.",
)

SVG_LIMIT = 1024 * 1024  # bytes read to look for the <title>
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\](?:\(\s*<?([^)\s>]*)|\[)")  # linear: see markdown.py
_HTML_IMAGE = re.compile(r"<img\b[^<>]*>", re.I)
_ATTR = r"""\b{}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
_SVG_TITLE = re.compile(r"<svg\b[^>]*>\s*(?:<!--.*?-->\s*)*<title\b[^>]*>\s*[^<\s]", re.S)


def _attr(tag: str, name: str) -> str | None:
    match = re.search(_ATTR.format(name), tag, re.I)
    return next((g for g in match.groups() if g is not None), "") if match else None


@functools.cache
def _svg_has_title(file: Path, mtime_ns: int) -> bool:
    try:
        text = safefile.read_text(file, SVG_LIMIT)
    except safefile.FileProblem:
        return True  # not judged here: FIL001 or the build reports an unsafe or huge file
    return bool(_SVG_TITLE.search(text))


def _headings(src: source.Source) -> Iterator[Finding]:
    headings = [line for line in src.lines if line.kind == "heading"]
    h1s = [line for line in headings if line.level == 1]
    if not h1s:
        yield Finding(src.path, src.page.body_line, 1, SINGLE_H1, "the page has no `# Title`")
    for extra in h1s[1:]:
        yield Finding(
            src.path,
            extra.number,
            1,
            SINGLE_H1,
            f"a second H1 (the first is on {source.line_name(src, h1s[0].number)}); "
            "make this one `##`",
        )
    for before, after in itertools.pairwise(headings):
        if after.level > before.level + 1:
            yield Finding(
                src.path,
                after.number,
                1,
                HEADING_SKIP,
                f"H{after.level} follows the H{before.level} on "
                f"{source.line_name(src, before.number)}; "
                f"use {'#' * (before.level + 1)} here",
            )


def _images(src: source.Source) -> Iterator[tuple[int, int, str, str | None]]:
    """(line, col, alt, target) of every image outside code."""
    for line in src.lines:
        if line.kind in ("code", "front") or ("![" not in line.raw and "<img" not in line.raw):
            continue
        visible = without_code(line.raw)
        for match in _MD_IMAGE.finditer(visible):
            yield line.number, match.start() + 1, match.group(1), match.group(2)
        for match in _HTML_IMAGE.finditer(visible):
            tag = match.group(0)
            yield line.number, match.start() + 1, _attr(tag, "alt") or "", _attr(tag, "src")


def _image_findings(src: source.Source) -> Iterator[Finding]:
    for line, col, alt, target in _images(src):
        if not alt.strip():
            yield Finding(src.path, line, col, IMAGE_ALT, "the image has no alt text")
        if not target or "://" in target:
            continue
        name = target.split("#")[0].split("?")[0]
        svg = Path(os.path.normpath(src.file.parent / name))  # a link stays a link
        if (
            name.lower().endswith(".svg")
            and svg.is_file()
            and not _svg_has_title(svg, svg.stat().st_mtime_ns)
        ):
            yield Finding(
                src.path, line, col, SVG_TITLE, f"{name} does not start with a <title> element"
            )


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        yield from _headings(src)
        yield from _image_findings(src)
