"""Every page of a build read once, as `ketaguide check` reads it (every error listed); MkDocs
gets the body only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ketaguide import buildguards, preview
from ketaguide.content import bodysafety, frontmatter
from ketaguide.findings import Finding, format_text
from ketaguide.pages import frontmatter as pagefront
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.page import Page


def refuse_unsafe_files(config: MkDocsConfig, project: Path) -> None:
    found = buildguards.unsafe_files(Path(config.docs_dir), project, config.theme.custom_dir)
    if found:
        raise PluginError("\n".join(found))


def read(
    files: Files, docs: Path, today: dt.date, check: bool = True
) -> dict[str, tuple[Page, FrontMatter]]:
    """Each page's source and front matter by its path under `docs`; PluginError listing every
    error (the preview keeps going and shows them). `check=False` leaves the safety checks of
    the sources (`source_findings`) to the caller, unless a front matter error stops the build
    here: then they are listed with it."""
    pages: dict[str, tuple[Page, FrontMatter]] = {}
    errors: list[Finding] = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue
        result = pagefront.read(Path(file.abs_src_path), f"{docs.name}/{file.src_uri}")
        found = frontmatter.findings(result, today)
        errors += [f for f in found if f.level == "error"]
        front = result.front
        if result.page is not None and front is None and preview.enabled():
            front = preview.stand_in(result.page, today)  # its panel says why
        if result.page is not None and front is not None:
            pages[file.src_uri] = (result.page, front)
            if check:
                errors += _source_findings(result.page, f"{docs.name}/{file.src_uri}")
            # A blank first line: MkDocs looks for no front matter, and the body is as written.
            file.content_string = "\n" + result.page.body
        elif preview.enabled():
            files.remove(file)  # unreadable: the home page's panel says why
    if errors and not check:
        errors += source_findings(pages, docs.name)
    if errors and not preview.enabled():
        raise PluginError("\n".join(format_text(f) for f in errors))
    return pages


def source_findings(pages: dict[str, tuple[Page, FrontMatter]], docs_name: str) -> list[Finding]:
    """What the build refuses in the pages' sources: shared statements that would be skipped,
    unsafe links and raw HTML (the same code as `ketaguide check`)."""
    return [
        f for uri, (page, _) in pages.items() for f in _source_findings(page, f"{docs_name}/{uri}")
    ]


def _source_findings(page: Page, path: str) -> list[Finding]:
    return buildguards.includes(page, path) + bodysafety.page_findings(page, path)
