"""Small fixes to a page's HTML after Markdown, before the theme wraps it."""

from __future__ import annotations

import re

from ketaguide import tooltips
from ketaguide.pages import glossary

_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
_TASK = re.compile(
    r'(<label class="task-list-control">)(<input[^>]*>)(<span class="task-list-indicator">'
    r"</span>)</label>((?:(?!<[uo]l|</li>).)*)</li>",
    re.S,
)


def _plain_headings(html: str) -> str:
    """Glossary tooltips belong in the text: a dotted underline in a heading only distracts."""
    return _HEADING.sub(lambda m: tooltips.plain(m.group(0)), html)


def _sources_out_of_search(html: str) -> str:
    """The sources list stays on the page but out of the search index (a third of its size)."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-pagefind-ignore>', 1)


def _labelled_tasks(html: str) -> str:
    """Put a checklist item's text inside its label, so each checkbox has an accessible name."""
    return _TASK.sub(r"\1\2\3\4</label></li>", html)


def finish(html: str, src_uri: str) -> str:
    """The page's HTML with those fixes made; `src_uri` is its path under docs/."""
    if src_uri == glossary.GLOSSARY_PAGE:
        html = tooltips.plain(html)  # the glossary defines its terms: no tooltips there
    return _sources_out_of_search(_labelled_tasks(_plain_headings(html)))
