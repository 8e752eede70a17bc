"""A Spanish page's `translation_of`: the English page it translates, which must exist and be
the page it mirrors (same path under docs/ as the Spanish page under docs-es/), so that the
language switch, the freshness check and the footnote comparison all pair the same two pages.
"""

from __future__ import annotations

from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import language
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded

SOURCE = Rule(
    "TRN001",
    "translation-source",
    "error",
    "A Spanish page's translation_of names its English page: the page with the same path under "
    "docs/, which exists.",
    why="The notice that a translation is behind, the language switch and the source "
    "comparison all need the right English page; a translation of nothing is an orphan.",
    fix="Set translation_of to the English page's path under docs/ (the Spanish page's own path "
    "under docs-es/), or delete the Spanish page if its English page was removed.",
)


def source_problems(file: Path, given: str, loaded: Loaded, path: str) -> list[Finding]:
    """Why `given` (the page's translation_of) is not the English page it mirrors."""
    mirrored = language.english_page(file)
    if mirrored is None:
        return []
    english, expected = mirrored
    line, col = loaded.where(("translation_of",))
    if given != expected:
        message = (
            f'"{given}": this page translates {expected} (Spanish pages keep the English path)'
        )
        return [Finding(path, line, col, SOURCE, message)]
    if not english.is_file():
        message = f'"{given}": there is no English page {shown(english)}'
        return [Finding(path, line, col, SOURCE, message)]
    return []
