"""The checks on one clinic's values that the model cannot make alone (the field kinds in
kinds.py check each value on its own): hours, place, placeholders, verification date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from ketaguide.clinics import placeholders
from ketaguide.clinics.hours import hours
from ketaguide.clinics.load import Record
from ketaguide.clinics.place import place
from ketaguide.clinics.verified import verified
from ketaguide.findings import Finding


def check_record(record: Record, today: dt.date) -> Iterator[Finding]:
    """Each check whose fields parsed (all of them, unless the file failed the schema)."""
    for checker, needs in _CHECKS:
        if needs <= record.parsed:
            yield from checker(record)
    if "last_verified" in record.parsed:
        yield from verified(record, today)


_CHECKS: tuple[tuple[Callable[[Record], Iterator[Finding]], frozenset[str]], ...] = (
    (hours, frozenset({"hours"})),
    (place, frozenset({"address", "geo"})),
    (placeholders.check, frozenset()),  # reads the values as written
)
