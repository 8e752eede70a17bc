"""The public review log (docs/about/review-log.md): each fact check and correction, by page.
The Spanish edition keeps its own (docs-es/about/review-log.md, header "Fecha"), in the same
format, for the reviews of each translation against its English page.

Each table row is `| YYYY-MM-DD | [Page title](../path.md) | claims checked | corrections |`;
a row may link several pages, or none (a row about the shared statements).
The log is the one record of when a page's facts were checked; each byline's change history
comes from it.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ketaguide import safefile
from ketaguide.findings import Finding
from ketaguide.pages.frontmatter import PAGE_LIMIT
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlrules import YamlProblem, decode

PAGE = "about/review-log.md"  # under docs/

ROW = Rule(
    "REV005",
    "review-log-row",
    "error",
    "A review-log row lacks its four cells, a date or a count, or links to a missing page.",
    why="Bylines take each page's change history from the log; a row they cannot read is lost.",
    fix="Write each row as `| 2026-12-01 | [Title](../section/page.md) | 12 | what changed |`.",
)

_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_LINK = re.compile(r"\[[^\]]+\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class LogEntry:
    day: dt.date
    page: str  # under docs/
    claims: str
    changes: str
    line: int


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:]
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(inner)]


def _row(cells: list[str], line: int, path: str, docs: Path) -> list[LogEntry] | Finding:
    """The row's entry for each page it links to (none for a row about shared statements)."""

    def problem(message: str) -> Finding:
        return Finding(path, line, 1, ROW, message)

    if len(cells) != 4:
        return problem(f"the row has {len(cells)} cells; a row has 4")
    try:
        day = dt.date.fromisoformat(cells[0])
    except ValueError:
        return problem(f'"{cells[0]}" is not a date like 2026-12-01')
    if not cells[2].isdigit():
        return problem(f'"{cells[2]}" is not a count of claims checked, like 12')
    changes = _MD_LINK.sub(r"\1", cells[3])
    entries = []
    for target in _LINK.findall(cells[1]):
        page = posixpath.normpath(posixpath.join(posixpath.dirname(PAGE), target))
        if page.startswith("../") or not (docs / page).is_file():
            return problem(f'"{target}" is not a page of the guide')
        entries.append(LogEntry(day, page, cells[2], changes, line))
    return entries


def parse(docs: Path) -> tuple[list[LogEntry], list[Finding]]:
    file = docs / PAGE
    path = shown(file)
    if not file.is_file():
        return [], []
    try:
        text = decode(safefile.read_bytes(file, PAGE_LIMIT), limit=PAGE_LIMIT)
    except (safefile.FileProblem, YamlProblem) as problem:
        return [], [problem.finding(path)]
    entries: list[LogEntry] = []
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.lstrip().startswith("|"):
            continue
        cells = _cells(line)
        if cells[0] in ("Date", "Fecha", "") or set(cells[0]) <= set("-: "):
            continue  # the header and the line under it
        found = _row(cells, number, path, docs)
        if isinstance(found, Finding):
            findings.append(found)
        else:
            entries += found
    return entries, findings


def by_page(entries: list[LogEntry]) -> dict[str, list[LogEntry]]:
    """Each page's entries, newest first."""
    out: dict[str, list[LogEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.day, -e.line), reverse=True):
        out.setdefault(entry.page, []).append(entry)
    return out
