"""Pages as the content rules read them: read and parsed once per run, whatever asks.

A page whose bytes or front matter cannot be read is still yielded (with `front` None) so that
rules on its body run; the front-matter check reports why the front matter failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ketaguide.content import frontmatter, markdown
from ketaguide.content.markdown import Block, Kind, Line
from ketaguide.content.page import Page
from ketaguide.content.pagetypes import POLICIES, Policy
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
    def policy(self) -> Policy:
        return POLICIES[self.front.page_type if self.front else "article"]

    @property
    def generated(self) -> bool:
        return bool(self.front and self.front.generated)

    def blocks(self, kinds: frozenset[Kind] = PROSE) -> list[Block]:
        return markdown.blocks(self.lines, kinds)


_CACHE: dict[tuple[str, str, int, int], Source | None] = {}


def _read(file: Path) -> Source | None:
    stat = file.stat()
    path = shown(file)
    key = (str(file.resolve()), path, stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        page, _ = frontmatter.read_page(file)
        if page is None:
            _CACHE[key] = None
        else:
            parsed, _ = frontmatter.parse(page, path)
            front = parsed[0] if parsed else None
            _CACHE[key] = Source(path, file, page, front, markdown.parse(page))
    return _CACHE[key]


def load(paths: list[Path]) -> Iterator[Source]:
    """Every Markdown page under `paths` that could be decoded, in path order."""
    for file in expand(paths, (".md",)):
        source = _read(file)
        if source is not None:
            yield source
