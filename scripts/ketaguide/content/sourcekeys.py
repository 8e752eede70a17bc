"""One source, one footnote key: two labels that cite the same DOI, PubMed id or address are one
source under two names (fava-2018 and fava-2020 for one paper). Checked across every page in the
run, shared statements included, so `ketaguide check` over docs/ compares the whole guide; a
single page is compared with itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.content import citations
from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.rules import Rule

TWO_KEYS = Rule(
    "CNT033",
    "source-two-keys",
    "error",
    "A source has one footnote key everywhere: two keys never cite the same DOI, PubMed id or "
    "address.",
    why="Two keys for one paper hide that pages rest on the same evidence, and their entries "
    "drift apart (one page said 2018, another 2020).",
    fix="Choose one key (author and year, such as fava-2020) and use it on every page. A source "
    "cited on several pages is written once in docs/_shared/sources/<key>.md and included with "
    '`--8<-- "sources/<key>.md"`.',
)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    first: dict[str, tuple[str, str, int]] = {}  # what it cites -> label, file, line
    for src in source.load(paths):
        origins = source.origins(src)
        for d in citations.definitions(src):
            cites = citations.source_key(d.text)
            if cites is None:
                continue
            at = origins[d.line - 1]
            label, path, line = first.setdefault(cites, (d.label, at.path, at.line))
            if label != d.label:
                message = (
                    f"[^{d.label}] cites the same source as [^{label}] ({path}:{line}); "
                    "one source has one key: use one of the two on every page"
                )
                yield Finding(src.path, d.line, 1, TWO_KEYS, message)
