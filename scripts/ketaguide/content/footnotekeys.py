"""A Spanish page cites exactly the sources its English page cites: the same footnote keys,
with shared statements expanded on both sides (pages/shared.py).

A key the English page cites and the Spanish page does not is a source the translation dropped;
a key only the Spanish page cites is a source nobody checked against the English text, unless a
Spanish-only shared statement in docs-es/_shared/ defines it (the crisis statement's
`lifeline-es`: the Lifeline's page on help in Spanish).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.content import citations
from ketaguide.findings import Finding
from ketaguide.pages import language, shared, source
from ketaguide.paths import shown
from ketaguide.rules import Rule

FOOTNOTE_KEYS = Rule(
    "TRN003",
    "translation-footnote-keys",
    "error",
    "A Spanish page cites exactly the footnote keys of its English page (shared statements "
    "included); only a Spanish-only shared statement in docs-es/_shared/ may add one.",
    why="The translation must rest on the same evidence: a dropped source leaves a statement "
    "unsupported, and an added one was never checked against the English page.",
    fix="Cite each key on the same statement as the English page does, and copy its definition "
    "verbatim from the English page; remove a key the English page does not cite.",
)


def _spanish_only(origin: shared.Origin) -> bool:
    """Whether a line comes from a shared statement that exists only in Spanish."""
    file = Path(origin.path)
    root = language.spanish_root(file)
    if root is None or not shared.is_shared(file):
        return False
    english = language.english_root(root) / shared.SHARED_DIR.name / file.name
    return not english.exists()


def _compare(src: source.Source, english: source.Source) -> Iterator[Finding]:
    theirs = citations.cited(english)
    ours = citations.cited(src)
    origins = source.origins(src)
    for label, (line, _col) in theirs.items():
        if label not in ours:
            at = source.origins(english)[line - 1]
            message = (
                f"[^{label}] is cited on the English page ({at.path}:{at.line}) but not here; "
                "cite it on the same statement"
            )
            yield Finding(src.path, src.page.body_line, 1, FOOTNOTE_KEYS, message)
    for label, (line, col) in ours.items():
        if label in theirs or _spanish_only(origins[line - 1]):
            continue
        message = (
            f"[^{label}] is not cited on the English page {shown(english.file)}; a Spanish "
            "page cites the same sources"
        )
        yield Finding(src.path, line, col, FOOTNOTE_KEYS, message)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        mirrored = language.english_page(src.file)
        if mirrored is None or src.front is None or src.generated:
            continue
        english = next(iter(source.load([mirrored[0]])), None) if mirrored[0].is_file() else None
        if english is not None:
            yield from _compare(src, english)
