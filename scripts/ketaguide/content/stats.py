"""What `ketaguide check --stats` shows: each page's size, grade and sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ketaguide.content import citations, readability_es, readinglevel
from ketaguide.content.readability import Measure
from ketaguide.pages import source
from ketaguide.pages.frontmatter import generator


@dataclass(frozen=True, slots=True)
class PageStats:
    path: str
    page_type: str
    measure: Measure | readability_es.Measure  # the second for a Spanish page
    sources: int
    generator: str | None = None  # the command that wrote the page (generated: true)

    @property
    def grade(self) -> float | None:
        """The Flesch-Kincaid grade, or None when the page is too short to grade."""
        if self.measure.words < readinglevel.MIN_GRADED_WORDS:
            return None
        if isinstance(self.measure, readability_es.Measure):
            return None
        return self.measure.grade

    @property
    def level(self) -> str:
        """The grade as `--stats` shows it; a Spanish page's INFLESZ score starts with I."""
        if isinstance(self.measure, readability_es.Measure):
            short = self.measure.words < readinglevel.MIN_GRADED_WORDS
            return "-" if short else f"I{self.measure.score:.1f}"
        return "-" if self.grade is None else f"{self.grade:.1f}"


def pages(paths: list[Path]) -> list[PageStats]:
    return [
        PageStats(
            src.path,
            src.front.page_type if src.front else "?",
            readinglevel.page_measure_es(src)
            if src.language == "es"
            else readinglevel.page_measure(src),
            citations.distinct_sources(src),
            generator(src.page) if src.generated else None,
        )
        for src in source.load(paths)
    ]
