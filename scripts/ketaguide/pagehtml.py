"""Small fixes to a page's HTML after Markdown, before the theme wraps it."""

from __future__ import annotations

import re

from ketaguide import tooltips
from ketaguide.editions import SOURCE, Edition
from ketaguide.pages import glossary

_HEADING = re.compile(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)
_SOURCE_ITEM = re.compile(r'<li id="fn:[^"]*"')
_BACK_LINK = '<a class="footnote-backref"'
_TASK = re.compile(
    r'(<label class="task-list-control">)(<input[^>]*>)(<span class="task-list-indicator">'
    r"</span>)</label>((?:(?!<[uo]l|</li>|</p>).)*)(?=</li>|</p>)",
    re.S,
)


def _plain_headings(html: str) -> str:
    """Glossary tooltips belong in the text: a dotted underline in a heading only distracts."""
    return _HEADING.sub(lambda m: tooltips.plain(m.group(0)), html)


def _sources_out_of_search(html: str) -> str:
    """The sources list stays on the page but out of the search index (a third of its size)."""
    return html.replace('<div class="footnote">', '<div class="footnote" data-pagefind-ignore>', 1)


def _sources_in_english(html: str, lang: Edition) -> str:
    """On a translated page, each source in the list is marked lang="en", so a screen reader
    reads its English title as English (WCAG 3.1.2): a translation cites its English page's
    sources, their definitions copied as they are, and source titles are not translated. The
    back-links keep the page's language (their titles are translated: BACKLINK_TITLE)."""
    if lang is SOURCE:
        return html
    html = _SOURCE_ITEM.sub(lambda m: f'{m.group(0)} lang="{SOURCE.code}"', html)
    return html.replace(_BACK_LINK, f'{_BACK_LINK} lang="{lang.code}"')


def _labelled_tasks(html: str) -> str:
    """Put a checklist item's text inside its label, so each checkbox has an accessible name:
    up to the end of the item, or of its paragraph (a list with blank lines between items)."""
    return _TASK.sub(r"\1\2\3\4</label>", html)


def finish(html: str, src_uri: str, lang: Edition = SOURCE) -> str:
    """The page's HTML with those fixes made; `src_uri` is its path under its edition's
    folder, `lang` its edition."""
    if src_uri == glossary.GLOSSARY_PAGE:
        html = tooltips.plain(html)  # the glossary defines its terms: no tooltips there
    html = _sources_in_english(html, lang)
    return _sources_out_of_search(_labelled_tasks(_plain_headings(html)))
