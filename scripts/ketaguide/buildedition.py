"""What the build does differently per language, decided once from the config's theme.language
(editions.py): the edition's site URL, a check that the config reads shared statements from the
folders the checker reads, and each page's counterparts in the other editions."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ketaguide import editions, safefile, untranslated
from ketaguide.editions import Alternate, Edition
from ketaguide.findings import format_text
from ketaguide.firstuse import FirstUseExtension
from ketaguide.pages import glossary as glossary_page
from ketaguide.untranslated import Untranslated


def setup(config: MkDocsConfig) -> tuple[Edition, Untranslated | None]:
    """The config's language; its site_url becomes the edition's own (…/es/ for Spanish).
    Stops the build when the config and editions.py disagree. With it, the filter that lets a
    translation's strict build pass with pages still missing, when allowed (untranslated.py)."""
    try:
        lang = editions.of_theme(config.theme.get("language"))
    except editions.UnknownLanguage as err:
        raise PluginError(str(err)) from None
    project = Path(config.config_file_path).parent
    if Path(config.docs_dir).resolve() == (project / lang.docs).resolve():
        _check_snippets(config, project, lang)  # the guide's own pages, not a test's
    config.site_url = editions.edition_url(config.site_url or "", lang) or None
    found = None
    if lang is not editions.SOURCE:  # KETAGUIDE_UNTRANSLATED=allow: see untranslated.py
        found = untranslated.install(project / editions.SOURCE.docs, Path(config.docs_dir))
    return lang, found


def glossary(config: MkDocsConfig) -> None:
    """Glossary terms marked by the abbr extension's `glossary` option (cheaper than
    definitions), from the edition's own glossary page (docs-es/practical/glossary.md)."""
    try:
        terms = glossary_page.load(Path(config.docs_dir))
    except safefile.FileProblem as problem:
        where = f"{Path(config.docs_dir).name}/{glossary_page.GLOSSARY_PAGE}"
        raise PluginError(format_text(problem.finding(where))) from None
    config.mdx_configs.setdefault("abbr", {})["glossary"] = {t.term: t.definition for t in terms}
    if not any(isinstance(e, FirstUseExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(FirstUseExtension())  # after abbr (firstuse.py)


def _check_snippets(config: MkDocsConfig, project: Path, lang: Edition) -> None:
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets is None:
        return  # a test's site without shared statements
    prefix = f"{project.as_posix()}/"
    bases = [Path(p).as_posix().removeprefix(prefix) for p in snippets.get("base_path", [])]
    if tuple(bases) != lang.shared:
        raise PluginError(
            f"pymdownx.snippets base_path is {bases}; the {lang.name} edition reads shared "
            f"statements from {list(lang.shared)} (scripts/ketaguide/editions.py)"
        )


def alternates(
    config: MkDocsConfig, lang: Edition, page: Page, generated: set[str]
) -> list[Alternate]:
    project = Path(config.config_file_path).parent
    site_url = config.site_url or ""
    return editions.alternates(project, lang, page.file.src_uri, page.url, site_url, generated)
