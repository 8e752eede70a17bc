"""`ketaguide check` for review records: reviewers, sign-offs, the review log, and each page's
first-published date, logged fact check and clinical review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.pages import shared, source
from ketaguide.pages.language import Language
from ketaguide.paths import expand, shown
from ketaguide.review import signoffs
from ketaguide.review.status import Project, is_medical
from ketaguide.rules import Rule

FIRST_PUBLISHED = Rule(
    "REV006",
    "first-published",
    "error",
    "A page with health information lacks first_published, or its date is in the future.",
    why="Readers judge how current a page is by when it first appeared and what changed since.",
    fix="Add first_published: YYYY-MM-DD (the day the page first went live) to the front matter.",
)
UNLOGGED = Rule(
    "REV007",
    "fact-check-unlogged",
    "warning",
    "The review log has no fact check of a page with health information (error with --strict).",
    why="Each page goes live after a separate check of its facts; the log is the public record.",
    fix="Have a separate reviewer check the page, then add its row to docs/about/review-log.md.",
)
OUTDATED = Rule(
    "REV008",
    "clinical-review-outdated",
    "warning",
    "The page changed after its clinical sign-off (an error with --strict).",
    why="A sign-off vouches for the text the clinician read; the byline now says so.",
    fix="Ask the reviewer to read the change, then run `ketaguide review sign PAGE --reviewer ID`.",
)


def project_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds mkdocs.yml and docs/."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir():
            return folder
    return None


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    today = today or dt.date.today()
    files = {p.resolve() for p in expand(paths, (".md", ".yml", ".yaml"))}
    roots = {root for p in paths if (root := project_root(p)) is not None}
    for root in sorted(roots):
        project = Project.load(root)
        yield from (f for f in project.findings if Path(f.path).resolve() in files)
        if (root / signoffs.FILE).resolve() in files:
            yield from _signoff_findings(project, today)
        pages = [f for f in files if f.suffix == ".md" and not shared.is_shared(f)]
        folders: tuple[tuple[Language, Path], ...] = (("en", project.docs), ("es", project.docs_es))
        for lang, folder in folders:
            docs = folder.resolve()
            for file in sorted(f for f in pages if f.is_relative_to(docs)):
                yield from _page(project, file, today, docs, lang)


def _page(
    project: Project, file: Path, today: dt.date, docs: Path, lang: Language
) -> Iterator[Finding]:
    read = source.read(file)
    page, front, loaded, path = read.page, read.front, read.loaded, read.path
    if page is None or front is None or loaded is None:
        return  # the front-matter check reports why
    if not is_medical(front):
        return
    if front.first_published is None:
        yield Finding(path, 1, 1, FIRST_PUBLISHED, "first_published is missing")
    elif front.first_published > today:
        line, col = loaded.where(("first_published",))
        yield Finding(path, line, col, FIRST_PUBLISHED, f"{front.first_published} is in the future")
    key = file.relative_to(docs).as_posix()
    if not project.history(key, lang):
        message = "the review log has no fact check of this page; its byline says so"
        if lang == "es":
            message = (
                "the Spanish review log (docs-es/about/review-log.md) has no review of this "
                "translation against its English page; its byline says so"
            )
        yield Finding(path, page.body_line, 1, UNLOGGED, message)
    clinical = project.clinical(key, page, front)
    if clinical.state == "changed" and clinical.reviewer is not None:
        message = (
            f"the text changed after {clinical.reviewer.name}'s clinical review on "
            f"{clinical.date}; the byline says re-review pending"
        )
        yield Finding(path, page.body_line, 1, OUTDATED, message)


def _signoff_findings(project: Project, today: dt.date) -> Iterator[Finding]:
    path = shown(project.root / signoffs.FILE)
    for entry in project.signoffs:
        signed = entry.value
        problem, where = None, "page"
        page = project.docs / signed.page
        if signed.reviewer not in project.reviewers:
            problem, where = (
                f'reviewer "{signed.reviewer}" is not in data/reviewers.yml',
                "reviewer",
            )
        elif not page.is_file():
            problem = f'"{signed.page}" is not a page under docs/'
        elif signed.date > today:
            problem, where = f"the date {signed.date} is in the future", "date"
        if problem:
            yield Finding(path, *entry.at(where), signoffs.INVALID, problem)
