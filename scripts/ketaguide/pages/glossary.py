"""The glossary page is the one source of every term's plain-language definition.

Each entry is a Markdown definition list item. The build gives every entry to the abbr
extension (its `glossary` option), and the term's first use on each page shows its definition
as a tooltip (content/tooltips.py).
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ketaguide import safefile
from ketaguide.pages.frontmatter import PAGE_LIMIT

GLOSSARY_PAGE = "practical/glossary.md"
_DEFINITION = re.compile(r"^:[ \t]+(.+)$")


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    definition: str
    line: int


def parse(text: str) -> list[Term]:
    """Terms in file order: a plain line followed by a `:   definition` line."""
    lines = text.splitlines()
    terms: list[Term] = []
    for number, (head, following) in enumerate(itertools.pairwise(lines), 1):
        match = _DEFINITION.match(following)
        if match and head.strip() and not head.startswith((" ", "\t", ":", "#")):
            terms.append(Term(head.strip(), match.group(1).strip(), number))
    return terms


def load(docs_dir: Path) -> list[Term]:
    """The glossary's terms (none without the page); safefile.FileProblem if it is unsafe."""
    page = docs_dir / GLOSSARY_PAGE
    if not os.path.lexists(page):
        return []
    return parse(safefile.read_text(page, PAGE_LIMIT))
