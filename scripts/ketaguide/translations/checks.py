"""`ketaguide check` on translations: a Spanish page whose English page changed after it was
translated is behind (a warning; an error with --strict). The built page says so too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.translations import fresh

BEHIND = Rule(
    "TRN002",
    "translation-behind",
    "warning",
    "The English page changed after its Spanish page was translated (an error with --strict).",
    why="A translation that silently falls behind tells Spanish readers something the guide no "
    "longer says; until it is updated, the Spanish page shows a notice linking to the English "
    "page.",
    fix="Compare the English page with the Spanish one (`git log -p` on the English page since "
    "the translated date), update the Spanish text, then run "
    "`ketaguide translations --stamp docs-es/PAGE.md`.",
)


def behind_message(found: fresh.Pair) -> str:
    changed = found.changed
    when = f"; it changed on {changed.date} ({changed.how})" if changed else ""
    return (
        f"{found.english_path} changed after this translation (translated {found.translated}"
        f"{when}); update the Spanish text, then run `ketaguide translations --stamp "
        f"{shown(found.spanish)}`"
    )


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if src.language != "es" or src.front is None:
            continue
        found = fresh.pair(src.file)
        if found is None or found.state != "behind":
            continue
        read = source.read(src.file)
        line, col = read.loaded.where(("source_hash",)) if read.loaded else (1, 1)
        yield Finding(src.path, line, col, BEHIND, behind_message(found))
