"""MkDocs hooks: the module mkdocs.yml names. It imports little, so that a command-line build
forks the clinic pages' process (clinicwork.py) as soon as the config is read, and only then
imports the rest of the package (buildhooks.py, about 0.15 s): the two run side by side, and the
clinic pages are ready when the build adds its files. Every event is buildhooks' own."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ketaguide import clinicwork, editions, previewmode

GC_THRESHOLD = (50_000, 20, 100)  # Python's default is (700, 10, 10)
_started: dict[str, Any] = {"command": "", "clinics": None, "loaded": False}


def on_startup(command: str, dirty: bool) -> None:
    """A build is one short process that makes many small objects (Markdown trees, template
    nodes) and few reference cycles: Python's cycle collector runs less often, and skips the
    modules loaded so far (and those loaded with buildhooks). Cycles are still collected.
    `serve` keeps the defaults."""
    _started["command"] = command
    if command == "build":
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLD)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    today = dt.date.today()
    clinics = None
    if previewmode.plain_build(_started["command"]):
        # Else buildhooks says what is wrong with the language.
        with contextlib.suppress(editions.UnknownLanguage, KeyError):
            clinics = clinicwork.start(config, today, beside=True)
    _started["clinics"] = clinics
    from ketaguide import buildhooks  # after the fork: see above

    if _started["command"] == "build":
        gc.freeze()
    _started["loaded"] = True
    return buildhooks.on_config(config, _started["command"], today, clinics)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    from ketaguide import buildhooks

    return buildhooks.on_files(files, config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    from ketaguide import buildhooks

    return buildhooks.on_nav(nav, config, files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    from ketaguide import buildhooks

    return buildhooks.on_env(env, config, files)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    from ketaguide import buildhooks

    return buildhooks.on_page_markdown(markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    from ketaguide import buildhooks

    return buildhooks.on_page_content(html, page, config, files)


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    from ketaguide import buildhooks

    return buildhooks.on_page_context(context, page, config, nav)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    from ketaguide import buildhooks

    return buildhooks.on_post_page(output, page, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    from ketaguide import buildhooks

    return buildhooks.on_post_template(output, template_name, config)


def on_post_build(config: MkDocsConfig) -> None:
    from ketaguide import buildhooks

    buildhooks.on_post_build(config)


def on_build_error(error: Exception) -> None:
    """No process is left behind, also when the build stopped before buildhooks was loaded."""
    if _started["clinics"] is not None:
        _started["clinics"].stop()
    if _started["loaded"]:
        from ketaguide import buildhooks

        buildhooks.on_build_error(error)
