"""The glossary page is the one source of every term's plain-language definition.

Each entry is a Markdown definition list item. The build turns every entry into an abbreviation,
so the term shows its definition as a tooltip wherever it appears on the site.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

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


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation lines, one per term (`*[term]: definition`), a blank line apart.

    Each definition is its own block: Python-Markdown takes one definition from a block and then
    tests the rest of the block against every block rule again, so 77 terms in one block cost a
    third of a page's build time (quadratic in the number of terms)."""
    return "\n\n".join(f"*[{t.term}]: {t.definition}" for t in terms)


def load(docs_dir: Path) -> list[Term]:
    page = docs_dir / GLOSSARY_PAGE
    return parse(page.read_text(encoding="utf-8")) if page.exists() else []
