"""Front-matter strings are plain text: no markup, control, bidirectional or invisible characters.

Titles, descriptions and bylines land in <title>, <meta> attributes, the header, the navigation
and JSON-LD of every page. The theme escapes them (buildhooks.py), and this rule keeps what
they say honest: no markup to smuggle, nothing invisible or reordered. It runs where the front
matter is parsed, so `ketaguide check` and the build refuse the same pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ketaguide import text
from ketaguide.findings import Finding
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded

FRONT_TEXT = Rule(
    "SEC001",
    "front-matter-text",
    "error",
    "A front-matter value holds markup (< or >) or a control, direction-changing or invisible "
    "character.",
    why="Titles and descriptions are shown in every page's head, header and menu and in search "
    "results; markup there can run scripts, and hidden characters can make a value read "
    "differently from what it is.",
    fix="Retype the value as plain text: words, digits and punctuation, without < or >. To show "
    "a comparison, write it out (less than, more than).",
)

_Key = tuple[str | int, ...]


def _strings(value: Any, key: _Key) -> Iterator[tuple[_Key, str, bool]]:
    """(where, the string, whether it is a key) for every string in the data."""
    if isinstance(value, str):
        yield key, value, False
    elif isinstance(value, dict):
        for name, item in value.items():
            if isinstance(name, str):
                yield (*key, name), name, True
            yield from _strings(item, (*key, str(name)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*key, index))


def check(loaded: Loaded, path: str) -> Iterator[Finding]:
    """A finding at each front-matter string (and key) that is not plain text."""
    for key, value, is_key in _strings(loaded.data, ()):
        problem = text.problem(value)
        if problem is None:
            continue
        line, col = loaded.where(key, key=is_key)
        name = ".".join(str(part) for part in key)
        what = "a key" if is_key else f'"{name}"'
        yield Finding(path, line, col, FRONT_TEXT, f"{what} {problem}")
