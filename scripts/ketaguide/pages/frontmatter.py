"""Front matter: the schema every page in docs/ follows, and the one way a page is read.

`read()` is what both `ketaguide check` and the build use: the bytes (size and UTF-8 checked,
a leading byte-order mark dropped), the front matter through the guarded YAML loader, and the
model. MkDocs' own front-matter parser never sees the page (see mkdocs_hooks.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ketaguide import safefile
from ketaguide.findings import Finding
from ketaguide.modelerrors import load_model
from ketaguide.pages.page import Page
from ketaguide.paths import shown
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


@dataclass(frozen=True)
class PageRead:
    """One page as read: its text and front matter, or the findings that say why not."""

    path: str  # as shown in findings
    page: Page | None  # None when the bytes could not be read as text
    front: FrontMatter | None
    loaded: Loaded | None  # where each front-matter value was written
    problems: list[Finding]


def read(file: Path, path: str | None = None) -> PageRead:
    """The page at `file`; `path` is how findings name it (default: relative to here)."""
    path = path or shown(file)
    try:
        text = decode(safefile.read_bytes(file, PAGE_LIMIT), limit=PAGE_LIMIT)
    except (safefile.FileProblem, YamlProblem) as problem:
        return PageRead(path, None, None, None, [problem.finding(path)])
    page = Page.read(file, text)
    parsed, problems = parse(page, path)
    front, loaded = parsed if parsed else (None, None)
    return PageRead(path, page, front, loaded, problems)
