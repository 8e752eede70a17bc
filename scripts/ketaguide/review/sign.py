"""`ketaguide review sign` and `ketaguide review status`: record a clinical sign-off for a page's
current text, and list where every page stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ketaguide.findings import format_text
from ketaguide.pages import frontmatter, shared
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.page import Page
from ketaguide.paths import expand
from ketaguide.review import signoffs
from ketaguide.review.bodyhash import body_hash
from ketaguide.review.status import STATE_TEXT, Clinical, Project, is_medical

__all__ = ["STATE_TEXT", "Row", "SignError", "sign", "status"]


class SignError(Exception):
    """The sign-off cannot be recorded; the message says why and what to do."""


@dataclass(frozen=True)
class Row:
    page: str  # under docs/
    clinical: Clinical


def _read(project: Project, given: Path) -> tuple[str, Page, FrontMatter]:
    docs = project.docs.resolve()
    file = given if given.is_absolute() else Path.cwd() / given
    if not file.is_file() and (docs / given).is_file():
        file = docs / given
    file = file.resolve()
    if not file.is_file() or not file.is_relative_to(docs) or file.suffix != ".md":
        raise SignError(f"{given}: not a page under {project.docs}")
    read = frontmatter.read(file, str(given))
    if read.page is None or read.front is None:
        raise SignError("\n".join(format_text(f) for f in read.problems))
    return file.relative_to(docs).as_posix(), read.page, read.front


def sign(root: Path, given: Path, reviewer: str, day: dt.date, today: dt.date) -> signoffs.SignOff:
    project = Project.load(root)
    errors = [f for f in project.findings if f.level == "error"]
    if errors:
        raise SignError("fix these first:\n" + "\n".join(map(format_text, errors)))
    if reviewer not in project.reviewers:
        raise SignError(f'no reviewer "{reviewer}" in {signoffs.FILE.parent}/reviewers.yml')
    if day > today:
        raise SignError(f"{day} is in the future")
    key, page, front = _read(project, given)
    if not is_medical(front):
        raise SignError(f"{given}: a {front.page_type} page needs no clinical review")
    signed = signoffs.SignOff(page=key, reviewer=reviewer, date=day, body_sha256=body_hash(page))
    signoffs.append(signed, root / signoffs.FILE)
    return signed


def status(root: Path) -> tuple[list[Row], list[str]]:
    """Every page's clinical review, and the problems that stopped a page being read."""
    project = Project.load(root)
    rows: list[Row] = []
    problems = [format_text(f) for f in project.findings if f.level == "error"]
    for file in expand([project.docs], (".md",)):
        if shared.is_shared(file):
            continue  # a shared statement is part of the pages that include it
        try:
            key, page, front = _read(project, file)
        except SignError as err:
            problems.append(str(err))
            continue
        rows.append(Row(key, project.clinical(key, page, front)))
    return rows, problems
