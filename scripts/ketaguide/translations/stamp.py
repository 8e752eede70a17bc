"""`ketaguide translations --stamp`: record in a Spanish page which English text it translates.

Only when asked, and only the three translation fields change: `translation_of` (written when
missing), `source_hash` (the English page's fingerprint now) and `translated` (the day). Every
other byte of the file, comments and line endings included, stays as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ketaguide import safefile
from ketaguide.pages import language, shared
from ketaguide.pages.frontmatter import PAGE_LIMIT
from ketaguide.pages.page import Page
from ketaguide.paths import shown
from ketaguide.translations import fresh


class StampError(Exception):
    """Why the page was not stamped; nothing was written."""


@dataclass(frozen=True)
class Stamped:
    path: str
    source_hash: str
    translated: dt.date
    changed: bool


def _set(front: str, key: str, value: str, newline: str) -> str:
    """The front matter with `key: value` replacing its line, or added at the end."""
    line = re.compile(rf"^{key}[ \t]*:[^\r\n]*", re.M)
    found = line.findall(front)
    if len(found) > 1:
        raise StampError(f'"{key}" is written {len(found)} times; keep one line')
    if found:
        return line.sub(lambda _: f"{key}: {value}", front)
    if front and not front.endswith(("\n", "\r")):
        front += newline
    return f"{front}{key}: {value}{newline}"


def stamp(file: Path, day: dt.date) -> Stamped:
    mirrored = language.english_page(file)
    if mirrored is None:
        raise StampError(f"{shown(file)} is not a Spanish page (under docs-es/)")
    english, relative = mirrored
    if shared.is_shared(file):
        raise StampError(
            f"{shown(file)} is a shared statement, not a page; the pages that include it record "
            "the English text they translate (stamp them after changing it)"
        )
    try:
        text = safefile.read_bytes(file, PAGE_LIMIT).decode("utf-8")
    except safefile.FileProblem as problem:
        raise StampError(f"{shown(file)} {problem.message}") from None
    except UnicodeDecodeError:
        raise StampError(f"{shown(file)} is not UTF-8 text") from None
    if not english.is_file():
        raise StampError(f"{shown(file)} translates {shown(english)}, which does not exist")
    digest = fresh.english_hash(english)
    if digest is None:
        raise StampError(f"{shown(english)} cannot be read; run ketaguide check on it")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix(bom)
    page = Page.read(file, text)
    if page.front is None:
        raise StampError(f"{shown(file)} has no front matter; copy it from the English page")
    newline = "\r\n" if "\r\n" in text else "\n"
    front = page.front
    if not re.search(r"^translation_of[ \t]*:", front, re.M):
        front = _set(front, "translation_of", relative, newline)
    front = _set(
        _set(front, "source_hash", digest, newline), "translated", day.isoformat(), newline
    )
    start = text.index("\n") + 1  # after the opening ---
    new = bom + text[:start] + front + text[start + len(page.front) :]
    text = bom + text
    if new != text:
        _write(file, new)
    return Stamped(shown(file), digest, day, new != text)


def _write(file: Path, text: str) -> None:
    """Replace the file in one step (a reader never sees half of it), keeping its mode."""
    mode = os.stat(file).st_mode & 0o777
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".stamp-", suffix=".md")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
