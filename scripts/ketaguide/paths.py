"""Which files a check looks at, and how their paths are shown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def shown(path: Path) -> str:
    """The path as a writer sees it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def expand(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files ending in one of `suffixes`: a named file as given, folders searched recursively."""
    for path in paths:
        if path.is_file():
            if path.suffix in suffixes:
                yield path
            continue
        for file in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
            if file.is_file() and file.suffix in suffixes and not hidden:
                yield file
