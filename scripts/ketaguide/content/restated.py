"""Rules for shared statements (pages/shared.py): includes that resolve, a registry that
matches the files, footnotes defined once, and no key fact restated by hand.

Each shared statement is declared in `statements.yml` beside it, with its fingerprints: groups
of words that, found together in one paragraph, item, row or heading of a page, mean the page
states that fact in its own words instead of including it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ketaguide.content import citations
from ketaguide.findings import Finding
from ketaguide.pages import shared, source
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlload import load
from ketaguide.yamlrules import YamlProblem, decode

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
REGISTRY_RULE = Rule(
    "CNT025",
    "shared-statement-invalid",
    "error",
    "Each shared statement is declared once in statements.yml, with its fingerprints, and "
    "each footnote label has one definition.",
    why="The restated-fact rule needs each statement's fingerprints; a footnote label defined "
    "twice, differently, would show readers one source and reviewers another.",
    fix="Add the statement to docs/_shared/statements.yml (`title` and `fingerprints`), or "
    "delete the entry; cite a shared statement's footnote by its label without defining it "
    "again on the page.",
)
UNUSED = Rule(
    "CNT026",
    "shared-statement-unused",
    "warning",
    "Every shared statement is included by at least one page.",
    why="An unused statement is not read or reviewed, and drifts from the pages.",
    fix='Include it where the fact belongs (`--8<-- "name.md"`), or delete it and its entry.',
)

REGISTRY_FILE = "statements.yml"
EXEMPT = {"policy", "reference"}  # the review log and rules page quote facts to describe them


@dataclass(frozen=True, slots=True)
class Statement:
    name: str
    title: str
    fingerprints: tuple[tuple[re.Pattern[str], ...], ...]


def _term(word: str) -> re.Pattern[str]:
    end = "" if word.endswith("*") else r"(?![\w])"
    return re.compile(r"(?<![\w])" + re.escape(word.rstrip("*")) + end, re.I)


def _statement(name: str, entry: object) -> Statement | str:
    if not isinstance(entry, dict) or set(entry) - {"title", "fingerprints"}:
        return "give only `title` and `fingerprints`"
    title, groups = entry.get("title"), entry.get("fingerprints")
    if not isinstance(title, str) or not title.strip():
        return "`title` is missing"
    ok = isinstance(groups, list) and groups and all(isinstance(g, list) and g for g in groups)
    if not ok or not all(isinstance(w, str) and w.strip("* ") for g in groups for w in g):  # type: ignore[union-attr]
        return "`fingerprints` is a list of word lists, such as [[24 hours, driv*]]"
    return Statement(name, title, tuple(tuple(_term(w) for w in g) for g in groups))  # type: ignore[union-attr]


def statements(base: Path) -> tuple[dict[str, Statement], tuple[Finding, ...]]:
    """The statements declared in `base`/statements.yml, and what is wrong with it."""
    if not base.is_dir():
        return {}, ()
    file = base / REGISTRY_FILE
    stamp = file.stat().st_mtime_ns if file.is_file() else 0
    return _statements(base, stamp, tuple(shared.names(base)))


@cache
def _statements(
    base: Path, stamp: int, names: tuple[str, ...]
) -> tuple[dict[str, Statement], tuple[Finding, ...]]:
    file = base / REGISTRY_FILE
    path = shown(file)
    if not file.is_file():
        return {}, (Finding(path, None, None, REGISTRY_RULE, "the file is missing"),)
    try:
        loaded = load(decode(file.read_bytes()))
    except YamlProblem as problem:
        return {}, (problem.finding(path),)
    data = loaded.data if isinstance(loaded.data, dict) else {}
    found: dict[str, Statement] = {}
    problems: list[Finding] = []
    for name, entry in data.items():
        line, col = loaded.values.get((name,), (1, 1))
        made = _statement(name, entry)
        if isinstance(made, str):
            problems.append(Finding(path, line, col, REGISTRY_RULE, f'"{name}": {made}'))
        elif not (base / f"{name}.md").is_file():
            message = f'"{name}" has no file {name}.md beside it'
            problems.append(Finding(path, line, col, REGISTRY_RULE, message))
        else:
            found[name] = made
    for name in names:
        if name.removesuffix(".md") not in data:
            message = f'{name} is not declared; add "{name.removesuffix(".md")}:" with its title'
            problems.append(Finding(path, 1, 1, REGISTRY_RULE, message))
    return found, tuple(problems)


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
        known, problems = statements(base)
        yield from problems
        if src.front is None or src.front.page_type not in EXEMPT:
            yield from _restated(src, known)
    yield from _unused(paths, used)


def _unused(paths: list[Path], used: dict[Path, set[Path]]) -> Iterator[Finding]:
    """Only when the whole folder of pages was checked can a statement be called unused."""
    docs = shared.SHARED_DIR.parent.resolve()
    if not any(p.resolve() == docs or p.resolve() in docs.parents for p in paths):
        return
    included = used.get(shared.SHARED_DIR, set())
    for name in shared.names(shared.SHARED_DIR):
        file = shared.SHARED_DIR / name
        if file.resolve() not in included:
            yield Finding(shown(file), 1, 1, UNUSED, f"no page includes {name}")
