"""Where a clinic is: its ZIP code in its state, its coordinates near the ZIP code's center."""

from __future__ import annotations

from collections.abc import Iterator

from ketaguide.clinics import zips
from ketaguide.clinics.kinds import USPS_STATES
from ketaguide.clinics.load import Record
from ketaguide.findings import Finding
from ketaguide.rules import Rule

MAX_MILES = 50
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
    f"The coordinates are outside the US or more than {MAX_MILES} miles from the ZIP code's "
    "center.",
    why="Distances in 'clinics near me' are computed from these coordinates.",
    fix="Take the coordinates from the address (or the ZIP center, with precision: zip).",
)


def place(record: Record) -> Iterator[Finding]:
    address, geo = record.clinic.address, record.clinic.geo
    if address.state not in USPS_STATES:
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
    elif address.state in USPS_STATES and info.state != address.state:
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
