"""Research-note markers that must never reach a published page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.rules import Rule

UNVERIFIED = Rule(
    "CNT022",
    "unverified-marker",
    "error",
    "The page holds the research-note marker UNVERIFIED (anywhere, sources included).",
    why="UNVERIFIED in the research notes means a detail nobody has confirmed against its "
    "source; it must be confirmed or left out, never published.",
    fix="Check the claim against its primary source and remove the marker, or delete the claim.",
)
_MARKER = re.compile(r"\bUNVERIFIED\b")


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if src.generated:  # the rules page names the marker to explain the rule
            continue
        for number, text in enumerate(src.page.text.splitlines(), 1):
            for match in _MARKER.finditer(text):
                yield Finding(
                    src.path,
                    number,
                    match.start() + 1,
                    UNVERIFIED,
                    "confirm this against its source and remove the marker, or cut it",
                )
