"""Checks on one clinic's values: phone, website, text, hours, place and verification date."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import phonenumbers

from ketaguide.clinics import placeholders, zips
from ketaguide.clinics.hours import hours
from ketaguide.clinics.load import Record
from ketaguide.clinics.phone import digits
from ketaguide.findings import Finding
from ketaguide.rules import Rule

PHONE = Rule(
    "CLN003",
    "phone-format",
    "error",
    "The phone number is not a valid US number.",
    why="A wrong digit sends a person in distress to a stranger or to nowhere.",
    fix='Copy the number from the clinic\'s own page and write it as "(503) 828-9265".',
)
URL = Rule(
    "CLN004",
    "unsafe-url",
    "error",
    "The website is not a plain https:// address with a real host name.",
    why="javascript:, data: and http: links can run code or be tampered with on the way.",
    fix="Use the clinic's https:// address, without a user name, password or port.",
)
TEXT = Rule(
    "CLN005",
    "unsafe-text",
    "error",
    "A text field holds markup, control or direction-changing characters.",
    why="Such characters can hide or reorder text, or inject code into the page.",
    fix="Retype the value as plain text, without < > or invisible characters.",
)
PLACE = Rule(
    "CLN007",
    "state-zip",
    "error",
    "The state is unknown, or the ZIP code is not in that state.",
    why="A wrong ZIP puts the clinic in the wrong place in 'clinics near me'.",
    fix="Use the USPS two-letter state code and the clinic's five-digit ZIP code.",
)
GEO = Rule(
    "CLN008",
    "geo-mismatch",
    "error",
    "The coordinates are outside the US or more than 50 miles from the ZIP code's center.",
    why="Distances in 'clinics near me' are computed from these coordinates.",
    fix="Take the coordinates from the address (or the ZIP center, with precision: zip).",
)
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
    "The details were last verified more than 180 days ago (the page says so too).",
    why="Clinics move, change numbers and close; old details mislead.",
    fix="Check the details with the clinic, then update last_verified and verified_by.",
)

MAX_MILES = 50
STALE_DAYS = 180
_BAD_CHARS = re.compile(r"[<>\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_TEXT_FIELDS = (("name",), ("address", "street"), ("address", "city"), ("source",), ("hours_note",))


def phone(record: Record) -> Iterator[Finding]:
    written = record.clinic.phone
    line, col = record.at("phone")
    national = digits(written)
    if len(national) != 10:
        yield Finding(
            record.path,
            line,
            col,
            PHONE,
            f'"{written}" has {len(national)} digits; a US number has 10',
        )
        return
    if national[3:6] == "555" and "0100" <= national[6:] <= "0199":
        yield Finding(
            record.path,
            line,
            col,
            PHONE,
            f'"{written}" is in the fictional 555-0100 to 555-0199 range',
        )
        return
    number = phonenumbers.parse(national, "US")
    if not phonenumbers.is_valid_number(number):
        yield Finding(
            record.path,
            line,
            col,
            PHONE,
            f'"{written}" is not a valid US number (area code {national[:3]})',
        )


def website(record: Record) -> Iterator[Finding]:
    url = record.clinic.website
    if url is None:
        return
    line, col = record.at("website")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:  # e.g. "https://[" or a port that is not a number
        yield Finding(record.path, line, col, URL, f"the address cannot be read: {err}")
        return
    problem = None
    if parts.scheme.lower() != "https":
        problem = f'"{parts.scheme or url}:" links are not allowed; use https://'
    elif parts.username or parts.password or "@" in parts.netloc:
        problem = "the address must not hold a user name or password"
    elif port is not None:
        problem = "the address must not name a port"
    elif not _HOST.match((parts.hostname or "").lower()):
        problem = f'"{parts.hostname or ""}" is not a host name like www.example.org'
    elif url != url.strip() or any(c.isspace() or ord(c) < 32 for c in url):
        problem = "the address holds spaces or control characters"
    if problem:
        yield Finding(record.path, line, col, URL, problem)


def text(record: Record) -> Iterator[Finding]:
    data = record.loaded.data
    for key in _TEXT_FIELDS:
        value = data
        for part in key:
            value = value.get(part) if isinstance(value, dict) else None
        if not isinstance(value, str):
            continue
        bad = _BAD_CHARS.search(value) or next(
            (c for c in value if unicodedata.category(c) == "Cc" and c not in "\n"), None
        )
        if bad:
            char = bad if isinstance(bad, str) else bad.group()
            yield Finding(
                record.path,
                *record.at(*key),
                TEXT,
                f'"{".".join(key)}" holds {_describe(char)}; use plain text',
            )


def _describe(char: str) -> str:
    if char in "<>":
        return f'the markup character "{char}"'
    if unicodedata.category(char) == "Cc":
        return f"the control character U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" or char in "\u200e\u200f\u061c":
        return f"the direction-changing character U+{ord(char):04X}"
    return f"the invisible character U+{ord(char):04X}"


def place(record: Record) -> Iterator[Finding]:
    address, geo = record.clinic.address, record.clinic.geo
    if address.state not in zips.USPS_STATES:
        yield Finding(
            record.path,
            *record.at("address", "state"),
            PLACE,
            f'"{address.state}" is not a USPS state code (e.g. OR, NY, DC)',
        )
    info = zips.lookup(address.zip)
    if info is None:
        yield Finding(
            record.path, *record.at("address", "zip"), PLACE, f'ZIP "{address.zip}" does not exist'
        )
    elif address.state in zips.USPS_STATES and info.state != address.state:
        yield Finding(
            record.path,
            *record.at("address", "zip"),
            PLACE,
            f'ZIP "{address.zip}" is in {info.state}, not {address.state}',
        )
    if not zips.in_us(geo.lat, geo.lon):
        yield Finding(
            record.path,
            *record.at("geo"),
            GEO,
            f"{geo.lat}, {geo.lon} is outside the United States",
        )
    elif info is not None:
        miles = zips.miles_between(geo.lat, geo.lon, info.lat, info.lon)
        if miles > MAX_MILES:
            yield Finding(
                record.path,
                *record.at("geo"),
                GEO,
                f"{geo.lat}, {geo.lon} is {miles:.0f} miles from the center of ZIP "
                f"{address.zip}; the limit is {MAX_MILES}",
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


def check_record(record: Record, today: dt.date) -> Iterator[Finding]:
    """Each check whose fields parsed (all of them, unless the file failed the schema)."""
    for checker, needs in _CHECKS:
        if needs <= record.parsed:
            yield from checker(record)
    if "last_verified" in record.parsed:
        yield from verified(record, today)


_CHECKS: tuple[tuple[Callable[[Record], Iterator[Finding]], frozenset[str]], ...] = (
    (phone, frozenset({"phone"})),
    (website, frozenset({"website"})),
    (text, frozenset()),  # reads the values as written
    (hours, frozenset({"hours"})),
    (place, frozenset({"address", "geo"})),
    (placeholders.check, frozenset()),  # reads the values as written
)
