"""Dates as the guide shows and counts them: one place for the format and the review year."""

from __future__ import annotations

import datetime as dt


def long_date(day: dt.date) -> str:
    """The date as readers see it: "March 1, 2026" (no leading zero, any locale)."""
    return f"{day:%B} {day.day}, {day.year}"


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
