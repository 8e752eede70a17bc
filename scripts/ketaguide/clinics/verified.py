"""When a clinic's details were last checked: never in the future, not too long ago."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ketaguide.clinics.load import Record
from ketaguide.findings import Finding
from ketaguide.rules import Rule

STALE_DAYS = 180  # the check warns, and each clinic's page says so, after this many days
FUTURE = Rule(
    "CLN009",
    "verified-in-future",
    "error",
    "last_verified is a date in the future.",
    why="A verification date must record when someone actually checked the details.",
    fix="Use the date on which you checked the details.",
)
STALE = Rule(
    "CLN010",
    "verification-stale",
    "warning",
    f"The details were last verified more than {STALE_DAYS} days ago (the page says so too).",
    why="Clinics move, change numbers and close; old details mislead.",
    fix="Check the details with the clinic, then update last_verified and verified_by.",
)


def verified(record: Record, today: dt.date) -> Iterator[Finding]:
    day = record.clinic.last_verified
    where = record.at("last_verified")
    if day > today:
        yield Finding(record.path, *where, FUTURE, f"last_verified {day} is after today ({today})")
    elif (today - day).days > STALE_DAYS:
        yield Finding(
            record.path,
            *where,
            STALE,
            f"last verified {day}, {(today - day).days} days ago; "
            f"the limit is {STALE_DAYS}; re-check the address, phone, hours and services with "
            "the clinic, then update last_verified, verified_by and source",
        )
