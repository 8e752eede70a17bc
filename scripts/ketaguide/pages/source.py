"""Pages as the content rules read them: read and parsed once per run, whatever asks.

A page whose front matter cannot be read is still yielded (with `front` None) so that rules on
its body run in the same run, with what the front matter says field by field (`said`,
pages/salvage.py); the front-matter check reports why the front matter failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import frontmatter, language, markdown, salvage, shared
from ketaguide.pages.frontmatter import PageRead, PageType
from ketaguide.pages.language import Language
from ketaguide.pages.markdown import Block, Kind, Line
from ketaguide.pages.page import Page
from ketaguide.pages.shared import Origin
from ketaguide.paths import expand, shown

PROSE: frozenset[Kind] = frozenset({"text"})
WORDING: frozenset[Kind] = frozenset({"text", "heading", "admonition", "table"})


@dataclass(frozen=True)
class Source:
    path: str  # as shown in findings
    file: Path
    page: Page
    front: frontmatter.FrontMatter | None
    lines: list[Line]  # the page with its shared statements expanded (pages/shared.py)
    includes: shared.Expanded | None = None  # None: the page includes nothing
    said: salvage.Said = field(default_factory=salvage.Said)  # what the rules read, valid or not

    @property
    def page_type(self) -> PageType:
        return self.said.page_type

    @property
    def crisis(self) -> bool:
        return self.said.crisis

    @property
    def language(self) -> Language:
        """From the page's folder: docs-es/ is Spanish (pages/language.py)."""
        return language.language(self.file)

    @property
    def generated(self) -> bool:
        return bool(self.front and self.front.generated)

    def blocks(self, kinds: frozenset[Kind] = PROSE) -> list[Block]:
        return markdown.blocks(self.lines, kinds)


_CACHE: dict[tuple[object, ...], tuple[PageRead, Source | None]] = {}
_ORIGINS: dict[str, list[Origin]] = {}  # shown path -> each expanded line's origin


def _expanded(page: Page, file: Path, path: str) -> tuple[Page, shared.Expanded | None]:
    """The page with its includes expanded, and where each line came from."""
    if "8<-" not in page.body:
        _ORIGINS.pop(path, None)
        return page, None
    found = shared.expand(page.body, file, path, page.body_line)
    head = [Origin(path, n) for n in range(1, page.body_line)]
    found.origins[:0] = head
    found.problems[:] = [replace(p, line=p.line + len(head)) for p in found.problems]
    body = "\n".join(found.lines)
    text = page.text[: len(page.text) - len(page.body)] + body
    _ORIGINS[path] = found.origins
    return Page(page.path, text, page.front, body, page.body_line), found


def origins(src: Source) -> list[Origin]:
    """Where each of the source's lines came from (its own file, or a shared statement)."""
    if src.includes is None:
        return [Origin(src.path, line.number) for line in src.lines]
    return src.includes.origins


def origin(src: Source, number: int) -> Origin:
    """Where line `number` of the expanded page is written (its file and line there)."""
    found = origins(src)
    return found[number - 1] if 0 < number <= len(found) else Origin(src.path, number)


def line_name(src: Source, number: int) -> str:
    """Line `number` of the expanded page as a message names it: "line 12" on the page itself,
    "docs/_shared/x.md:3" in a shared statement."""
    at = origin(src, number)
    return f"line {at.line}" if at.path == src.path else f"{at.path}:{at.line}"


def locate(finding: Finding) -> Finding:
    """A finding on an expanded page, moved to the file and line the text came from."""
    origins = _ORIGINS.get(finding.path)
    if origins is None or finding.line is None or not 0 < finding.line <= len(origins):
        return finding
    origin = origins[finding.line - 1]
    col = finding.col
    if col is not None and origin.indent:
        col = max(1, col - origin.indent)
    return replace(finding, path=origin.path, line=origin.line, col=col)


def _cached(file: Path) -> tuple[PageRead, Source | None]:
    stat = file.stat()
    path = shown(file)
    key: tuple[object, ...] = (str(file.resolve()), path, stat.st_mtime_ns, stat.st_size)
    mirrored = language.english_page(file)
    if mirrored is not None:  # its front matter is checked against the English page (TRN001)
        key += (mirrored[0].is_file(),)
    if key not in _CACHE:
        read_ = frontmatter.read(file, path)
        page, found = (None, None) if read_.page is None else _expanded(read_.page, file, path)
        source = (
            None
            if page is None
            else Source(
                path,
                file,
                page,
                read_.front,
                markdown.parse(page),
                found,
                salvage.said(read_),
            )
        )
        _CACHE[key] = (read_, source)
    return _CACHE[key]


def read(file: Path) -> PageRead:
    """The page as read once: what `ketaguide check` reports about its front matter."""
    return _cached(file)[0]


def load(paths: list[Path]) -> Iterator[Source]:
    """Every Markdown page under `paths` that could be decoded, in path order. Shared
    statements are not pages: they are read as part of the pages that include them."""
    for file in expand(paths, (".md",)):
        if shared.is_shared(file):
            continue
        source = _cached(file)[1]
        if source is not None:
            yield source
