"""Pages as the content rules read them: read and parsed once per run, whatever asks.

A page whose front matter cannot be read is still yielded (with `front` None) so that rules on
its body run; the front-matter check reports why the front matter failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ketaguide.pages import frontmatter, markdown
from ketaguide.pages.frontmatter import PageRead, PageType
from ketaguide.pages.markdown import Block, Kind, Line
from ketaguide.pages.page import Page
from ketaguide.paths import expand, shown

PROSE: frozenset[Kind] = frozenset({"text"})
WORDING: frozenset[Kind] = frozenset({"text", "heading", "admonition", "table"})


@dataclass(frozen=True)
class Source:
    path: str  # as shown in findings
    file: Path
    page: Page
    front: frontmatter.FrontMatter | None
    lines: list[Line]

    @property
    def page_type(self) -> PageType:
        return self.front.page_type if self.front else "article"

    @property
    def generated(self) -> bool:
        return bool(self.front and self.front.generated)

    def blocks(self, kinds: frozenset[Kind] = PROSE) -> list[Block]:
        return markdown.blocks(self.lines, kinds)


_CACHE: dict[tuple[str, str, int, int], tuple[PageRead, Source | None]] = {}


def _cached(file: Path) -> tuple[PageRead, Source | None]:
    stat = file.stat()
    path = shown(file)
    key = (str(file.resolve()), path, stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        read_ = frontmatter.read(file, path)
        page = read_.page
        found = (
            None if page is None else Source(path, file, page, read_.front, markdown.parse(page))
        )
        _CACHE[key] = (read_, found)
    return _CACHE[key]


def read(file: Path) -> PageRead:
    """The page as read once: what `ketaguide check` reports about its front matter."""
    return _cached(file)[0]


def load(paths: list[Path]) -> Iterator[Source]:
    """Every Markdown page under `paths` that could be decoded, in path order."""
    for file in expand(paths, (".md",)):
        source = _cached(file)[1]
        if source is not None:
            yield source
