"""What each kind of page (front matter `page_type`) must meet.

`article` is the default: a page that explains a medical topic and makes claims, so it needs
sources and plain language. The home page and the policy pages are read by the same readers, so
they are held to the same reading level, but they summarise or set rules rather than make new
claims. Reference pages (the glossary, the generated rules page) are lists of short entries, and
directory pages list clinics: neither reads as prose, so reading level and length do not apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from ketaguide.pages.frontmatter import PageType


@dataclass(frozen=True, slots=True)
class Policy:
    min_sources: int  # distinct sources the footnotes must cite
    min_words: int  # words of body text; fewer is a warning
    reading_level: bool  # whether the Flesch-Kincaid grade is checked


ARTICLE = Policy(min_sources=6, min_words=400, reading_level=True)
POLICIES: dict[PageType, Policy] = {
    "article": ARTICLE,
    "home": Policy(min_sources=0, min_words=0, reading_level=True),
    "policy": Policy(min_sources=0, min_words=0, reading_level=True),
    "reference": Policy(min_sources=0, min_words=0, reading_level=False),
    "directory": Policy(min_sources=0, min_words=0, reading_level=False),
}
