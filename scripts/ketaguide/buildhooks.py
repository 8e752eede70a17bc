"""The build's hooks, behind mkdocs_hooks.py (the module MkDocs loads, which forks the clinic
pages' process first and imports this one after it). Pages, front matter and clinic data are read
by the same code as `ketaguide check`; the hooks add the generated pages, directives, tooltips,
bylines and the search index, and stop on anything unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import clean_directory

from ketaguide import (
    buildchecks,
    buildedition,
    buildpages,
    clinicwork,
    diskcache,
    editions,
    pagehtml,
    pagetext,
    preview,
    previewmode,
    renderwork,
    search,
    searchservice,
    sidework,
    templatewarm,
    themefiles,
    tooltips,
    untranslated,
)
from ketaguide.content import bodysafety
from ketaguide.editions import Edition
from ketaguide.findings import format_text
from ketaguide.pages import directives
from ketaguide.publish import words
from ketaguide.rawhtml import RawHtml
from ketaguide.review import site as review

DIRECTORY_SCRIPT = "assets/javascripts/directory.js"
_state: dict[str, Any] = {}


def _command_line_build() -> bool:
    return previewmode.plain_build(_state.get("command", ""))


def on_config(
    config: MkDocsConfig, command: str, today: dt.date, clinics: clinicwork.Pending | None
) -> MkDocsConfig:
    """`clinics`: the clinic pages' process, if mkdocs_hooks started one."""
    project = Path(config.config_file_path).parent
    _state["command"], _state["today"] = command, today
    lang, _state["untranslated"] = buildedition.setup(config)  # from theme.language
    _state["lang"] = lang
    _state["root"] = editions.site_root(config.site_url, lang) if config.site_url else ""
    if lang.code not in words.LANGUAGES:  # the clinic pages' words
        raise PluginError(f"theme.language {lang.code!r}: the clinic pages have no words for it")
    buildpages.refuse_unsafe_files(config, project)
    themefiles.use(config.theme)  # its files listed without its 14,000 icons (themefiles.py)
    buildedition.glossary(config)  # the edition's own glossary page gives the tooltips
    # Made beside the build since the config was read, until the files are added (or here).
    _state["clinics"] = clinics if clinics else clinicwork.start(config, today, beside=False)
    _state["env"] = _cached(config.theme.get_env(), lang)  # one per build: compiled once
    _state["warm"] = None  # a cold build compiles the theme's templates beside it
    if _command_line_build():
        names = [*(f"partials/{n}" for n in review.PARTIALS), "main.html"]
        names += sorted(config.theme.static_templates)
        _state["warm"] = templatewarm.start([(_state["env"], names)])
    _state["raw"] = RawHtml()  # generated HTML skips Markdown (see rawhtml.py)
    _state["checks"] = None  # the safety checks' process, once the nav is made (on_nav)
    _state["render"] = None  # the renderer beside the build (on_nav to on_env)
    try:  # bylines, disclosures and help links (review/site.py)
        _state["review"] = review.Site(project, config.extra, _state["env"], lang)
    except review.ReviewDataError as err:
        raise PluginError(str(err)) from None
    if preview.enabled():
        _state["findings"] = preview.collect(Path(config.docs_dir), project, today)
    indexed = (Path(config.site_dir) / search.BUNDLE).is_dir()
    # The preview indexes its first build only: rebuilds stay fast.
    _state["index"] = None if preview.enabled() and indexed else searchservice.Indexer()
    return config


