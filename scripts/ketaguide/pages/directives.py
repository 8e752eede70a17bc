"""Directives: `<!-- ketaguide: NAME ... -->` comments in a page, found by one pattern.

The build replaces them (buildhooks.py) and the suppression rule reads them, both through
`find`. Code is skipped (fenced blocks and inline code spans), so a directive shown as an example
stays text. A directive is one line; `<!-- ketaguide` that does not make one is reported as
malformed rather than passed over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ketaguide.findings import Finding, format_text
from ketaguide.pages import markdown
from ketaguide.pages.markdown import Kind, Line
from ketaguide.pages.page import Page
from ketaguide.rules import Rule

PATTERN = re.compile(r"<!--\s*ketaguide:\s*(?P<body>(?P<name>[\w-]*).*?)\s*-->")
_OPENING = re.compile(r"<!--\s*ketaguide\b")
CLINIC_DIRECTORY = "clinic-directory"
DISABLE_NEXT_LINE = "disable-next-line"
# The guide's disclosures (review/settings.py, data/reviewers.yml), shown where they stand.
DISCLOSURES = ("publisher", "funding", "report-error", "reviewers")
KNOWN = (CLINIC_DIRECTORY, DISABLE_NEXT_LINE, *DISCLOSURES)

DIRECTIVE = Rule(
    "CNT031",
    "directive-invalid",
    "error",
    "A `<!-- ketaguide: ... -->` comment is a directive the build knows, written on one line.",
    why="The build stops on a directive it does not know; one that went unnoticed would leave a "
    "page without what it stands for, such as the clinic directory.",
    fix="Write `<!-- ketaguide: clinic-directory -->` on a line of its own, or end a line with "
    "`<!-- ketaguide: disable-next-line RULE-ID the reason -->`.",
)


@dataclass(frozen=True, slots=True)
class Directive:
    line: int  # 1-based, in the file
    col: int  # 1-based
    name: str  # "" when malformed
    body: str  # everything after "ketaguide:", trimmed
    span: tuple[int, int] = (0, 0)  # offsets in the text given to find()

    @property
    def args(self) -> str:
        return self.body[len(self.name) :].strip()


def in_lines(lines: list[Line]) -> Iterator[Directive]:
    """Every directive (and every malformed one) on lines outside code and front matter."""
    return _in((line.number, line.kind, line.raw) for line in lines)


def _in(lines: Iterable[tuple[int, Kind, str]]) -> Iterator[Directive]:
    for number, kind, raw in lines:
        if kind in ("code", "front") or "ketaguide" not in raw:
            continue
        visible = markdown.without_code(raw)
        found = {m.start(): m for m in PATTERN.finditer(visible)}
        for opening in _OPENING.finditer(visible):
            match = found.get(opening.start())
            col = opening.start() + 1
            if match is None:
                yield Directive(number, col, "", visible[opening.start() :].strip())
            else:
                yield Directive(number, col, match["name"], match["body"], match.span())


def find(text: str, first_line: int = 1) -> Iterator[Directive]:
    """Every directive in Markdown `text` whose first line is line `first_line` of its file, with
    its span as offsets in `text`."""
    if "ketaguide" not in text:
        return
    kinds = markdown.kinds(Page(Path(), text, None, text, 1))
    starts = [0]
    for raw in text.splitlines(keepends=True):  # as parse() splits the lines
        starts.append(starts[-1] + len(raw))
    for d in _in((n, kind, raw) for n, (kind, raw) in enumerate(kinds, 1)):
        start, end = (starts[d.line - 1] + d.span[0], starts[d.line - 1] + d.span[1])
        yield Directive(d.line + first_line - 1, d.col, d.name, d.body, (start, end))


def problem(found: Directive) -> str | None:
    """What is wrong with a directive, or None: unknown, malformed, or given words it takes none
    of. (A misspelt suppression is left to the suppression rule.)"""
    if found.name == DISABLE_NEXT_LINE:
        return None
    if found.name not in KNOWN:
        return f"unknown directive {found.body!r}; known: {', '.join(KNOWN)}"
    if found.args:
        return f"{found.name} takes nothing after its name: {found.body!r}"
    return None


class DirectiveError(Exception):
    """An unknown or malformed directive, as a finding."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(format_text(finding))
        self.finding = finding


def replace(text: str, first_line: int, path: str, fill: Mapping[str, Callable[[str], str]]) -> str:
    """`text` with each directive replaced by what its function in `fill` gives (called with
    "path:line:col"); suppressions stay as written, anything else is a DirectiveError."""
    parts, done = [], 0
    for found in find(text, first_line):
        wrong = problem(found)
        if wrong:
            raise DirectiveError(Finding(path, found.line, found.col, DIRECTIVE, wrong))
        if found.name == DISABLE_NEXT_LINE:
            continue  # read by `ketaguide check`; on the page, an HTML comment
        start, end = found.span
        parts += [text[done:start], fill[found.name](f"{path}:{found.line}:{found.col}")]
        done = end
    return "".join(parts) + text[done:]
