"""data/clinical-reviews.yml: each clinical sign-off, bound to the text it vouches for.

`ketaguide review sign` appends an entry; nothing else writes the file. The newest entry for a
page is the one that counts; older ones stay as the page's record.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ketaguide.findings import Finding
from ketaguide.review.datafile import Entry, read_list
from ketaguide.review.reviewers import ReviewerId
from ketaguide.rules import Rule

FILE = Path("data/clinical-reviews.yml")
HEADER = (
    "# Clinical sign-offs, written by `ketaguide review sign` (see CONTRIBUTING.md); do not edit.\n"
    "# Each entry: the page (under docs/), the reviewer's id (data/reviewers.yml), the day of the\n"
    "# review and the SHA-256 of the page's text (front matter and whitespace left out).\n"
)

MISSING = Rule(
    "REV003",
    "sign-off-field-missing",
    "error",
    "A sign-off in data/clinical-reviews.yml lacks page, reviewer, date or body_sha256.",
    why="A sign-off that does not say who reviewed which text on which day vouches for nothing.",
    fix="Record sign-offs with `ketaguide review sign PAGE --reviewer ID`, not by hand.",
)
INVALID = Rule(
    "REV004",
    "sign-off-invalid",
    "error",
    "A sign-off is malformed, names an unknown reviewer or page, or is dated in the future.",
    why="The byline names the reviewer of a page only on the strength of this record.",
    fix="Add the reviewer to data/reviewers.yml first, then run `ketaguide review sign` again.",
)


class SignOff(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    page: str = Field(
        pattern=r"^[a-z0-9][a-z0-9/_-]*\.md$",
        max_length=200,
        description="a page's path under docs/, e.g. safety/evidence.md",
    )
    reviewer: ReviewerId
    date: dt.date
    body_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="64 lowercase hex digits")


def read(file: Path = FILE) -> tuple[list[Entry[SignOff]], list[Finding]]:
    return read_list(file, SignOff, MISSING, INVALID)


def latest(entries: list[Entry[SignOff]]) -> dict[str, Entry[SignOff]]:
    """The newest sign-off for each page (a later entry wins a tie)."""
    out: dict[str, Entry[SignOff]] = {}
    for entry in entries:
        known = out.get(entry.value.page)
        if known is None or entry.value.date >= known.value.date:
            out[entry.value.page] = entry
    return out


def _entry_text(s: SignOff) -> str:
    return (
        f"- page: {s.page}\n  reviewer: {s.reviewer}\n  date: {s.date.isoformat()}\n"
        f"  body_sha256: {s.body_sha256}\n"
    )


def append(signoff: SignOff, file: Path = FILE) -> None:
    """Add one sign-off, keeping every earlier one as it was read."""
    entries, _ = read(file)
    text = HEADER + "".join(_entry_text(e.value) for e in entries) + _entry_text(signoff)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
