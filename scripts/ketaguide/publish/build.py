"""What the site build needs from the clinic data: validated clinics and generated files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ketaguide import editions
from ketaguide.clinics import ids, zips
from ketaguide.clinics.checks import validate
from ketaguide.clinics.folder import folder
from ketaguide.clinics.model import Clinic
from ketaguide.findings import format_text
from ketaguide.publish import jsonld, lists, opendata, render
from ketaguide.publish.words import EN, Words

# Names under clinics/ that the build writes itself: no clinic id may take one.
GENERATED_NAMES = frozenset(ids.GENERATED)  # refused by `ketaguide check` too (CLN011)


class ClinicDataError(Exception):
    """The clinic data has errors; the message lists every finding."""


@dataclass(frozen=True)
class Generated:
    path: str  # relative to docs_dir
    content: str


def load(project_dir: Path, today: dt.date, docs: Path | None = None) -> list[Clinic]:
    """The same load and checks as `ketaguide check`; any error stops the build."""
    source = folder(project_dir)
    if not source.is_dir():
        raise ClinicDataError(f"{source}: the clinic folder does not exist")
    clinics, findings = validate([source], today, docs=docs or project_dir / "docs")
    errors = [f for f in findings if f.level == "error"]
    if errors:
        raise ClinicDataError("\n".join(format_text(f) for f in errors))
    return sorted(clinics, key=lambda c: c.id)


def shared_root(lang: str) -> str:
    """The way from a language's site root to the site's root, which holds the data files every
    language reads (clinics.json, the ZIP index): the English build writes them once; another
    edition is built into its folder under it (editions.py: es/) and reads them from there."""
    return "../" * editions.of(lang).prefix.count("/")


def generated_files(
    clinics: list[Clinic], today: dt.date, site_url: str, words: Words = EN
) -> list[Generated]:
    """The pages of a build in `words`' language; the data files in the English build only."""
    out = []
    for clinic in clinics:
        url = f"{site_url.rstrip('/')}/clinics/{clinic.id}/" if site_url else ""
        ld = jsonld.json_ld(clinic, url, words)
        page = render.clinic_page(clinic, today, ld, words)
        out.append(Generated(f"clinics/{clinic.id}.md", page))
    taken = sorted(c.id for c in clinics if c.id in GENERATED_NAMES)
    if taken:
        raise ClinicDataError(f"clinic id(s) {', '.join(taken)} are names the build uses")
    entries = []  # each clinic's entry in a list, rendered once for all the lists
    for state in sorted({c.address.state for c in clinics}):
        items = render.state_items(state, clinics, today, words)
        entries += items
        page, listed = render.state_files(state, items, words)
        out.append(Generated(f"clinics/states/{state.lower()}.md", page))
        out.append(Generated(f"clinics/states/{state.lower()}/{lists.LIST_FILE}", listed))
    out += [Generated(f"clinics/{path}", text) for path, text in lists.files(entries).items()]
    if shared_root(words.lang):
        return out  # one clinics.json, one ZIP index: the English build's (shared_root)
    out.append(Generated("clinics/clinics.json", opendata.open_data(clinics, today.isoformat())))
    for prefix, rows in zips.shards().items():
        out.append(Generated(f"assets/zips/{prefix}.json", rows))
    return out


def directory(clinics: list[Clinic], today: dt.date, words: Words = EN) -> str:
    """The directory (docs/clinics/index.md's directive) in `words`' language."""
    shared = "../" + shared_root(words.lang)
    return render.directory(clinics, today, words, shared, editions.of(words.lang).tag)
