"""Reading a writer's file safely: regular files only, the size checked before a byte is read.

A symlink can publish a file from outside the repository (/proc/self/environ, ~/.ssh/...); a
FIFO blocks a reader forever; /dev/zero never ends. Every reader of pages, clinic files, the
glossary and images goes through `read_bytes`, and `scan` refuses such entries anywhere under
docs/, data/ and overrides/ (in `ketaguide check` and, with the same message, in the build).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlrules import YAML_TOO_LARGE

UNSAFE_FILE = Rule(
    "FIL001",
    "unsafe-file",
    "error",
    "A symbolic link or special file (FIFO, device, socket) in docs/, data/ or overrides/.",
    why="A link can publish a file from outside the repository, such as the build's "
    "environment or passwords; a special file can hang the build or fill its memory.",
    fix="Put the real file in its place (copy it in) or delete the entry.",
)

DEFAULT_LIMIT = 1024 * 1024  # bytes: pages, diagrams and other text files
_CHUNK = 64 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class FileProblem(Exception):
    """The file is not a regular file, or is too large: say which, as a finding."""

    def __init__(self, rule_: Rule, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.rule = rule_
        self.message = message
        self.line = line  # None: the finding is about the whole file

    def finding(self, path: str) -> Finding:
        col = None if self.line is None else 1
        return Finding(path, self.line, col, self.rule, self.message)


def what_is(mode: int) -> str | None:
    """None for a regular file or a folder, else what the entry is, in words."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _refusal(path: Path, what: str) -> str:
    if what == "a symbolic link":
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        exists = "" if os.path.exists(path) else ", which does not exist"
        return (
            f'is a symbolic link to "{target}"{exists}; only regular files are published: '
            "copy the file in or delete the link"
        )
    return f"is {what}, not a regular file; delete it"


def too_large(size: int, limit: int) -> FileProblem:
    message = f"file is {size:,} bytes; the limit is {limit:,} bytes"
    return FileProblem(YAML_TOO_LARGE, message, line=1)  # where decode() puts it, too


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; FileProblem for anything else.

    The type and size are checked (lstat) before the file is opened; it is opened without
    following a link and without blocking, checked again (fstat), and read to `limit` at most.
    """
    try:
        info = os.lstat(path)
    except OSError as err:
        raise FileProblem(UNSAFE_FILE, f"cannot be read: {err.strerror}") from None
    what = what_is(info.st_mode)
    if what is not None or stat.S_ISDIR(info.st_mode):
        raise FileProblem(UNSAFE_FILE, _refusal(path, what or "a folder"))
    if info.st_size > limit:
        raise too_large(info.st_size, limit)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as err:
        raise FileProblem(UNSAFE_FILE, f"cannot be read: {err.strerror}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            info.st_dev,
            info.st_ino,
        ):
            raise FileProblem(UNSAFE_FILE, "changed while it was being read; run the check again")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise too_large(size, limit)
    return b"".join(chunks)


def read_text(path: Path, limit: int) -> str:
    """read_bytes, decoded as UTF-8 (undecodable bytes replaced: for files that are not pages)."""
    return read_bytes(path, limit).decode("utf-8", errors="replace")


def _unsafe(root: Path) -> Iterator[Path]:
    """`root` and every entry below it that is not a regular file or a folder."""
    try:
        mode = os.lstat(root).st_mode
    except OSError:
        return
    if what_is(mode) is not None:
        yield root
        return
    folders = [root] if stat.S_ISDIR(mode) else []
    while folders:  # a loop, not recursion: a hostile tree may be thousands of folders deep
        try:
            entries = sorted(os.scandir(folders.pop()), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink() or not (entry.is_file() or entry.is_dir()):
                yield Path(entry.path)
            elif entry.is_dir():
                folders.append(Path(entry.path))


def scan(paths: Iterable[Path]) -> Iterator[Finding]:
    """A finding for every symlink or special file at or under `paths` (hidden ones too)."""
    for root in paths:
        for found in sorted(_unsafe(root)):
            try:
                what = what_is(os.lstat(found).st_mode) or "a special file"
            except OSError:
                continue
            yield Finding(shown(found), None, None, UNSAFE_FILE, _refusal(found, what))


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    """The `ketaguide check` checker: `scan` over the paths it was given."""
    yield from scan(paths)
