"""Every checker, in the order `ketaguide check` runs them. Each is check(paths, today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ketaguide.clinics import checks as clinics
from ketaguide.content import (
    citations,
    claims,
    crisis,
    frontmatter,
    originality,
    readinglevel,
    spelling,
    structure,
    suppress,
    unverified,
)
from ketaguide.findings import Finding

Checker = Callable[[list[Path], dt.date], Iterable[Finding]]

CHECKERS: list[Checker] = [
    frontmatter.check,
    structure.check,
    citations.check,
    readinglevel.check,
    claims.check,
    crisis.check,
    originality.check,
    spelling.check,
    unverified.check,
    clinics.check,
]


def run(paths: list[Path], today: dt.date) -> Iterator[Finding]:
    """Every checker's findings, less those a suppression comment hides (content/suppress.py)."""
    found = (finding for checker in CHECKERS for finding in checker(paths, today))
    yield from suppress.apply(paths, found)
