"""Opening hours: real times, closing after opening, each day once, no overlaps."""

from __future__ import annotations

from collections.abc import Iterator

from ketaguide.clinics.load import Record
from ketaguide.clinics.model import DAYS
from ketaguide.findings import Finding
from ketaguide.rules import Rule

HOURS = Rule(
    "CLN006",
    "hours",
    "error",
    "Opening hours are impossible, overlap, or list a day twice.",
    why="Readers plan a call or a visit around these times.",
    fix='Use 24-hour "HH:MM" times, closes after opens (or overnight: true), each day once.',
)

Span = tuple[int, int, int]  # day index, start minute, end minute


def minutes(hhmm: str) -> int | None:
    """Minutes after midnight for "HH:MM", or None when it is not a time of day."""
    hh, mm = int(hhmm[:2]), int(hhmm[3:])
    return hh * 60 + mm if hh < 24 and mm < 60 else None


def _spans(day: int, opens: int, closes: int, overnight: bool) -> list[Span]:
    if overnight:
        return [(day, opens, 1440), ((day + 1) % 7, 0, closes)]
    return [(day, opens, closes)]


def hours(record: Record) -> Iterator[Finding]:
    taken: list[tuple[Span, int]] = []
    for n, entry in enumerate(record.clinic.hours):
        repeated = [d for d in dict.fromkeys(entry.days) if entry.days.count(d) > 1]
        if repeated:
            yield Finding(
                record.path,
                *record.at("hours", n, "days"),
                HOURS,
                f"{', '.join(repeated)} listed twice in one entry",
            )
        opens, closes = minutes(entry.opens), minutes(entry.closes)
        for key, value, value_minutes in (
            ("opens", entry.opens, opens),
            ("closes", entry.closes, closes),
        ):
            if value_minutes is None:
                yield Finding(
                    record.path,
                    *record.at("hours", n, key),
                    HOURS,
                    f'"{value}" is not a time of day; use 00:00 to 23:59',
                )
        if opens is None or closes is None:
            continue
        if entry.overnight == (closes > opens):
            yield Finding(
                record.path,
                *record.at("hours", n, "closes"),
                HOURS,
                f"overnight: true, but closes {entry.closes} is after opens {entry.opens}"
                if entry.overnight
                else f"closes {entry.closes} is not after opens {entry.opens}; "
                "add overnight: true if it closes after midnight",
            )
            continue
        for day in dict.fromkeys(entry.days):
            for span in _spans(DAYS.index(day), opens, closes, entry.overnight):
                clash = next(
                    (m for s, m in taken if s[0] == span[0] and span[1] < s[2] and s[1] < span[2]),
                    None,
                )
                if clash is not None:
                    yield Finding(
                        record.path,
                        *record.at("hours", n),
                        HOURS,
                        f"{DAYS[span[0]]} overlaps hours entry {clash + 1}",
                    )
                taken.append((span, n))
