"""Every checker and every rule: the one list that the CLI, the rules page and the tests read.

Each checker is check(paths, today). Each rule is a constant declared next to its check, in one
of RULE_MODULES; a test fails when a module of the package declares a rule not listed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ketaguide import safefile, yamlrules
from ketaguide.clinics import checks as clinics
from ketaguide.clinics import folders, fromissue, hours, kinds, place, verified
from ketaguide.clinics import load as clinic_load
from ketaguide.clinics import placeholders as clinic_placeholders
from ketaguide.content import (
    bodysafety,
    citations,
    claims,
    crisis,
    directives,
    footnotekeys,
    frontmatter,
    nav,
    originality,
    placeholders,
    readinglevel,
    restated,
    sourcekeys,
    spelling,
    statements,
    structure,
    suppress,
    unverified,
)
from ketaguide.findings import Finding
from ketaguide.links import external, internal
from ketaguide.pages import directives as pagedirectives
from ketaguide.pages import frontmatter as pagefront
from ketaguide.pages import fronttext, source, translation
from ketaguide.review import checks as review
from ketaguide.review import reviewers, reviewlog, signoffs
from ketaguide.rules import Rule, declared_in
from ketaguide.translations import checks as translations

Checker = Callable[[list[Path], dt.date], Iterable[Finding]]

CHECKERS: tuple[Checker, ...] = (
    safefile.check,
    frontmatter.check,
    bodysafety.check,
    structure.check,
    nav.check,
    directives.check,
    citations.check,
    footnotekeys.check,
    readinglevel.check,
    claims.check,
    restated.check,
    sourcekeys.check,
    crisis.check,
    originality.check,
    spelling.check,
    unverified.check,
    placeholders.check,
    clinics.check,
    folders.check,
    review.check,
    translations.check,
)

RULE_MODULES = (
    safefile,
    yamlrules,
    pagefront,
    frontmatter,
    fronttext,
    translation,
    pagedirectives,
    bodysafety,
    structure,
    nav,
    citations,
    footnotekeys,
    readinglevel,
    claims,
    restated,
    sourcekeys,
    statements,
    crisis,
    originality,
    spelling,
    unverified,
    placeholders,
    suppress,
    clinic_load,
    kinds,
    place,
    verified,
    hours,
    clinic_placeholders,
    fromissue,
    folders,
    clinics,
    internal,
    external,
    reviewers,
    signoffs,
    reviewlog,
    review,
    translations,
)
RULES: dict[str, Rule] = declared_in(RULE_MODULES)


def all_rules() -> list[Rule]:
    """Every rule, sorted by id."""
    return list(RULES.values())


def run(paths: list[Path], today: dt.date) -> Iterator[Finding]:
    """Every checker's findings, less those a suppression comment hides (content/suppress.py).

    A finding in a shared statement is moved to the statement's own file and line, and reported
    once however many pages include it."""
    return finish(paths, (finding for checker in CHECKERS for finding in checker(paths, today)))


def finish(paths: list[Path], found: Iterable[Finding]) -> Iterator[Finding]:
    """The checkers' findings less the suppressed ones, each on its own file's line, once."""
    seen: set[Finding] = set()
    for finding in suppress.apply(paths, found, RULES):
        located = source.locate(finding)
        if located not in seen:
            seen.add(located)
            yield located
