"""Crisis help: a page that mentions depression, suicide or self-harm shows the urgent-help box.

A page "discusses" these when its wording (paragraphs, lists, headings, tables, admonition
titles; not footnotes, code or link addresses) mentions them once. "Respiratory depression" (slow
breathing) and "depressant" are other meanings and do not count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.rules import Rule

CRISIS = Rule(
    "CNT018",
    "crisis-help",
    "error",
    "A page that mentions depression, suicide or self-harm sets `crisis: true`.",
    why="Someone in crisis may land on any such page; `crisis: true` shows the 988 and 911 box "
    "at the top of it.",
    fix="Add `crisis: true` to the page's front matter.",
)

_TOPIC = re.compile(
    r"(?<!respiratory )\bdepress(?:ion|ions|ed|ive)\b|\bsuicid\w*|\bself[\s-]+harm\w*"
    r"|\bself[\s-]+injur\w*|\bkill(?:ing)?\s+(?:yourself|themselves|myself|himself|herself)\b",
    re.I,
)


def _first_mention(src: source.Source) -> tuple[int, int, str] | None:
    for block in src.blocks(source.WORDING):
        if match := _TOPIC.search(block.text):
            return (*block.where(match.start()), match.group(0))
    return None


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if src.front is None or src.front.crisis or src.generated or src.language != "en":
            continue
        mention = _first_mention(src)
        if mention:
            line, col, word = mention
            yield Finding(
                src.path, line, col, CRISIS, f'the page mentions "{word}"; set crisis: true'
            )
