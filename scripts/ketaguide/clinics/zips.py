"""ZIP code facts: which state a ZIP lies in and where its center is.

Data: the `zipcodes` package (USPS ZIP list; coordinates from GeoNames, CC BY 4.0), derived
once into data/zips/<first digit>.tsv.gz (code, state, latitude, longitude) and the directory's
ZIP shards (data/zips/shards.json.gz), shipped with the package.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ketaguide.clinics import kinds

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "zips"
SHARDS = SHIPPED / "shards.json.gz"
CREDIT = "ZIP code locations: GeoNames (CC BY 4.0) and the USPS ZIP list, via the zipcodes package"

USPS_STATES = frozenset(kinds.USPS_STATES)


class ZipInfo(NamedTuple):
    state: str
    lat: float
    lon: float


def lookup(code: str) -> ZipInfo | None:
    """The state and center of one ZIP code, or None when it does not exist. Reads only the
    tenth of the table that holds it: checking one clinic need not load 42,000 codes."""
    if len(code) != 5 or not code.isascii() or not code.isdigit():
        return None
    return _part(code[0]).get(code)


@cache
def table() -> dict[str, ZipInfo]:
    """Every active ZIP code with a location."""
    return {code: info for digit in "0123456789" for code, info in _part(digit).items()}


@cache
def _part(digit: str) -> dict[str, ZipInfo]:
    """The codes that start with `digit`, from the table shipped with the package (data/zips/):
    the `zipcodes` package takes about 2 s to unpack its list, which every cold build (each
    Pages deploy) and every `ketaguide check` on a new machine paid."""
    text = gzip.decompress((SHIPPED / f"{digit}.tsv.gz").read_bytes()).decode("utf-8")
    rows = (line.split("\t") for line in text.splitlines())
    return {code: ZipInfo(state, float(lat), float(lon)) for code, state, lat, lon in rows}


@cache
def shards() -> dict[str, str]:
    """ZIP centers split by the first two digits, as the directory's script reads them:
    {"97": '{"97006":[45.52,-122.86],...}'}. Shipped ready-made: every cold build (each Pages
    deploy) made them again from the whole table (0.15 s)."""
    data: dict[str, str] = json.loads(gzip.decompress(SHARDS.read_bytes()))
    return data


def shards_bytes(rows: dict[str, tuple[str, float, float]]) -> bytes:
    """The shipped shards' bytes for `rows` (JSON written directly: 42,000 codes)."""
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for code, (_, lat, lon) in sorted(rows.items()):
        by_prefix[code[:2]].append(f'"{code}":[{round(lat, 3)!r},{round(lon, 3)!r}]')
    data = {prefix: "{" + ",".join(found) + "}" for prefix, found in by_prefix.items()}
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def from_package() -> dict[str, tuple[str, float, float]]:
    """The table computed from the `zipcodes` package: active codes with a location."""
    import zipcodes  # only to regenerate the shipped table: unpacking it takes seconds

    out: dict[str, tuple[str, float, float]] = {}
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        lat, lon = float(row.get("lat") or 0), float(row.get("long") or 0)
        if row.get("active") and (lat, lon) != (0.0, 0.0):
            out[row["zip_code"]] = (row["state"], lat, lon)
    return out


def shipped_bytes(rows: dict[str, tuple[str, float, float]]) -> dict[str, bytes]:
    """The shipped files' bytes for `rows`, by first digit (a test checks the files against
    the package: regenerate with `python -m ketaguide.clinics.zips` after upgrading it)."""
    out: dict[str, bytes] = {}
    for digit in "0123456789":
        lines = (
            f"{code}\t{s}\t{lat!r}\t{lon!r}\n"
            for code, (s, lat, lon) in sorted(rows.items())
            if code.startswith(digit)
        )
        out[digit] = gzip.compress("".join(lines).encode("utf-8"), compresslevel=9, mtime=0)
    return out


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in miles (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(a))


def in_us(lat: float, lon: float) -> bool:
    """Within the boxes that hold the 50 states, DC and the territories."""
    boxes = (
        (24.3, 49.5, -125.0, -66.8),  # lower 48 and DC
        (51.0, 71.6, -180.0, -129.9),  # Alaska
        (51.0, 53.1, 172.0, 180.0),  # western Aleutians
        (18.8, 22.4, -160.4, -154.7),  # Hawaii
        (17.6, 18.6, -67.4, -64.5),  # Puerto Rico and the Virgin Islands
        (13.2, 20.6, 144.5, 146.1),  # Guam and the Northern Mariana Islands
        (-14.6, -11.0, -171.2, -168.1),  # American Samoa
    )
    return any(s <= lat <= n and w <= lon <= e for s, n, w, e in boxes)


if __name__ == "__main__":
    package = from_package()
    for first, data in shipped_bytes(package).items():
        (SHIPPED / f"{first}.tsv.gz").write_bytes(data)
    SHARDS.write_bytes(shards_bytes(package))
