"""Suppression comments: a writer's reasoned exception to one rule on one line.

    Pages that use promotional words such as <!-- ketaguide: disable-next-line CNT015 quoted -->
    "cure" are stopped before they go live.

A comment at the end of a line hides findings of that rule on the next line. (At the end of a
line rather than on a line of its own, so that it does not split a paragraph in two; on a line
of its own it works as well, above a heading or a list item.) The reason is required, the rule
must exist, and a suppression that hides nothing is reported, so exceptions do not outlive the
text they excuse. `ketaguide check --stats` lists every suppression.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import directives, language, source
from ketaguide.rules import Rule

INVALID = Rule(
    "CNT016",
    "suppression-invalid",
    "error",
    "A suppression comment names a known rule and gives a reason.",
    why="An exception without a reason cannot be reviewed, and a misspelt rule id hides nothing.",
    fix="End the line above the finding with "
    "`<!-- ketaguide: disable-next-line RULE-ID why this case is fine -->`.",
)
UNUSED = Rule(
    "CNT017",
    "suppression-unused",
    "warning",
    "A suppression comment hides no finding on the next line.",
    why="A stale exception would silently hide a new problem written on that line later.",
    fix="Delete the comment, or move it to the line directly above the finding it is for.",
)

_IDS = re.compile(r"[A-Z]{3}\d{3}(?:,[A-Z]{3}\d{3})*")
DIRECTIVE = directives.DISABLE_NEXT_LINE


@dataclass(frozen=True, slots=True)
class Suppression:
    path: str
    line: int  # where the comment is
    col: int
    rules: tuple[str, ...]
    reason: str
    problem: str = ""  # why the comment is invalid; empty when it is valid
    at: str = ""  # where the comment is written, path:line:col in its own file (--stats)
    next_line: str = ""  # the line it hides, as a message names it ("line 130")

    @property
    def target(self) -> int:
        return self.line + 1


def is_suppression(body: str) -> bool:
    """Whether a `ketaguide:` comment is a suppression, misspelt or not.

    Other markers, such as the clinic directory's `<!-- ketaguide:clinic-directory -->`, are not.
    """
    word = body.split(maxsplit=1)[0] if body.split() else ""
    return bool(difflib.get_close_matches(word, [DIRECTIVE], n=1, cutoff=0.75))


def _parse(path: str, line: int, col: int, body: str, known: Collection[str]) -> Suppression:
    words = body.split(maxsplit=2)
    if words[0] != DIRECTIVE:
        return Suppression(path, line, col, (), "", f'write "{DIRECTIVE}", not "{words[0]}"')
    if len(words) < 2 or not _IDS.fullmatch(words[1]):
        return Suppression(path, line, col, (), "", "name the rule id, such as CNT015")
    ids = tuple(words[1].split(","))
    reason = words[2].strip() if len(words) > 2 else ""
    unknown = [i for i in ids if i not in known]
    if unknown:
        return Suppression(path, line, col, ids, reason, f"no rule has the id {unknown[0]}")
    if {INVALID.id, UNUSED.id} & set(ids):
        return Suppression(path, line, col, ids, reason, "the suppression rules cannot be hidden")
    if not reason:
        return Suppression(path, line, col, ids, "", "give the reason after the rule id")
    return Suppression(path, line, col, ids, reason)


def collect(paths: list[Path], known: Collection[str]) -> list[Suppression]:
    """Every suppression comment; `known` is every rule id (checks.RULES)."""
    found: list[Suppression] = []
    for src in source.load(paths):
        for d in directives.in_lines(src.lines):
            if d.name and is_suppression(d.body):
                s = _parse(src.path, d.line, d.col, d.body, known)
                here = source.origin(src, d.line)
                col = max(1, d.col - here.indent)
                at, after = f"{here.path}:{here.line}:{col}", source.line_name(src, s.target)
                found.append(replace(s, at=at, next_line=after))
    return found


def _runs_here(s: Suppression, known: Collection[str]) -> bool:
    """Whether a rule the comment names reads this page's language: a translation keeps the
    English page's comments, and one for an English-only rule hides nothing there, rightly."""
    if not isinstance(known, Mapping):
        return True
    page = language.language(Path(s.path))
    return any(r not in known or page in known[r].languages for r in s.rules)


def apply(
    paths: list[Path], findings: Iterable[Finding], known: Collection[str]
) -> Iterator[Finding]:
    """The findings no valid suppression hides, then the findings about suppressions."""
    suppressions = collect(paths, known)
    hiding = {
        (s.path, s.target, rule_id): s for s in suppressions if not s.problem for rule_id in s.rules
    }
    used: set[Suppression] = set()
    for finding in findings:
        hidden_by = hiding.get((finding.path, finding.line or 0, finding.rule.id))
        if hidden_by is None:
            yield finding
        else:
            used.add(hidden_by)
    for s in suppressions:
        if s.problem:
            yield Finding(s.path, s.line, s.col, INVALID, s.problem)
        elif s not in used and _runs_here(s, known):
            yield Finding(
                s.path,
                s.line,
                s.col,
                UNUSED,
                f"nothing on {s.next_line or f'line {s.target}'} breaks {' or '.join(s.rules)}",
            )
