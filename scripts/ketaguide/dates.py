"""Dates as the guide shows and counts them: one place for the format and the review year."""

from __future__ import annotations

import datetime as dt

# Month names by language (not the machine's locale, which a build cannot rely on).
MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}


class UnknownLanguage(ValueError):
    """A date was asked for in a language the guide has no month names for."""


def long_date(day: dt.date, lang: str = "en") -> str:
    """The date as readers see it, with no leading zero: "March 1, 2026" in English,
    "1 de marzo de 2026" in Spanish (lower-case month, as Spanish writes it)."""
    try:
        month = MONTHS[lang][day.month - 1]
    except KeyError:
        raise UnknownLanguage(f"no month names for {lang!r} (known: {', '.join(MONTHS)})") from None
    if lang == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
