"""Front matter as `ketaguide check` and the build report it: why a page could not be read, and
review dates that are out of order or overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.dates import one_year_after
from ketaguide.findings import Finding
from ketaguide.pages import salvage, shared, source
from ketaguide.pages.frontmatter import PageRead
from ketaguide.paths import expand
from ketaguide.rules import Rule

REVIEW_DATES = Rule(
    "CNT003",
    "review-dates",
    "error",
    "next_review must come after last_reviewed, at most 12 months later.",
    why="Health information dates quickly; every page is reviewed at least once a year.",
    fix="Set next_review to a date within 12 months after last_reviewed.",
)
OVERDUE = Rule(
    "CNT004",
    "review-overdue",
    "warning",
    "The page's next_review date has passed (an error with --strict).",
    why="Readers should not rely on a page whose review is overdue.",
    fix="Review the page against its sources, then move last_reviewed and next_review on.",
)


def _dates(read: PageRead, today: dt.date) -> Iterator[Finding]:
    """The review-date findings, from each date that is valid on its own: a broken field beside
    them (reported by the front-matter check) does not hide them."""
    said, path = salvage.said(read), read.path
    last, next_, loaded = said.last_reviewed, said.next_review, said.loaded
    line, col = loaded.where(("next_review",))
    if last is not None and next_ is not None and next_ <= last:
        message = f"next_review {next_} is not after last_reviewed {last}"
        yield Finding(path, line, col, REVIEW_DATES, message)
    elif last is not None and next_ is not None and next_ > one_year_after(last):
        yield Finding(
            path,
            line,
            col,
            REVIEW_DATES,
            f"next_review {next_} is more than 12 months after last_reviewed "
            f"{last}; use {one_year_after(last)} or earlier",
        )
    if last is not None and last > today:
        line_last, col_last = loaded.where(("last_reviewed",))
        message = f"last_reviewed {last} is in the future"
        yield Finding(path, line_last, col_last, REVIEW_DATES, message)
    translated = read.front.translated if read.front else None  # a Spanish page's
    if translated is not None and translated > today:
        line_day, col_day = loaded.where(("translated",))
        message = f"translated {translated} is in the future"
        yield Finding(path, line_day, col_day, REVIEW_DATES, message)
    if next_ is not None and next_ < today:
        yield Finding(
            path,
            line,
            col,
            OVERDUE,
            f"review was due on {next_}; re-check every fact on the page against "
            "its cited source, then set last_reviewed to that day and next_review within 12 months",
        )


def findings(read: PageRead, today: dt.date) -> Iterator[Finding]:
    """Why the page or its front matter could not be read, then its review-date findings."""
    yield from read.problems
    yield from _dates(read, today)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    today = today or dt.date.today()
    for file in expand(paths, (".md",)):
        if shared.is_shared(file):  # a fragment of the pages that include it
            continue
        yield from findings(source.read(file), today)
