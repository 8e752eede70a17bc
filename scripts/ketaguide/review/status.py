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
from ketaguide.pages import language
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.language import SPANISH_DIR, Language
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
    # The Spanish edition's own review log (docs-es/about/review-log.md): its translation reviews.
    log_es: list[reviewlog.LogEntry] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path) -> Project:
        people, found = reviewers.read(root / reviewers.FILE)
        signed, found_signed = signoff_file.read(root / signoff_file.FILE)
        log, found_log = reviewlog.parse(root / "docs")
        log_es, found_es = reviewlog.parse(root / SPANISH_DIR)
        found_all = found + found_signed + found_log + found_es
        return cls(root, people, signed, log, found_all, log_es)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def docs_es(self) -> Path:
        return self.root / SPANISH_DIR

    def latest(self) -> dict[str, Entry[SignOff]]:
        return signoff_file.latest(self.signoffs)

    def history(self, key: str, lang: Language = "en") -> list[reviewlog.LogEntry]:
        """The page's logged reviews, newest first: a Spanish page's from the Spanish log."""
        return reviewlog.by_page(self.log_es if lang == "es" else self.log).get(key, [])

    def clinical(self, key: str, page: Page, front: FrontMatter) -> Clinical:
        """A sign-off vouches for the English text the clinician read; no clinician has read a
        translation, so a Spanish page with health information is pending."""
        if not is_medical(front):
            return Clinical("not-applicable")
        if language.language(page.path) == "es":
            return Clinical("pending")
        entry = self.latest().get(key)
        if entry is None or entry.value.reviewer not in self.reviewers:
            return Clinical("pending")
        signed = entry.value
        state: State = "current" if signed.body_sha256 == body_hash(page) else "changed"
        return Clinical(state, self.reviewers[signed.reviewer], signed.date)
