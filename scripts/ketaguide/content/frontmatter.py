"""Front matter: the schema every page in docs/ follows, and its checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ketaguide import safefile
from ketaguide.content.page import Page
from ketaguide.dates import one_year_after
from ketaguide.findings import Finding
from ketaguide.modelerrors import load_model
from ketaguide.paths import expand, shown
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded, YamlProblem, decode

PAGE_LIMIT = 1024 * 1024

MISSING = Rule(
    "CNT001",
    "front-matter-missing",
    "error",
    "A page lacks front matter or one of its required fields.",
    why="Readers need to know what a page covers and how current it is.",
    fix="Copy the front matter from templates/article.md and fill in every field.",
)
INVALID = Rule(
    "CNT002",
    "front-matter-invalid",
    "error",
    "A front-matter field has the wrong type, length or name.",
    why="A misspelt or malformed field is silently ignored by the site generator.",
    fix="Use the field names and formats in templates/article.md; dates are YYYY-MM-DD.",
)
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

HideItem = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]
# What kind of page this is; content/pagetypes.py says which rules each kind gets.
PageType = Literal["article", "home", "policy", "reference", "directory"]


class SearchMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    exclude: bool = False
    boost: float = Field(default=1.0, gt=0, le=10)


class FrontMatter(BaseModel):
    """The fields a page may set; unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=3, max_length=70)
    description: str = Field(min_length=30, max_length=160)
    last_reviewed: dt.date
    next_review: dt.date
    author: str = Field(default="Editorial team", min_length=3, max_length=80)
    clinical_review: str = Field(default="pending", min_length=3, max_length=120)
    crisis: bool = False
    hide: list[HideItem] = Field(default_factory=list)
    search: SearchMeta | None = None
    generated: bool = False
    page_type: PageType = "article"


Parsed = tuple[FrontMatter, Loaded]


def parse(page: Page, path: str) -> tuple[Parsed | None, list[Finding]]:
    """The page's front matter, or the findings that say why it could not be read."""
    if page.front is None:
        return None, [Finding(path, 1, 1, MISSING, "no front matter; start the file with ---")]
    return load_model(
        FrontMatter,
        page.front,
        path,
        MISSING,
        INVALID,
        line_offset=1,
        not_mapping="front matter must be key: value lines",
    )


def _date_findings(
    front: FrontMatter, loaded: Loaded, path: str, today: dt.date
) -> Iterator[Finding]:
    line, col = loaded.where(("next_review",))
    if front.next_review <= front.last_reviewed:
        yield Finding(
            path,
            line,
            col,
            REVIEW_DATES,
            f"next_review {front.next_review} is not after last_reviewed {front.last_reviewed}",
        )
    elif front.next_review > one_year_after(front.last_reviewed):
        yield Finding(
            path,
            line,
            col,
            REVIEW_DATES,
            f"next_review {front.next_review} is more than 12 months after last_reviewed "
            f"{front.last_reviewed}; use {one_year_after(front.last_reviewed)} or earlier",
        )
    if front.last_reviewed > today:
        line_last, col_last = loaded.where(("last_reviewed",))
        yield Finding(
            path,
            line_last,
            col_last,
            REVIEW_DATES,
            f"last_reviewed {front.last_reviewed} is in the future",
        )
    if front.next_review < today:
        yield Finding(
            path,
            line,
            col,
            OVERDUE,
            f"review was due on {front.next_review}; re-check every fact on the page against "
            "its cited source, then set last_reviewed to that day and next_review within 12 months",
        )


def check_page(page: Page, path: str, today: dt.date) -> Iterator[Finding]:
    parsed, problems = parse(page, path)
    yield from problems
    if parsed is not None:
        yield from _date_findings(*parsed, path, today)


def read_page(file: Path) -> tuple[Page | None, list[Finding]]:
    path = shown(file)
    try:
        text = decode(safefile.read_bytes(file, PAGE_LIMIT), limit=PAGE_LIMIT)
    except safefile.FileProblem as problem:
        return None, [problem.finding(path)]
    except YamlProblem as problem:
        return None, [problem.finding(path)]
    return Page.read(file, text), []


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    today = today or dt.date.today()
    for file in expand(paths, (".md",)):
        page, problems = read_page(file)
        yield from problems
        if page is not None:
            yield from check_page(page, shown(file), today)