def _cached(env: Environment, lang: Edition) -> Environment:
    env.bytecode_cache = diskcache.template_cache(pagetext.TEMPLATE_VARIANT)
    env.globals["kg_lang"] = lang
    env.globals["kg_root"] = _state["root"]  # the whole site's URL (English home)
    env.globals.update(words.for_partials(lang))  # kg_say, kg_others: the partials' words
    return pagetext.escape_page_text(env)  # front matter printed escaped in every template


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's compiled templates come from disk, not from compiling them in every build.
    Every page is read: the renderer beside the build ends, and Pagefind makes the search index
    while the theme renders them."""
    if _state.get("render"):
        _state.pop("render").stop()
    if _state["index"]:
        _state["index"].request_bundle()
    return _cached(env, _state["lang"])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    made: clinicwork.Made = _state["clinics"].result()
    if made.error:
        raise PluginError(f"clinic data has errors:\n{made.error}")
    _state["directory"] = made.directory
    docs = Path(config.docs_dir)
    # A command-line build checks the pages in a second process (buildchecks.py).
    beside = _command_line_build() and sidework.fork_possible()
    _state["beside"] = beside
    _state["pages"] = buildpages.read(files, docs, _state["today"], check=not beside)
    _state["generated"] = set(made.files)
    for path, content in made.files.items():
        files.append(File.generated(config, path, content=content))
    if preview.enabled():
        known = set(_state["pages"]) | _state["generated"]
        _state["panels"] = preview.by_page(_state["findings"], Path(config.docs_dir).name, known)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The work beside the build starts: the renderer first (renderwork.py), as a fork is
    made before any thread, then the checks and Pagefind."""
    if _state["beside"]:
        pages = [
            file.page
            for file in files.documentation_pages()
            if file.page is not None and file.src_uri not in _state["generated"]
        ]
        _state["render"] = renderwork.start(pages, config, files)
        _start_checks(Path(config.docs_dir).name)
    if _state["index"]:
        _state["index"].start()  # Pagefind starts while MkDocs renders (searchservice.py)
    return nav


def _start_checks(docs: str) -> None:
    """The pages' checks in a process of their own (buildchecks.py), or here if none is had."""
    pages = _state["pages"]
    worker = buildchecks.Worker(
        lambda: [format_text(f) for f in buildpages.source_findings(pages, docs)],
        lambda html, path: [format_text(f) for f in bodysafety.rendered_findings(html, path)],
    )
    try:
        worker.start()
        _state["checks"] = worker
    except OSError:  # no second process to be had: the checks run here
        if found := buildpages.source_findings(pages, docs):
            raise PluginError("\n".join(format_text(f) for f in found)) from None


def _directives(markdown: str, page: MkPage, config: MkDocsConfig, first_line: int) -> str:
    """The clinic-directory directive becomes the directory (set aside, see rawhtml.py); the
    disclosure directives, the guide's values (review/site.py)."""

    def directory(at: str) -> str:
        page.meta["kg_scripts"] = [DIRECTORY_SCRIPT]
        raw: RawHtml = _state["raw"]
        return raw.set_aside(page, _state["directory"], at)

    context = {"page": page, "base_url": "", "config": config}
    fill = {directives.CLINIC_DIRECTORY: directory, **_state["review"].disclosures(context)}
    try:
        return directives.replace(markdown, first_line, _shown(page, config), fill)
    except directives.DirectiveError as err:
        raise PluginError(str(err)) from None


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _state["generated"]:
        # Clinic pages: validated as clinic data, rendered escaped, no Markdown in them.
        pagetext.mark(page.meta)
        raw: RawHtml = _state["raw"]
        return raw.set_aside(page, markdown.strip())
    source, front = _state["pages"][page.file.src_uri]
    page.meta = front.model_dump(exclude_unset=True)  # as the guarded loader read it
    pagetext.mark(page.meta)  # its strings print escaped in every template (pagetext.py)
    body = source.body  # MkDocs drops its leading blank lines: count them back in
    first_line = source.body_line + len(body) - len(body.lstrip("\n"))
    markdown = _directives(markdown, page, config, first_line)
    if _state.get("render"):
        _state["render"].use(page)  # rendered beside the build, if it is ready
    return markdown


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    html = _page_content(html, page, config)
    # The page in the other language: its head's hreflang, the selector and the sitemap (which
    # MkDocs writes before any page, so known here).
    found = buildedition.alternates(config, _state["lang"], page, _state["generated"])
    page.meta["kg_alternates"] = found
    if _state["untranslated"]:  # while pages are missing: their links go to English
        html = untranslated.for_page(html, page, _state["lang"], _state["untranslated"])
    if _state["index"]:  # indexed now: Pagefind writes while the theme renders (on_env)
        article = search.article_for_index(html, _state["lang"].code, page.meta.get("search") or {})
        if article is not None:
            _state["index"].add(page.url, article)
    if preview.enabled():  # dev.py serve only: never in the built site
        found = _state["panels"].get(page.file.src_uri, [])
        html = preview.panel(found, page.url.count("/") * "../") + html
    return html


