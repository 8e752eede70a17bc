"""The shared statements' registry, docs/_shared/statements.yml: each statement's title and
its fingerprints (groups of words that, found together, mean a page restates that fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import shared
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.safefile import FileProblem, read_bytes
from ketaguide.yamlload import load
from ketaguide.yamlrules import MAX_BYTES, YamlProblem, decode

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
REGISTRY_FILE = "statements.yml"


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
        loaded = load(decode(read_bytes(file, MAX_BYTES)))
    except (YamlProblem, FileProblem) as problem:
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
