"""A Markdown page split into its front matter and body, with line numbers kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass(frozen=True)
class Page:
    path: Path
    text: str
    front: str | None  # the YAML between the fences, or None when there is none
    body: str
    body_line: int  # the 1-based line where the body starts

    @classmethod
    def read(cls, path: Path, text: str) -> Page:
        match = _FENCE.match(text)
        if not match:
            return cls(path, text, None, text, 1)
        body_line = text[: match.end()].count("\n") + 1
        return cls(path, text, match.group(1), text[match.end() :], body_line)
