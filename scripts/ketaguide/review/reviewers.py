"""data/reviewers.yml: the clinicians who may sign off a page. Real people only; it ships empty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ketaguide import text
from ketaguide.findings import Finding
from ketaguide.paths import shown
from ketaguide.review.datafile import Entry, read_list
from ketaguide.rules import Rule

FILE = Path("data/reviewers.yml")

MISSING = Rule(
    "REV001",
    "reviewer-field-missing",
    "error",
    "A reviewer in data/reviewers.yml lacks id, name, credentials, role or conflicts.",
    why="Readers judge a review by who made it, what qualifies them and what ties they have.",
    fix="Give every reviewer all five fields; write conflicts: none declared if there are none.",
)
INVALID = Rule(
    "REV002",
    "reviewer-field-invalid",
    "error",
    "A reviewer field is malformed, unknown, holds markup, or an id is used twice.",
    why="The byline shows these fields to readers exactly as written.",
    fix="Use the fields in CONTRIBUTING.md (Clinical review), in plain text; ids are unique.",
)


def _plain(value: str) -> str:
    """Text a reader sees as written (ketaguide/text.py: the guide's one plain-text rule)."""
    why = text.problem(value)
    if why:
        raise ValueError(why)
    if value != value.strip():
        raise ValueError("starts or ends with a space")
    return value


PlainText = Annotated[str, AfterValidator(_plain)]
ReviewerId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]


class Reviewer(BaseModel):
    """A clinician who reviews pages. Never add anyone who has not agreed to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: ReviewerId = Field(description="lowercase words joined by hyphens, e.g. jane-doe")
    name: PlainText = Field(min_length=3, max_length=80)
    credentials: PlainText = Field(min_length=2, max_length=120)
    role: PlainText = Field(min_length=3, max_length=160)
    conflicts: PlainText = Field(min_length=4, max_length=500)


def read(file: Path = FILE) -> tuple[dict[str, Reviewer], list[Finding]]:
    entries, findings = read_list(file, Reviewer, MISSING, INVALID)
    findings += _duplicates(entries, shown(file))
    return {e.value.id: e.value for e in entries}, findings


def _duplicates(entries: list[Entry[Reviewer]], path: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for entry in entries:
        line, col = entry.at("id")
        if entry.value.id in first:
            message = f'id "{entry.value.id}" on line {line} repeats line {first[entry.value.id]}'
            yield Finding(path, line, col, INVALID, message)
        else:
            first[entry.value.id] = line
