"""Reading level and length of a page's body text, by the page's language.

Body text is the page's paragraphs and list items: front matter, code, tables, footnote
definitions, headings, admonition titles and HTML are left out (pages/markdown.py). Pages
shorter than MIN_GRADED_WORDS are not graded: the formula means little on a few sentences.
English pages: the Flesch-Kincaid grade (content/readability.py). Spanish pages: the
Szigriszt-Pazos index on the INFLESZ scale (content/readability_es.py), where higher is easier.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.content import readability_es
from ketaguide.content.pagetypes import ARTICLE, POLICIES
from ketaguide.content.readability import Measure, measure
from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.rules import Rule

WARN_ABOVE = 9.0
ERROR_ABOVE = 12.0
# Spanish (INFLESZ): below 55 leaves the "normal" band that the scale's authors recommend for
# texts for patients (secondary school, US grades 7 to 10, where grade 8 sits); below 40 is
# "muy difícil" (university and scientific papers), as English above grade 12 is college level.
WARN_BELOW_ES = 55.0
ERROR_BELOW_ES = 40.0
MIN_GRADED_WORDS = 100

READING_LEVEL = Rule(
    "CNT013",
    "reading-level",
    "warning",
    f"The body text reads above US school grade {WARN_ABOVE:g} (Flesch-Kincaid); on a Spanish "
    f"page, it scores below {WARN_BELOW_ES:g} on the INFLESZ scale (Szigriszt-Pazos index).",
    why="Readers may be tired, in pain or in crisis; plain language is a safety matter here.",
    fix="Shorten the sentences and use shorter words, starting with the paragraphs the finding "
    "names; `ketaguide check --stats` shows each page's grade.",
)
READING_LEVEL_HIGH = Rule(
    "CNT014",
    "reading-level-too-high",
    "error",
    f"The body text reads above US school grade {ERROR_ABOVE:g} (Flesch-Kincaid); on a Spanish "
    f'page, it scores below {ERROR_BELOW_ES:g} on the INFLESZ scale ("muy difícil").',
    why="Text at college level shuts out most of the readers the guide is for.",
    fix="Split long sentences (aim for 15 words), explain or replace long medical words, and "
    "move detail into a table or a footnote.",
)
TOO_SHORT = Rule(
    "CNT021",
    "article-too-short",
    "warning",
    f"An article has at least {ARTICLE.min_words} words of body text.",
    why="A page this short rarely gives the balance of benefits, risks and alternatives.",
    fix="Add what a reader needs to decide, or set `page_type` if the page is not an article.",
)


def _hardest(src: source.Source, count: int = 3) -> str:
    origins = source.origins(src)  # a paragraph from a shared statement is named by its file
    scored = []
    for block in src.blocks():
        part = measure(block.text)
        if part.words >= 15:
            origin = origins[block.first_line - 1]
            where = "" if origin.path == src.path else f"{origin.path} "
            scored.append((part.grade, block.first_line, f"{where}line {origin.line}"))
    worst = sorted(scored, reverse=True)[:count]
    return ", ".join(f"{where} ({grade:.1f})" for grade, _, where in worst)


def page_measure(src: source.Source) -> Measure:
    total = Measure()
    for block in src.blocks():
        total += measure(block.text)
    return total


def _hardest_es(src: source.Source, count: int = 3) -> str:
    origins = source.origins(src)
    scored = []
    for block in src.blocks():
        part = readability_es.measure(block.text)
        if part.words >= 15:
            origin = origins[block.first_line - 1]
            where = "" if origin.path == src.path else f"{origin.path} "
            scored.append((part.score, block.first_line, f"{where}line {origin.line}"))
    return ", ".join(f"{where} ({score:.1f})" for score, _, where in sorted(scored)[:count])


def page_measure_es(src: source.Source) -> readability_es.Measure:
    total = readability_es.Measure()
    for block in src.blocks():
        total += readability_es.measure(block.text)
    return total


def _spanish(src: source.Source) -> Iterator[Finding]:
    total = page_measure_es(src)
    policy = POLICIES[src.page_type]
    if total.words < policy.min_words:
        message = f"the body has {total.words} words; an article has at least {policy.min_words}"
        yield Finding(src.path, src.page.body_line, 1, TOO_SHORT, message)
    score = total.score
    if not policy.reading_level or total.words < MIN_GRADED_WORDS or score >= WARN_BELOW_ES:
        return
    found = READING_LEVEL_HIGH if score < ERROR_BELOW_ES else READING_LEVEL
    limit = ERROR_BELOW_ES if found is READING_LEVEL_HIGH else WARN_BELOW_ES
    name, meaning = readability_es.band(score)
    yield Finding(
        src.path,
        src.page.body_line,
        1,
        found,
        f'INFLESZ {score:.1f} ("{name}": {meaning}) is below {limit:g} '
        f"({total.words / total.sentences:.1f} words per sentence, "
        f"{total.syllables / total.words:.2f} syllables per word); "
        f"hardest paragraphs: {_hardest_es(src)}",
    )


def _page(src: source.Source) -> Iterator[Finding]:
    if src.generated:
        return
    if src.language == "es":
        yield from _spanish(src)
        return
    total = page_measure(src)
    policy = POLICIES[src.page_type]
    if total.words < policy.min_words:
        yield Finding(
            src.path,
            src.page.body_line,
            1,
            TOO_SHORT,
            f"the body has {total.words} words; an article has at least {policy.min_words}",
        )
    if not policy.reading_level or total.words < MIN_GRADED_WORDS or total.grade <= WARN_ABOVE:
        return
    found = READING_LEVEL_HIGH if total.grade > ERROR_ABOVE else READING_LEVEL
    limit = ERROR_ABOVE if found is READING_LEVEL_HIGH else WARN_ABOVE
    yield Finding(
        src.path,
        src.page.body_line,
        1,
        found,
        f"grade {total.grade:.1f} is above {limit:g} ({total.words / total.sentences:.1f} words "
        f"per sentence, {total.syllables / total.words:.2f} syllables per word); "
        f"hardest paragraphs: {_hardest(src)}",
    )


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        yield from _page(src)
