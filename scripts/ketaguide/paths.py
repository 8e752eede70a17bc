"""Which files a check looks at, and how their paths are shown."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path


def shown(path: Path) -> str:
    """The path as a writer sees it: relative to the current folder when inside it."""
    relative = os.path.relpath(os.path.abspath(path))
    if relative.startswith(os.pardir):
        return path.as_posix()
    return Path(relative).as_posix()


def expand(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files ending in one of `suffixes`: a named file as given, folders searched recursively.

    Hidden files and folders are skipped; each folder's files come sorted by name.
    """
    for path in paths:
        if path.is_file():
            if path.suffix in suffixes:
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
        yield from (Path(name) for name in sorted(found))
