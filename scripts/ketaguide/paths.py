"""Which files a check looks at, and how their paths are shown."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path


def shown(path: Path) -> str:
    """The path as a writer sees it: relative to the current folder when inside it."""
    relative = os.path.relpath(os.path.abspath(path))
    if relative.startswith(os.pardir):
        return path.as_posix()
    return Path(relative).as_posix()


def _regular(path: Path) -> bool:
    """A regular file itself, not a link to one (links and special files: see safefile.py)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def expand(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Regular files ending in one of `suffixes`: a named file as given, folders searched
    recursively without following links.

    Hidden files and folders, symlinks and special files are skipped (`ketaguide check`
    reports the last two: safefile.py); each folder's files come sorted by name.
    """
    for path in paths:
        if not path.is_dir() or path.is_symlink():
            if path.suffix in suffixes and _regular(path):
                yield path
            continue
        found: list[str] = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            found += [
                os.path.join(folder, name)
                for name in names
                if name.endswith(suffixes) and not name.startswith(".")
            ]
        yield from (Path(name) for name in sorted(found) if _regular(Path(name)))
