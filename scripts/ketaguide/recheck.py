"""`ketaguide check` again after a save, re-reading only what changed (for the preview).

The result is exactly checks.run(): a per-page checker runs again only on the pages whose bytes
changed since its last run (all of them when anything else in docs/ changed: an SVG, a shared
statement, the date); the other checkers, which read across files, run in full each time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ketaguide import checks
from ketaguide.content import (
    citations,
    claims,
    crisis,
    frontmatter,
    originality,
    placeholders,
    readinglevel,
    spelling,
    structure,
    unverified,
)
from ketaguide.findings import Finding
from ketaguide.pages import language
from ketaguide.paths import expand, shown

# Checkers that read one page at a time; every other checker runs in full on each save.
PER_PAGE = {
    frontmatter.check,
    structure.check,
    citations.check,
    readinglevel.check,
    claims.check,
    crisis.check,
    originality.check,
    spelling.check,
    unverified.check,
    placeholders.check,
}

Stamp = tuple[int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def _english(page: Path) -> tuple[Stamp | None, ...]:
    """A Spanish page's findings also depend on its English page (TRN001, CNT018 read it) and
    the English shared statements that page includes: their stamps, or () for an English page."""
    mirrored = language.english_page(page)
    if mirrored is None:
        return ()
    shared = mirrored[0].parents[len(Path(mirrored[1]).parts) - 1] / "_shared"
    others = sorted(shared.rglob("*")) if shared.is_dir() else []
    return tuple(_stamp(p) for p in [mirrored[0], *others])


class Rechecker:
    def __init__(self) -> None:
        self._seen: dict[tuple[object, str], tuple[object, list[Finding]]] = {}
        self._across: set[object] = set()

    def run(self, docs: Path, roots: list[Path], today: dt.date) -> list[Finding]:
        pages = list(expand([docs], (".md",)))
        rest = sorted(  # SVGs, shared statements (docs/_shared/), folders (a page added)
            (str(p), _stamp(p))
            for p in docs.rglob("*")
            if p.suffix != ".md" or any(part.startswith("_") for part in p.relative_to(docs).parts)
        )
        context = (today, tuple(rest))
        found: list[Finding] = []
        for checker in checks.CHECKERS:
            if checker not in PER_PAGE or checker in self._across:
                found += checker(roots, today)
            else:
                found += self._per_page(checker, pages, context, today)
        return list(checks.finish(roots, found))

    def _per_page(
        self, checker: checks.Checker, pages: list[Path], context: object, today: dt.date
    ) -> Iterable[Finding]:
        stamps = {shown(p): (context, _stamp(p), _english(p)) for p in pages}
        stale = [
            p for p in pages if self._seen.get((checker, shown(p)), (None,))[0] != stamps[shown(p)]
        ]
        if stale:
            fresh: dict[str, list[Finding]] = {shown(p): [] for p in stale}
            for finding in checker(stale, today):
                if finding.path not in fresh:  # about another file: always run it in full
                    self._across.add(checker)
                    return list(checker(pages, today))
                fresh[finding.path].append(finding)
            for path, findings in fresh.items():
                self._seen[(checker, path)] = (stamps[path], findings)
        return [f for p in pages for f in self._seen[(checker, shown(p))][1]]
