"""What `ketaguide check --stats` shows: each page's size, grade and sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ketaguide.content import citations, readinglevel
from ketaguide.content.readability import Measure
from ketaguide.pages import source
from ketaguide.pages.frontmatter import generator


@dataclass(frozen=True, slots=True)
class PageStats:
    path: str
    page_type: str
    measure: Measure
    sources: int
    generator: str | None = None  # the command that wrote the page (generated: true)

    @property
    def grade(self) -> float | None:
        """The Flesch-Kincaid grade, or None when the page is too short to grade."""
        if self.measure.words < readinglevel.MIN_GRADED_WORDS:
            return None
        return self.measure.grade


def pages(paths: list[Path]) -> list[PageStats]:
    return [
        PageStats(
            src.path,
            src.front.page_type if src.front else "?",
            readinglevel.page_measure(src),
            citations.distinct_sources(src),
            generator(src.page) if src.generated else None,
        )
        for src in source.load(paths)
    ]
