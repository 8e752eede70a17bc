"""The clinic directory and each clinic's page, from overrides/partials/clinics/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from ketaguide.clinics.model import DAYS, Clinic
from ketaguide.clinics.verified import STALE_DAYS
from ketaguide.pages.frontmatter import generated_mark
from ketaguide.publish import lists, templates
from ketaguide.publish.jsonld import script_safe
from ketaguide.publish.words import EN, Words

MARK = generated_mark("ketaguide generate")  # written by generate.py, and the hook


def _context(today: dt.date, words: Words) -> dict[str, Any]:
    def yes_no(value: bool | None) -> str:
        return words["not_stated"] if value is None else words["yes" if value else "no"]

    return {
        "t": words,
        "today": today,
        "hours_rows": lambda clinic: hours_rows(clinic, words),
        "stale_days": STALE_DAYS,
        "stale_months": STALE_DAYS // 30,
        "yes_no": yes_no,
    }


def hours_rows(clinic: Clinic, words: Words) -> list[tuple[str, str]]:
    """(day, its hours as text) for each day of the week, Monday first; none without hours."""
    if not clinic.hours:
        return []
    rows = []
    for day in DAYS:
        spans = [
            words["hours_span_overnight" if h.overnight else "hours_span"].format(
                opens=h.opens, closes=h.closes
            )
            for h in clinic.hours
            if day in h.days
        ]
        rows.append((words.days[day], ", ".join(spans) or words["hours_closed"]))
    return rows


# directory.js's sentences, handed to it in the page (data-kg-words): the script has no words.
SCRIPT_TEXT = (
    "script_load_failed",
    "script_zip_invalid",
    "script_finding",
    "script_zip_unknown",
    "script_sorted",
    "script_under_a_mile",
    "script_more_near",
)
SCRIPT_PLURALS = (
    "script_miles",
    "script_shown",
    "script_choose",
    "script_paged",
    "script_more",
    "script_nearest",
)


def script_words(words: Words) -> dict[str, str | dict[str, str]]:
    """{key: sentence} and {key: {"one": ..., "other": ...}} for directory.js."""
    out: dict[str, str | dict[str, str]] = {key: words[key] for key in SCRIPT_TEXT}
    for key in SCRIPT_PLURALS:
        one, other = words.plurals[key]
        out[key] = {"one": one, "other": other}
    return out


LOAD_ALL = 60  # up to this many clinics, the directory's script loads every state at once
PAGE_SIZE = 25  # the directory's script shows this many clinics, then "Show more" for as many
NEAR_MILES = 100  # no listed clinic this close to a reader's ZIP: point to official locators


def states(clinics: list[Clinic], words: Words = EN) -> list[dict[str, Any]]:
    """Each state with clinics: code, name, count."""
    by_state: dict[str, int] = {}
    for clinic in clinics:
        by_state[clinic.address.state] = by_state.get(clinic.address.state, 0) + 1
    return [
        {"code": code, "name": words.states[code], "count": count}
        for code, count in sorted(by_state.items())
    ]


def directory(
    clinics: list[Clinic],
    today: dt.date,
    words: Words = EN,
    shared: str = "../",
    locale: str = "en-US",
) -> str:
    """The directory: filters, a link to each state's list, an empty list the script fills.
    `shared`: the way from the directory's page to the site root that holds the data files
    every language reads (the ZIP index, clinics.json); `locale`: how its script writes
    numbers (editions.py's tag)."""
    return templates.render(
        "directory.html",
        shared=shared,
        locale=locale,
        script_words=script_words(words),
        states=states(clinics, words),
        total=len(clinics),
        load_all=len(clinics) <= LOAD_ALL,
        page_size=PAGE_SIZE,
        list_file=lists.LIST_FILE,
        near_base=f"{lists.FOLDER}/",
        near_index=f"{lists.FOLDER}/{lists.INDEX}",
        near_miles=NEAR_MILES,
        services=[s for s in words.services if any(s in c.services for c in clinics)],
        **_context(today, words),
    )


def state_items(
    code: str, clinics: list[Clinic], today: dt.date, words: Words = EN
) -> list[tuple[Clinic, Markup]]:
    """One state's clinics in the order of its page, each with its entry (list.html's
    clinic_item, escaped by the template), rendered once for the page and for its list file."""
    mine = sorted((c for c in clinics if c.address.state == code), key=_sort_key)
    template = templates.environment().get_template("partials/clinics/list.html")
    item = template.make_module(vars=_context(today, words)).clinic_item  # type: ignore[attr-defined]
    return [(clinic, Markup(item(clinic, "../../").strip())) for clinic in mine]  # noqa: S704


def state_page(code: str, clinics: list[Clinic], today: dt.date, words: Words = EN) -> str:
    """Markdown source (front matter and HTML) for the list of one state's clinics."""
    return _state_page(code, state_items(code, clinics, today, words), words)


def state_files(
    code: str, items: list[tuple[Clinic, Markup]], words: Words = EN
) -> tuple[str, str]:
    """The state's page and its list file (lists.list_json), from its entries (state_items)."""
    return _state_page(code, items, words), lists.list_json(items)


def _state_page(code: str, items: list[tuple[Clinic, Markup]], words: Words) -> str:
    state = {"code": code, "name": words.states[code], "count": len(items)}
    body = templates.render("state.html", state=state, items=[html for _, html in items], t=words)
    # Plain text, as in clinic_page(): the theme prints front matter escaped.
    title = words["state_title"].format(state=state["name"])
    description = words["state_description"].format(state=state["name"])
    return (
        f"---\n# {MARK}\n"
        f"title: {script_safe(title)}\n"
        f"description: {script_safe(description)}\n"
        "generated: true\n"
        "search:\n  exclude: true\n"  # each clinic is found on its own page
        f"---\n\n{body}\n"
    )


def _sort_key(clinic: Clinic) -> tuple[str, str, str]:
    return (clinic.address.state, clinic.address.city.lower(), clinic.name.lower())


def clinic_page(clinic: Clinic, today: dt.date, ld: dict[str, Any], words: Words = EN) -> str:
    """Markdown source (front matter and HTML) for one clinic's own page."""
    # Plain text, as every page's front matter: the theme prints it escaped (pagetext.py). In
    # the source, < > & are written as \u escapes, which YAML reads back as the characters.
    title = clinic.name
    where = f"{clinic.address.city}, {clinic.address.state}"
    description = words["page_description"].format(name=title, where=where)
    body = templates.render("page.html", clinic=clinic, ld=ld, **_context(today, words))
    return (
        f"---\n# {MARK}\n"
        f"title: {script_safe(title)}\n"
        f"description: {script_safe(description)}\n"
        "generated: true\n"
        "search:\n  exclude: false\n"
        f"---\n\n{body}\n"
    )
