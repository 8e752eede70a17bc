"""Where each page stands: its fact check, its clinical review and its change history.

One place for the truth that the byline, the page metadata, `ketaguide review status` and
`ketaguide check` all show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ketaguide.findings import Finding
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.page import Page
from ketaguide.review import reviewers, reviewlog
from ketaguide.review import signoffs as signoff_file
from ketaguide.review.bodyhash import body_hash
from ketaguide.review.datafile import Entry
from ketaguide.review.reviewers import Reviewer
from ketaguide.review.signoffs import SignOff

State = Literal["current", "changed", "pending", "not-applicable"]
STATE_TEXT: dict[State, str] = {
    "current": "signed and current",
    "changed": "changed since sign-off",
    "pending": "never reviewed",
    "not-applicable": "no clinical review needed",
}
MEDICAL_TYPES = ("article", "home", "reference")


def is_medical(front: FrontMatter) -> bool:
    """Pages with health information: their facts are checked and a clinician reviews them."""
    return front.page_type in MEDICAL_TYPES and not front.generated


@dataclass(frozen=True)
class Clinical:
    state: State
    reviewer: Reviewer | None = None
    date: dt.date | None = None


@dataclass
class Project:
    """The review records of one checkout: reviewers, sign-offs and the review log."""

    root: Path
    reviewers: dict[str, Reviewer] = field(default_factory=dict)
    signoffs: list[Entry[SignOff]] = field(default_factory=list)
    log: list[reviewlog.LogEntry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> Project:
        people, found = reviewers.read(root / reviewers.FILE)
        signed, found_signed = signoff_file.read(root / signoff_file.FILE)
        log, found_log = reviewlog.parse(root / "docs")
        return cls(root, people, signed, log, found + found_signed + found_log)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def latest(self) -> dict[str, Entry[SignOff]]:
        return signoff_file.latest(self.signoffs)

    def history(self, key: str) -> list[reviewlog.LogEntry]:
        return reviewlog.by_page(self.log).get(key, [])

    def clinical(self, key: str, page: Page, front: FrontMatter) -> Clinical:
        if not is_medical(front):
            return Clinical("not-applicable")
        entry = self.latest().get(key)
        if entry is None or entry.value.reviewer not in self.reviewers:
            return Clinical("pending")
        signed = entry.value
        state: State = "current" if signed.body_sha256 == body_hash(page) else "changed"
        return Clinical(state, self.reviewers[signed.reviewer], signed.date)
