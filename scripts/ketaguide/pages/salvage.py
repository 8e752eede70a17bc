"""What a page's front matter says when the whole of it is not valid, so one run reports both the
front-matter errors and what the rules on the body find (issue 13, finding 4).

Each field the body and date rules read is taken when it is valid on its own; a field that is
absent, invalid or unreadable takes the model's default (a page whose front matter cannot be
read at all is judged as an article without `crisis: true`, the strictest reading). `generated`
is never taken from broken front matter: only a tool's valid page is exempt from the rules.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ketaguide.pages.frontmatter import FrontMatter, PageRead, PageType
from ketaguide.yamlload import Loaded, load
from ketaguide.yamlrules import YamlProblem

USED = ("page_type", "crisis", "last_reviewed", "next_review")  # what the rules read


@dataclass(frozen=True)
class Said:
    """The fields the rules read, as the page gives them (None: not known)."""

    page_type: PageType = "article"
    crisis: bool = False
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    loaded: Loaded = field(default_factory=lambda: Loaded(None))


@functools.cache
def _adapter(name: str) -> TypeAdapter[Any]:
    annotation: Any = FrontMatter.model_fields[name].annotation
    return TypeAdapter(annotation)


def _valid(data: dict[Any, Any], name: str) -> Any:
    if name not in data:
        return None
    try:
        return _adapter(name).validate_python(data[name])
    except ValidationError:
        return None


def said(read: PageRead) -> Said:
    """What the page's front matter says, field by field, whether or not the whole is valid."""
    if read.front is not None and read.loaded is not None:
        f = read.front
        return Said(f.page_type, f.crisis, f.last_reviewed, f.next_review, read.loaded)
    if read.page is None or read.page.front is None:
        return Said()
    try:
        loaded = load(read.page.front, line_offset=1)
    except YamlProblem:
        return Said()
    if not isinstance(loaded.data, dict):
        return Said(loaded=loaded)
    values = {name: _valid(loaded.data, name) for name in USED}
    return Said(
        page_type=values["page_type"] or "article",
        crisis=bool(values["crisis"]),
        last_reviewed=values["last_reviewed"],
        next_review=values["next_review"],
        loaded=loaded,
    )
