"""Crisis help: a page that mentions depression, suicide or self-harm shows the urgent-help box.

A page "discusses" these when its wording (paragraphs, lists, headings, tables, admonition
titles; not footnotes, code or link addresses) mentions them once. "Respiratory depression" (slow
breathing) and "depressant" are other meanings and do not count. Spanish pages are read for the
Spanish words (depresión, suicidio, autolesión...), and where the English page gives the 988 line
in its text, the Spanish page gives the Spanish route to it (988, press 2, text AYUDA): the
statement docs-es/_shared/crisis.md, or the same facts in its own words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import language, source
from ketaguide.paths import shown
from ketaguide.rules import Rule

CRISIS = Rule(
    "CNT018",
    "crisis-help",
    "error",
    "A page that mentions depression, suicide or self-harm sets `crisis: true`; a Spanish page "
    "(depresión, suicidio, autolesión) also gives the Spanish crisis line where its English "
    "page gives the 988 line.",
    why="Someone in crisis may land on any such page; `crisis: true` shows the 988 and 911 box "
    "at the top of it.",
    fix="Add `crisis: true` to the page's front matter; on a Spanish page, include the Spanish "
    'crisis statement where the English page gives the 988 line: `--8<-- "crisis.md"`.',
)
_TOPIC_ES = re.compile(
    r"\bdepresi(?:ón|ones|vos?|vas?)\b(?!\s+respiratoria)|\bdeprimid[oa]s?\b|\bsuicid\w*"
    r"|\bautolesi\w*|\bhacerse\s+daño\b|\bquitarse\s+la\s+vida\b",
    re.I,
)
_LINE_988 = re.compile(r"\b988\b")
# The Spanish route to the Lifeline, as docs-es/_shared/crisis.md gives it.
_SPANISH_ROUTE = re.compile(r"\bmarque\s+(?:el\s+)?2\b|\bAYUDA\b")

_TOPIC = re.compile(
    r"(?<!respiratory )\bdepress(?:ion|ions|ed|ive)\b|\bsuicid\w*|\bself[\s-]+harm\w*"
    r"|\bself[\s-]+injur\w*|\bkill(?:ing)?\s+(?:yourself|themselves|myself|himself|herself)\b",
    re.I,
)


def _first_mention(
    src: source.Source, topic: re.Pattern[str] = _TOPIC
) -> tuple[int, int, str] | None:
    for block in src.blocks(source.WORDING):
        if match := topic.search(block.text):
            return (*block.where(match.start()), match.group(0))
    return None


def _spanish(src: source.Source) -> Iterator[Finding]:
    """The Spanish words, and the Spanish crisis line where the English page gives 988."""
    mention = _first_mention(src, _TOPIC_ES)
    if mention and not src.crisis:
        line, col, word = mention
        message = f'the page mentions "{word}"; set crisis: true'
        yield Finding(src.path, line, col, CRISIS, message)
    mirrored = language.english_page(src.file)
    english = source.read(mirrored[0]) if mirrored and mirrored[0].is_file() else None
    gives_988 = english is not None and english.page and _LINE_988.search(english.page.body)
    has_route = _LINE_988.search(src.page.body) and _SPANISH_ROUTE.search(src.page.body)
    if gives_988 and not has_route:
        where = shown(mirrored[0]) if mirrored else "the English page"
        message = (
            f"{where} gives the 988 crisis line; give the Spanish route (988, press 2, text "
            'AYUDA): --8<-- "crisis.md"'
        )
        yield Finding(src.path, src.page.body_line, 1, CRISIS, message)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if src.generated:
            continue
        if src.language == "es":
            yield from _spanish(src)
            continue
        if src.crisis:
            continue
        mention = _first_mention(src)
        if mention:
            line, col, word = mention
            yield Finding(
                src.path, line, col, CRISIS, f'the page mentions "{word}"; set crisis: true'
            )
