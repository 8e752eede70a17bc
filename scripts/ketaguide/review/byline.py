"""What each page's byline and metadata say, as data for overrides/partials/byline.html."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ketaguide.dates import long_date
from ketaguide.pages import language
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.language import Language
from ketaguide.pages.page import Page
from ketaguide.review.status import Clinical, Project, is_medical


@dataclass(frozen=True)
class Day:
    iso: str
    long: str

    @classmethod
    def of(cls, day: dt.date, lang: Language = "en") -> Day:
        return cls(day.isoformat(), long_date(day, lang))


def context(
    project: Project, key: str, page: Page, front: FrontMatter, today: dt.date
) -> dict[str, Any]:
    """The byline's facts: how the page was made, checked and reviewed, and its history, with
    dates in the page's language."""
    clinical = project.clinical(key, page, front)
    lang = language.language(page.path)

    def _day(day: dt.date | None) -> Day | None:
        return None if day is None else Day.of(day, lang)

    log = project.history(key, lang)
    history = [(Day.of(e.day, lang), e.claims, e.changes) for e in log]
    return {
        "language": lang,
        # A Spanish page: the English page it translates (under docs/) and the day translated.
        "translation_of": front.translation_of,
        "translated": _day(front.translated),
        "medical": is_medical(front),
        "checked": _day(fact_checked(project, key, lang)),
        "reviewed": Day.of(front.last_reviewed, lang),
        "first_published": _day(front.first_published),
        "next_review": Day.of(front.next_review, lang),
        "overdue": front.next_review < today,
        "clinical": clinical,
        "clinical_day": _day(clinical.date),
        "history": history,
    }


def fact_checked(project: Project, key: str, lang: Language = "en") -> dt.date | None:
    """The day of the page's newest fact check: the review log is the one record of them (for
    a Spanish page, the Spanish log's newest review of the translation)."""
    log = project.history(key, lang)
    return log[0].day if log else None


def metadata(
    project: Project, key: str, front: FrontMatter, clinical: Clinical, lang: Language = "en"
) -> dict[str, Any]:
    """schema.org lastReviewed and reviewedBy, as the byline says them: the newest logged fact
    check or current clinical sign-off (the review date, for pages without health information),
    and a named reviewer only while the sign-off holds."""
    checked = fact_checked(project, key, lang)
    days = [checked] if is_medical(front) else [front.last_reviewed]
    out: dict[str, Any] = {}
    if clinical.state == "current" and clinical.reviewer and clinical.date:
        days.append(clinical.date)
        out["reviewedBy"] = {
            "@type": "Person",
            "name": clinical.reviewer.name,
            "honorificSuffix": clinical.reviewer.credentials,
        }
    known = [d for d in days if d is not None]
    if known:
        out["lastReviewed"] = max(known).isoformat()
    return out
