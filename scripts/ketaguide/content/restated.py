"""Rules for shared statements (pages/shared.py): includes that resolve, a registry that
matches the files, footnotes defined once, and no key fact restated by hand.

Each shared statement is declared in `statements.yml` beside it (content/statements.py reads
it) with its fingerprints: groups of words that, found together in one paragraph, item, row or
heading of a page, mean the page states that fact in its own words instead of including it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.content import citations
from ketaguide.content.statements import REGISTRY_RULE, Statement, statements
from ketaguide.findings import Finding
from ketaguide.pages import shared, source
from ketaguide.pages.language import SPANISH_DIR
from ketaguide.paths import shown
from ketaguide.rules import Rule

INCLUDE = Rule(
    "CNT023",
    "include-invalid",
    "error",
    'An include `--8<-- "name.md"` names a shared statement in docs/_shared/ that can be read.',
    why="A missing, looping or outside include would drop or garble a safety statement, or "
    "pull in a file that was never reviewed.",
    fix='Write `--8<-- "name.md"` on a line of its own, with a file name from docs/_shared/ '
    "(listed in its statements.yml); no folders, line ranges, sections or web addresses.",
)
RESTATED = Rule(
    "CNT024",
    "shared-fact-restated",
    "error",
    "A fact that has a shared statement is included, not written again by hand.",
    why="Copies drift apart: one page said no driving for 24 hours, another that rules vary.",
    fix='Replace the sentences with the include the finding names, `--8<-- "name.md"`, on a '
    "line of its own. If the words are about something else, reword them, or suppress the "
    "finding with a reason.",
)
UNUSED = Rule(
    "CNT026",
    "shared-statement-unused",
    "warning",
    "Every shared statement is included by at least one page.",
    why="An unused statement is not read or reviewed, and drifts from the pages.",
    fix='Include it where the fact belongs (`--8<-- "name.md"`), or delete it and its entry.',
)

EXEMPT = {"policy", "reference"}  # the review log and rules page quote facts to describe them


def _restated(src: source.Source, known: dict[str, Statement]) -> Iterator[Finding]:
    origins = source.origins(src)
    for block in src.blocks(source.WORDING):
        last = block.first_line + block.text.count("\n")
        if any(o.path != src.path for o in origins[block.first_line - 1 : last]):
            continue  # the shared statement itself
        for statement in known.values():
            for group in statement.fingerprints:
                hits = [term.search(block.text) for term in group]
                if all(hits):
                    line, col = block.where(min(h.start() for h in hits if h))
                    yield Finding(
                        src.path,
                        line,
                        col,
                        RESTATED,
                        f'this restates the shared statement "{statement.name}" '
                        f'({statement.title}); include it instead: --8<-- "{statement.name}.md"',
                    )
                    break


def _footnotes(src: source.Source) -> Iterator[Finding]:
    origins = source.origins(src)
    first: dict[str, citations.Definition] = {}
    for d in citations.definitions(src):
        earlier = first.setdefault(d.label, d)
        if earlier is d:
            continue
        one, two = origins[earlier.line - 1], origins[d.line - 1]
        if one.path != src.path and two.path != src.path and earlier.text == d.text:
            continue  # two shared statements citing one source with the same definition
        page_side = d if two.path == src.path else earlier
        other = origins[(earlier if page_side is d else d).line - 1]
        yield Finding(
            src.path,
            page_side.line,
            1,
            REGISTRY_RULE,
            f"[^{d.label}] is also defined at {other.path}:{other.line}; keep one definition "
            "(the shared statement's) and cite it by its label",
        )


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    used: dict[Path, set[Path]] = {}
    for src in source.load(paths):
        base = shared.base_for(src.file)
        if src.includes is not None:
            for problem in src.includes.problems:
                yield Finding(src.path, problem.line, problem.col, INCLUDE, problem.message)
            used.setdefault(base, set()).update(src.includes.used)
            yield from _footnotes(src)
        known, problems = statements(base)  # docs-es/_shared/statements.yml: Spanish words
        yield from problems
        if src.page_type not in EXEMPT:
            yield from _restated(src, known)
    yield from _unused(paths, used)


def _unused(paths: list[Path], used: dict[Path, set[Path]]) -> Iterator[Finding]:
    """Only when the whole folder of pages was checked can a statement be called unused (the
    English guide's, docs/_shared, and the Spanish edition's, docs-es/_shared)."""
    for folder in (shared.SHARED_DIR, Path(SPANISH_DIR) / shared.SHARED_DIR.name):
        docs = folder.parent.resolve()
        if not any(p.resolve() == docs or p.resolve() in docs.parents for p in paths):
            continue
        included = used.get(folder, set())
        for name in shared.names(folder):
            file = folder / name
            if file.resolve() not in included:
                yield Finding(shown(file), 1, 1, UNUSED, f"no page includes {name}")
