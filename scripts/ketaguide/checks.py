"""Every checker, in the order `ketaguide check` runs them. Each is check(paths, today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ketaguide.clinics import checks as clinics
from ketaguide.content import frontmatter
from ketaguide.findings import Finding

Checker = Callable[[list[Path], dt.date], Iterable[Finding]]

CHECKERS: list[Checker] = [
    frontmatter.check,
    clinics.check,
]


def run(paths: list[Path], today: dt.date) -> Iterator[Finding]:
    for checker in CHECKERS:
        yield from checker(paths, today)
