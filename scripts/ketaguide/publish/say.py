"""A reader's sentence from the words tables (publish/languages/) with its {placeholders}
filled: for the clinic templates (the `fill` filter) and the partials on every page (`kg_say`)."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

from ketaguide.publish.languages import Words, plural_form

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, **values: object) -> Markup:
    """A reader's sentence with its {placeholders} filled: the sentence and plain values are
    escaped; a value that a template built as markup (a link, a <time>) is kept as it is."""
    parts = _PLACEHOLDER.split(text)  # text, name, text, name, ..., text
    return Markup("").join(
        escape(values[part]) if n % 2 else escape(part) for n, part in enumerate(parts)
    )


def fill_text(text: str, **values: object) -> Markup:
    """As `fill`, for a sentence between tags (the partials on every page): only <, > and &
    in the sentence are escaped, so its quotes print as written."""
    parts = _PLACEHOLDER.split(text)
    return Markup("").join(
        escape(values[part]) if n % 2 else Markup(html.escape(part, quote=False))  # noqa: S704
        for n, part in enumerate(parts)
    )


class Say:
    """The partials' words in one language, for the theme's templates (the `kg_say` global):
    `kg_say("key", name=value)` is the sentence with its {name} filled; an unknown key or a
    missing value raises, so the build stops instead of printing a gap."""

    def __init__(self, words: Words) -> None:
        self.words = words

    def __call__(self, key: str, **values: object) -> Markup:
        return fill_text(self.words.pages[key], **values)

    def count(self, key: str, n: int, **values: object) -> Markup:
        """The form for `n` of a sentence with a {count}: `n` fills it unless `values` gives
        the count as written."""
        form = self.words.page_plurals[key][plural_form(n)]
        return fill_text(form, **{"count": n, **values})
