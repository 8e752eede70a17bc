"""Front-matter strings reach the theme marked as text, and every template prints them escaped.

MkDocs renders themes without autoescape, and Material prints `page.meta.title`,
`page.meta.description`, `page.meta.author` and `page.title` (the front-matter title again, in
the header, menu, breadcrumbs and footer) as they are. Rather than copy each partial to add
`| e`, the build marks each front-matter string as PageText and gives the theme's Jinja
environment a `finalize` that escapes PageText wherever `{{ }}` prints it. `| e` and `| tojson`
still work (no double escaping: escape() returns Markup, which finalize leaves alone).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from jinja2 import Environment
from markupsafe import escape

# Compiled templates differ with `finalize`: cached bytecode is kept apart under this name.
TEMPLATE_VARIANT = "pagetext-1"


class PageText(str):
    """A string from a page's front matter: text, never markup."""

    __slots__ = ()


def mark(meta: MutableMapping[str, Any]) -> None:
    """Mark every top-level string of a page's front matter (in place)."""
    for key, value in meta.items():
        if type(value) is str:
            meta[key] = PageText(value)


def finalize(value: Any) -> Any:
    return escape(value) if isinstance(value, PageText) else value


def escape_page_text(env: Environment) -> Environment:
    """Set before any template compiles: Jinja builds `finalize` into the compiled code."""
    env.finalize = finalize
    return env
