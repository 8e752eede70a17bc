"""The rules page in the docs (docs/about/writing-rules.md), generated from the rule registry.

`ketaguide rules --write` writes it, and its Spanish counterpart (catalogue_es.py), and
`ketaguide rules --check` fails when either is stale. Its
review dates stay as they are while the rules do not change (and the review is not overdue), so
regenerating an unchanged registry gives the same file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ketaguide.checks import all_rules
from ketaguide.dates import one_year_after
from ketaguide.pages.frontmatter import generated_mark
from ketaguide.rules import RULES_PAGE, Rule

PAGE = Path(RULES_PAGE)
GENERATED = generated_mark("ketaguide rules --write")
GROUPS = {
    "CNT": "Pages",
    "CLN": "Clinic data",
    "YML": "YAML in clinic files and front matter",
    "LNK": "Links",
    "FIL": "Files in docs/, data/ and overrides/",
    "SEC": "Safe pages: front matter, links and HTML",
    "REV": "Review records: reviewers, sign-offs, review log",
    "TRN": "Translations: the Spanish edition",
}
_DATES = re.compile(r"^last_reviewed: (\S+)\nnext_review: (\S+)$", re.M)

INTRO = """\
`ketaguide check` reads every page in `docs/` and every clinic file in `data/clinics/`, and
reports each problem as a finding: the file, line and column, the severity, the rule's id and
name, what it found, and the heading of this page that explains the rule. `ketaguide links`
checks the links of the built site. This page lists every rule, why it exists and how to fix a
finding. It is written from the rules themselves, so it is always complete.

```text
docs/faq.md:42:17: error CNT015 misleading-claim "cures" ...; see docs/about/writing-rules.md#cnt015
```

An **error** stops the site from being published; a **warning** does not, unless the check runs
with `--strict`. To make a reasoned exception for one line, end the line above it with
`<!-- ketaguide: disable-next-line RULE-ID the reason -->`; the reason is required, and
`ketaguide check --stats` lists every exception.

Spanish pages (`docs-es/`) are read by the same rules, in Spanish: the reading level is the
Szigriszt-Pazos index on the INFLESZ scale (made for Spanish texts for patients; higher is
easier), misleading claims and crisis words are Spanish words, and shared statements come from
`docs-es/_shared/`. A rule marked "English pages only" does not read them. The TRN rules compare
each Spanish page with its English page. The Spanish introduction is at
`docs-es/about/writing-rules.md`.
"""


def _escape(text: str) -> str:
    """Markdown-safe text: angle brackets outside `code` become entities."""
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(
        p if p.startswith("`") else p.replace("<", "&lt;").replace(">", "&gt;") for p in parts
    )


def _entry(r: Rule, lang: str = "") -> list[str]:
    """A rule's section; with `lang`, each heading and paragraph says it is in that language
    (attr_list), for a page in another language."""
    mark = f'\n{{: lang="{lang}" }}' if lang else ""
    lines = [
        f"### {r.id} {r.name} {{#{r.anchor}{f' lang={lang}' if lang else ''}}}",
        "",
        f"**{r.severity}**: {_escape(r.summary)}{mark}",
        "",
    ]
    if r.why:
        lines += [f"**Why:** {_escape(r.why)}{mark}", ""]
    if r.fix:
        lines += [f"**Fix:** {_escape(r.fix)}{mark}", ""]
    if tuple(r.languages) == ("en",):
        lines += [f"**Pages:** English pages only (`docs/`).{mark}", ""]
    return lines


def sections(groups: dict[str, str], lang: str = "") -> list[str]:
    """Every rule, one section per id prefix, headed by the group's name in `groups`; with
    `lang`, the rules' text (in English) is marked as that language on a page in another."""
    body: list[str] = []
    rules = all_rules()
    for prefix in sorted({r.id[:3] for r in rules}, key=lambda p: (p not in groups, p)):
        body += [f"## {groups.get(prefix, prefix)} ({prefix})", ""]
        for r in rules:
            if r.id.startswith(prefix):
                body += _entry(r, lang)
    return body


def front_matter(
    title: str, description: str, last_reviewed: dt.date, next_review: dt.date, *more: str
) -> list[str]:
    """A rules page's front matter (the generated mark first), with `more` lines at its end."""
    return [
        "---",
        f"# {GENERATED}",
        f"title: {title}",
        f"description: {description}",
        f"last_reviewed: {last_reviewed.isoformat()}",
        f"next_review: {next_review.isoformat()}",
        "page_type: reference",
        "generated: true",
        *more,
        "---",
    ]


def page_text(front: list[str], heading: str, intro: str, body: list[str]) -> str:
    return "\n".join([*front, "", f"# {heading}", "", intro, *body]).rstrip("\n") + "\n"


def render(last_reviewed: dt.date, next_review: dt.date) -> str:
    front = front_matter(
        "Writing rules and what each finding means",
        "Every rule that ketaguide check applies to the guide's pages, clinic data and links, "
        "why it exists and how to fix a finding.",
        last_reviewed,
        next_review,
    )
    return page_text(front, "Writing rules", INTRO, sections(GROUPS))


Render = Callable[[dt.date, dt.date], str]  # the page's text for its two review dates


def read_dates(text: str) -> tuple[dt.date, dt.date] | None:
    match = _DATES.search(text)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2))
    except ValueError:
        return None


def fresh(page: Path, render: Render) -> bool:
    """Whether the page is exactly what `render` gives with the page's own review dates."""
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    dates = read_dates(text)
    return dates is not None and text == render(*dates)


def rewrite(today: dt.date, page: Path, render: Render) -> bool:
    """Write the page; dates move to today only when its text would change or review is
    overdue. Whether it was written."""
    old = page.read_text(encoding="utf-8") if page.is_file() else ""
    dates = read_dates(old)
    if dates and fresh(page, render) and dates[1] >= today:
        return False
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(render(today, one_year_after(today)), encoding="utf-8")
    return True


def is_fresh(page: Path = PAGE) -> bool:
    """Whether the page is exactly what the registry gives, with its own review dates."""
    return fresh(page, render)


def write(today: dt.date, page: Path = PAGE) -> bool:
    """Write the page; dates move to today only when the rules changed or review is overdue."""
    return rewrite(today, page, render)
