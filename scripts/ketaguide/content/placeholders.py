"""Placeholders: the article template's example text is an error until a writer replaces it.

The phrases are those of templates/article.md (a test copies the template and expects each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.pages.markdown import without_code
from ketaguide.rules import Rule

PLACEHOLDER = Rule(
    "CNT030",
    "placeholder",
    "error",
    "The page still holds example text from the article template.",
    why="An example title, point or source left in would be published as if it were content.",
    fix="Replace the example with your own words, or delete it.",
)

# One phrase of each example line of templates/article.md, compared ignoring case.
EXAMPLES = (
    "A title a reader would search for",
    "that says what this page covers and for whom",
    "Three to five points a reader can stop after",
    "with the number and its certainty where there is one",
    "Say what is not known.",
    "A heading phrased as the reader's question",
    "Short paragraphs of two to four sentences",
    "Explain each medical word the",
    "Every fact has a footnote at the point of the claim",
    "Where a decision depends on the person, say so",
    "Author A, Author B",
    "Title of the paper",
    "10.xxxx/yyyy",
)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if src.generated:
            continue
        for line in src.lines:
            if line.kind == "code":
                continue
            visible = without_code(line.raw).casefold()
            for example in EXAMPLES:
                if (col := visible.find(example.casefold())) >= 0:
                    yield Finding(
                        src.path,
                        line.number,
                        col + 1,
                        PLACEHOLDER,
                        f'"{example}" is the template\'s example text; replace it',
                    )
                    break
