"""Shared statements: a fact used on several pages is written once, in `docs/_shared/`, and
included with `--8<-- "name.md"` (pymdownx.snippets renders it in the build).

`expand` gives the page as the build renders it, with each line's origin (file and line), so
that the content rules read the included text and a finding in it points at the shared file.
Only the one-line form of an include is accepted; anything else that pymdownx.snippets would
treat as an include, and any include that cannot be read safely, is a located problem.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pymdownx.snippets import SnippetPreprocessor  # type: ignore[import-untyped]

from ketaguide import safefile
from ketaguide.pages import language
from ketaguide.paths import shown

SHARED_DIR = Path("docs/_shared")  # the build's snippets base_path (mkdocs.yml)
MAX_BYTES = 64 * 1024
MAX_DEPTH = 4
_ALL = SnippetPreprocessor.RE_ALL_SNIPPETS  # the build's own pattern: we see what it sees
_SECTION = SnippetPreprocessor.RE_SNIPPET_SECTION


@dataclass(frozen=True, slots=True)
class Origin:
    path: str  # as shown in findings
    line: int
    indent: int = 0  # columns the include added in front of the line


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 1-based line in the expanded text (the include line is kept there)
    col: int
    message: str


@dataclass
class Expanded:
    lines: list[str] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    used: set[Path] = field(default_factory=set)  # shared files included, resolved

    def add(self, text: str, origin: Origin) -> None:
        self.lines.append(text)
        self.origins.append(origin)


def base_for(file: Path) -> Path:
    """The shared folder a page's includes are read from first: docs/_shared for the guide's
    pages, docs-es/_shared for the Spanish edition's, a `_shared` folder beside the page for
    anything else (test fixtures)."""
    return bases_for(file)[0]


def bases_for(file: Path) -> tuple[Path, ...]:
    """Every shared folder a page's includes are read from, in order: a Spanish page finds its
    Spanish statements first, then the English folder (the source footnotes are not translated),
    as the Spanish build's snippets base_path does."""
    spanish = language.spanish_root(file)
    if spanish is not None:
        english = language.english_root(spanish) / SHARED_DIR.name
        return spanish / SHARED_DIR.name, english
    docs = SHARED_DIR.parent.resolve()
    if docs in file.resolve().parents:
        return (SHARED_DIR,)
    return (file.parent / SHARED_DIR.name,)


def is_shared(file: Path) -> bool:
    """Whether a file is a shared statement (a fragment, not a page)."""
    return SHARED_DIR.name in file.parts


def names(base: Path) -> list[str]:
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.suffix == ".md" and not p.is_symlink())


def _resolve(target: str, bases: tuple[Path, ...]) -> tuple[Path | None, str]:
    """The shared file an include names (in the first folder that has it), or None and why it
    cannot be read."""
    base = next((b for b in bases if os.path.lexists(b / target)), bases[0]) if target else bases[0]
    if not target:
        return None, "the include names no file"
    if target.lower().startswith(("http://", "https://")):
        return None, f'"{target}": only files in {base.as_posix()}/ can be included'
    if target.startswith(";") or ":" in target or "\\" in target:
        return None, f'"{target}": write only the file name, such as --8<-- "driving.md"'
    parts = Path(target).parts
    if Path(target).is_absolute() or ".." in parts or target.startswith("~"):
        return None, f'"{target}" is outside {base.as_posix()}/; only files there can be included'
    if not target.endswith(".md"):
        return None, f'"{target}": a shared statement is a .md file'
    file = base / target
    try:
        info = os.lstat(file)
    except OSError:
        folders = " or ".join(f"{b.as_posix()}/" for b in bases)
        available = ", ".join(n for b in bases for n in names(b)) or "none"
        return None, f'"{target}" is not in {folders} (shared statements: {available})'
    inside = os.path.realpath(file).startswith(os.path.join(os.path.realpath(base), ""))
    if stat.S_ISLNK(info.st_mode) or not inside:
        return None, f'"{target}" is a symbolic link; a shared statement must be a plain file'
    if not stat.S_ISREG(info.st_mode):
        return None, f'"{target}" is not a regular file'
    if info.st_size > MAX_BYTES:
        return None, f'"{target}" is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}'
    return file, ""


def _read(file: Path) -> list[str] | str:
    """The file's lines as pymdownx.snippets reads them, or why it cannot be read."""
    try:
        text = safefile.read_bytes(file, MAX_BYTES).decode("utf-8")
    except safefile.FileProblem as problem:
        return f'"{file.name}" {problem.message}'
    except UnicodeDecodeError:
        return f'"{file.name}" is not UTF-8 text'
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n") if text else []


def _walk(
    lines: list[str],
    origin: str,
    first: int,
    base: tuple[Path, ...],
    chain: list[Path],
    out: Expanded,
) -> None:
    for number, line in enumerate(lines, first):
        where = Origin(origin, number)
        match = _ALL.match(line)
        section = None if match else (_SECTION.match(line) if "8<-" in line else None)
        if match is None and (section is None or section.group("escape")):
            out.add(line if section is None else line.replace(";", "", 1), where)
            continue
        if match is not None and match.group("escape"):
            out.add(line.replace(";", "", 1), where)
            continue
        out.add(line, where)  # kept when the include fails, so the problem has a line
        here = len(out.lines)
        if match is None or not match.group("inline_marker"):
            message = 'write each include on one line: --8<-- "name.md"'
            out.problems.append(Problem(here, 1, message))
            continue
        target = match.group("snippet")[1:-1].strip()
        col = len(match.group("space")) + 1
        file, why = _resolve(target, base)
        if file is None:
            out.problems.append(Problem(here, col, why))
            continue
        key = file.resolve()
        if key in chain:
            loop = " -> ".join([*(p.name for p in chain[chain.index(key) :]), file.name])
            out.problems.append(Problem(here, col, f"the include repeats itself: {loop}"))
            continue
        if len(chain) >= MAX_DEPTH:
            message = f"includes nest deeper than {MAX_DEPTH} levels"
            out.problems.append(Problem(here, col, message))
            continue
        content = _read(file)
        if isinstance(content, str):
            out.problems.append(Problem(here, col, content))
            continue
        out.lines.pop()
        out.origins.pop()
        out.used.add(key)
        space = match.group("space").expandtabs(4)
        start = len(out.lines)
        _walk(content, shown(file), 1, base, [*chain, key], out)
        for i in range(start, len(out.lines)):
            out.lines[i] = space + out.lines[i]
            o = out.origins[i]
            out.origins[i] = Origin(o.path, o.line, o.indent + len(space))


def expand(text: str, file: Path, path: str, first: int = 1) -> Expanded:
    """The text with every include replaced by its file's lines; `first` is the text's first
    line number in `file` (shown as `path`)."""
    out = Expanded()
    own = [file.resolve()] if is_shared(file) else []
    _walk(text.split("\n"), path, first, bases_for(file), own, out)
    return out
