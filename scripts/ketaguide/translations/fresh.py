"""Whether each translation is current: the Spanish page's `source_hash` against the English
page's fingerprint now (review/bodyhash.py: the body with its shared statements expanded,
whitespace normalised, SHA-256), so any change of wording, number or include counts, and
re-wrapping lines does not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ketaguide.pages import frontmatter, language, shared
from ketaguide.paths import expand, shown
from ketaguide.review import reviewlog
from ketaguide.review.bodyhash import body_hash

State = Literal["current", "behind", "missing", "unreadable"]
STATE_TEXT: dict[State, str] = {
    "current": "current",
    "behind": "behind",
    "missing": "missing",
    "unreadable": "unreadable (run ketaguide check)",
}
GIT_SECONDS = 10


@dataclass(frozen=True)
class Changed:
    """When the English page last changed, and how that is known."""

    date: dt.date
    how: str  # "last commit" or "file time"


def changed_on(file: Path) -> Changed:
    """The day of the file's last commit; its modified time when git is not installed, this is
    no repository, or the file has changes not yet committed."""
    folder = str(file.parent) or "."

    def git(*args: str) -> subprocess.CompletedProcess[str] | None:
        try:
            return subprocess.run(
                ["git", *args, "--", file.name],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=GIT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None

    dirty = git("status", "--porcelain")
    if dirty is not None and dirty.returncode == 0 and not dirty.stdout.strip():
        last = git("log", "-1", "--format=%cs")
        if last is not None and last.returncode == 0 and last.stdout.strip():
            try:
                return Changed(dt.date.fromisoformat(last.stdout.strip()), "last commit")
            except ValueError:
                pass
    mtime = dt.datetime.fromtimestamp(os.stat(file).st_mtime, dt.UTC).date()
    return Changed(mtime, "file time")


def english_hash(english: Path) -> str | None:
    """The English page's fingerprint now, or None when it cannot be read."""
    read = frontmatter.read(english)
    if read.page is None:
        return None
    if english.as_posix().endswith("/" + reviewlog.PAGE):
        # Each edition's review log has rows of its own; the Spanish log translates the text
        # around them, so a new English row does not put it behind.
        kept = [line for line in read.page.body.splitlines() if not line.lstrip().startswith("|")]
        return body_hash(dataclasses.replace(read.page, body="\n".join(kept)))
    return body_hash(read.page)


@dataclass(frozen=True)
class Pair:
    english: Path
    spanish: Path
    state: State
    translated: dt.date | None = None
    changed: Changed | None = None  # for a page behind: when the English page changed

    @property
    def english_path(self) -> str:
        return shown(self.english)


def pair(spanish: Path, when: bool = True) -> Pair | None:
    """A Spanish page and where it stands (`when`: with the day its English page changed, if
    it is behind); None for an English page."""
    mirrored = language.english_page(spanish)
    if mirrored is None:
        return None
    english = mirrored[0]
    if not spanish.is_file():
        return Pair(english, spanish, "missing")
    front = frontmatter.read(spanish).front
    now = english_hash(english) if english.is_file() else None
    if front is None or front.source_hash is None or now is None:
        return Pair(english, spanish, "unreadable")
    if front.source_hash == now:
        return Pair(english, spanish, "current", front.translated)
    changed = changed_on(english) if when else None
    return Pair(english, spanish, "behind", front.translated, changed)


def every_pair(docs: Path, spanish_root: Path) -> list[Pair]:
    """Each English page under `docs` (shared statements aside) with its Spanish page."""
    found = []
    for english in expand([docs], (".md",)):
        if shared.is_shared(english):
            continue
        relative = Path(os.path.relpath(english, docs))
        made = pair(spanish_root / relative)
        if made is not None:
            found.append(made)
    return found


def orphans(docs: Path, spanish_root: Path) -> list[Path]:
    """Spanish pages whose English page does not exist."""
    return [
        page
        for page in expand([spanish_root], (".md",))
        if not shared.is_shared(page) and not (docs / os.path.relpath(page, spanish_root)).exists()
    ]
