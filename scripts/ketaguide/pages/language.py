"""Which language a page is written in, from the folder it is in.

The English guide is `docs/`; the Spanish edition mirrors it in `docs-es/` beside it (same file
names, so `docs-es/understanding/depression.md` translates `docs/understanding/depression.md`).
Any folder named `docs-es` holds Spanish pages, so test fixtures follow the same layout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ketaguide.paths import shown

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
ENGLISH_DIR = "docs"
SPANISH_DIR = "docs-es"


def spanish_root(file: Path) -> Path | None:
    """The `docs-es` folder the file is in (as shown to writers), or None for an English page."""
    absolute = Path(os.path.abspath(file))
    for folder in absolute.parents:
        if folder.name == SPANISH_DIR:
            return Path(shown(folder))
    return None


def language(file: Path) -> Language:
    return "es" if spanish_root(file) is not None else "en"


def english_root(spanish: Path) -> Path:
    """The English guide beside a `docs-es` folder."""
    return spanish.parent / ENGLISH_DIR


def english_page(file: Path) -> tuple[Path, str] | None:
    """For a Spanish page: the English page it mirrors and that page's path relative to docs/
    (the value `translation_of` holds). None for an English page."""
    root = spanish_root(file)
    if root is None:
        return None
    relative = Path(os.path.relpath(os.path.abspath(file), os.path.abspath(root))).as_posix()
    return english_root(root) / relative, relative