def _page_content(html: str, page: MkPage, config: MkDocsConfig) -> str:
    if _state["checks"]:
        _state["checks"].rendered(html, _shown(page, config))  # Markdown's own HTML
    elif unsafe := bodysafety.rendered_findings(html, _shown(page, config)):
        raise PluginError("\n".join(format_text(f) for f in unsafe))
    html = pagehtml.finish(_state["raw"].put_back(page, html), page.file.src_uri, _state["lang"])
    head, found, rest = html.partition("</h1>")
    if not found:
        raise PluginError(f"{page.file.src_uri}:1:1: the page has no # title (one H1 is required)")
    if page.file.src_uri in _state["generated"]:
        return html
    source, front = _state["pages"][page.file.src_uri]
    context = {"page": page, "base_url": "", "config": config}
    site: review.Site = _state["review"]
    html, page.meta["kg_ld"] = site.decorate(
        head + found, rest, page.file.src_uri, source, front, _state["today"], context
    )
    return html


def _shown(page: MkPage, config: MkDocsConfig) -> str:
    return f"{Path(config.docs_dir).name}/{page.file.src_uri}"


def on_page_context(
    context: dict[str, Any], page: MkPage, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The page in the other languages: the language selector and the hreflang links."""
    context["kg_alternates"] = page.meta["kg_alternates"]  # (on_page_content)
    return context


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    """Glossary tooltips, and the article marked as what search indexes (search.py)."""
    if _state["untranslated"]:  # the nav's links to missing pages go to English
        output = untranslated.for_page(output, page, _state["lang"], _state["untranslated"], True)
    return tooltips.add_to_article(search.mark_body(output, page.meta.get("search") or {}))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page: while pages are missing, its links to them go to English."""
    if template_name != "404.html" or not _state["untranslated"]:
        return output
    return untranslated.for_404(
        output, config.site_url, _state["lang"].prefix, _state["untranslated"]
    )


def on_post_build(config: MkDocsConfig) -> None:
    templatewarm.reap(_state["warm"])
    if _state["checks"]:
        _refuse(_state["checks"], config)
    if _state["untranslated"]:
        _state["untranslated"].report()
    if _state["index"]:
        try:
            _state["index"].finish(Path(config.site_dir))
        except search.SearchIndexError as err:
            raise PluginError(str(err)) from None


def _refuse(checks: buildchecks.Worker, config: MkDocsConfig) -> None:
    """Stop with the checks' findings; the pages are not left in the site folder."""
    try:
        found = checks.finish()
    except buildchecks.ChecksFailed as err:
        found = [str(err)]
    if found:
        clean_directory(config.site_dir)
        raise PluginError("\n".join(found))


def on_build_error(error: Exception) -> None:
    """A failed build leaves no Pagefind, renderer, clinic pages' or checks' process behind."""
    templatewarm.reap(_state.get("warm"))
    if _state.get("render"):
        _state.pop("render").stop()
    if _state.get("clinics"):
        _state["clinics"].stop()
    if _state.get("index"):
        _state["index"].stop()
    if _state.get("checks"):
        _state["checks"].stop()
