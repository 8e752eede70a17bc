"""The writer's preview (`dev.py serve`): every finding of `ketaguide check`, on each rebuild, in
the terminal and in a panel at the top of the page it is about.

Only when KETAGUIDE_PREVIEW=1, which `dev.py serve` alone sets: a normal build has no panel, and
errors stop it as before. In the preview a page with broken front matter is still shown (with a
stand-in title and dates) so that its panel can say what is wrong.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ketaguide.clinics.folder import folder as clinic_folder
from ketaguide.findings import Finding, format_text
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.page import Page
from ketaguide.previewmode import enabled as enabled

if TYPE_CHECKING:
    from ketaguide.clinics.model import Clinic
    from ketaguide.recheck import Rechecker

HOME = "index.md"
DIRECTORY = "clinics/index.md"
RULES_PAGE = "about/writing-rules/"


@cache
def _rechecker() -> Rechecker:
    """One per serve process: each rebuild re-reads only what changed. Imported here, not at
    the top: a plain build imports this module but never runs the checks."""
    from ketaguide.recheck import Rechecker

    return Rechecker()


def collect(docs: Path, project: Path, today: dt.date) -> list[Finding]:
    """Every finding of `ketaguide check` on docs/ and the clinic data, printed in the terminal."""
    roots = [p for p in (docs, clinic_folder(project)) if p.exists()]
    found = sorted(_rechecker().run(docs, roots, today), key=Finding.sort_key)
    errors = sum(f.level == "error" for f in found)
    for finding in found:
        print(format_text(finding), file=sys.stderr)
    summary = f"{errors} error(s), {len(found) - errors} warning(s)"
    where = "; each is also shown at the top of its page" if found else ""
    print(f"ketaguide check: {summary}{where}", file=sys.stderr, flush=True)
    return found


def by_page(found: list[Finding], docs_name: str, pages: set[str]) -> dict[str, list[Finding]]:
    """The findings under the page each is about: an article's own page, a clinic's page (or the
    directory when the clinic is not built), and the home page for anything else."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for finding in found:
        path = finding.path.replace("\\", "/")
        page = HOME
        if path.startswith(f"{docs_name}/") and path[len(docs_name) + 1 :] in pages:
            page = path[len(docs_name) + 1 :]
        elif "/clinics/" in f"/{path}" and path.endswith((".yml", ".yaml")):
            own = f"clinics/{Path(path).stem}.md"
            page = own if own in pages else DIRECTORY
        out[page].append(finding)
    return out


def panel(found: list[Finding], base_url: str) -> str:
    """The preview's panel: escaped text only, each finding with a link to its rule."""
    if not found:
        return ""
    errors = sum(f.level == "error" for f in found)
    items = "".join(
        f"<li><code>{html.escape(format_text(f, see=False))}</code> "
        f'<a href="{html.escape(base_url)}{RULES_PAGE}#{f.rule.anchor}">rule</a></li>'
        for f in found
    )
    return (
        '<div class="kg-preview-findings" role="alert" data-pagefind-ignore>'
        "<style>.kg-preview-findings{border:3px solid #b00020;padding:.6em 1em;margin:0 0 1em;"
        "background:#fff4f4;color:#000}.kg-preview-findings code{white-space:pre-wrap}</style>"
        f"<p><strong>Preview only: ketaguide check found {errors} error(s) and "
        f"{len(found) - errors} warning(s) here.</strong> Fix them before you publish; this box "
        f"is never part of the built site.</p><ul>{items}</ul></div>"
    )


def valid_clinics(project: Path, today: dt.date) -> list[Clinic]:
    """The clinics that pass, for a preview that shows the others' findings (preview only).
    Imported here: a plain build makes its clinic pages beside it (clinicwork.py)."""
    from ketaguide.clinics.checks import validate

    clinics, _ = validate([clinic_folder(project)], today)
    return sorted(clinics, key=lambda c: c.id)


def stand_in(page: Page, today: dt.date) -> FrontMatter:
    """Front matter for showing a page whose own front matter is broken (preview only): its
    title from its heading, today's dates; the panel says what is wrong."""
    heading = next((line[2:].strip() for line in page.body.splitlines() if line[:2] == "# "), "")
    title = heading or Path(page.path).stem
    return FrontMatter.model_construct(
        title=title, description="", last_reviewed=today, next_review=today
    )
