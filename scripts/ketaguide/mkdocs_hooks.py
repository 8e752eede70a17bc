"""MkDocs hooks: a thin adapter between the build and the ketaguide checks.

The hook validates each page's front matter with the same code as `ketaguide check`, adds the
glossary tooltips, and places the byline and urgent-help box under each title. Anything it does
not understand stops the build with the file and line.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkPage

from ketaguide.content import frontmatter, glossary
from ketaguide.content.page import Page
from ketaguide.findings import format_text

log = logging.getLogger("mkdocs.plugins.ketaguide")
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state["today"] = dt.date.today()
    _state["abbr"] = glossary.abbreviations(glossary.load(Path(config.docs_dir)))
    return config


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    source = Page.read(Path(page.file.abs_src_path or page.file.src_uri), page.file.content_string)
    path = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    problems = [
        f for f in frontmatter.check_page(source, path, _state["today"]) if f.level == "error"
    ]
    if problems:
        raise PluginError("\n".join(format_text(f) for f in problems))
    if page.file.src_uri == glossary.GLOSSARY_PAGE or not _state["abbr"]:
        return markdown
    return f"{markdown}\n\n{_state['abbr']}\n"


def _long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    head, found, rest = html.partition("</h1>")
    if not found:
        raise PluginError(f"{page.file.src_uri}:1:1: the page has no # title (one H1 is required)")
    meta = page.meta
    last, next_ = meta["last_reviewed"], meta["next_review"]
    dates = {
        "last": _long(last),
        "last_iso": last.isoformat(),
        "next": _long(next_),
        "next_iso": next_.isoformat(),
        "overdue": next_ < _state["today"],
    }
    front = frontmatter.FrontMatter.model_validate(meta)
    env = config.theme.get_env()
    context = {"page": page, "base_url": "", "config": config, "meta": front, "dates": dates}
    parts = [env.get_template("partials/review-dates.html").render(context)]
    if front.crisis:
        parts.append(env.get_template("partials/urgent-help.html").render(context))
    return head + found + "\n".join(parts) + rest
