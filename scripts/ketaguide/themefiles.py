"""The theme's files, listed without walking the folders MkDocs never copies.

Before the pages are read, MkDocs lists every file of the theme (Jinja's `list_templates`) and
keeps the ones to copy into the site (`Files.add_files_from_theme`). Material's templates hold
about 14,500 files, all but a few hundred in `.icons/`, and MkDocs drops every path with a part
that starts with a dot (its patterns `.*` and `*/.*`): walking and testing them cost each build
about 0.06 s, stock Material's too. This loader does not go into such folders, so the list MkDocs
filters is the same but for paths it drops anyway. Templates are loaded as before (the icons
too: `get_source` is Jinja's own).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import jinja2
from mkdocs.theme import Theme


class ThemeLoader(jinja2.FileSystemLoader):
    """Jinja's loader of template folders; its list leaves out folders named `.*`."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for folder, subfolders, names in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [d for d in subfolders if not d.startswith(".")]
                base = os.path.relpath(folder, root)
                for name in names:
                    path = name if base == os.curdir else os.path.join(base, name)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


def use(theme: Theme) -> None:
    """The theme's environments, made from now on, list their files with ThemeLoader."""
    made: Callable[[], jinja2.Environment] = theme.get_env

    def get_env() -> jinja2.Environment:
        env = made()
        if type(env.loader) is jinja2.FileSystemLoader:  # MkDocs' own: same folders, same order
            old = env.loader
            env.loader = ThemeLoader(old.searchpath, old.encoding, old.followlinks)
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
