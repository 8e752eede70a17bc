"""Directives as `ketaguide check` reports them: the build's verdict (pages/directives.py), in
the same words, before the build runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.content.suppress import is_suppression
from ketaguide.findings import Finding
from ketaguide.pages import directives, source


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        for found in directives.in_lines(src.lines):
            wrong = directives.problem(found)
            if wrong and not is_suppression(found.body):  # a misspelt one: CNT016 says so
                yield Finding(src.path, found.line, found.col, directives.DIRECTIVE, wrong)
