"""Clinic ids the site already uses: a clinic page is clinics/<id>/, so such an id would replace
a hand-written page (docs/clinics/) or a generated file with its own."""

from __future__ import annotations

from pathlib import Path

from ketaguide.paths import shown

DOCS = Path("docs")  # as `ketaguide check` is run: from the project's folder
PAGES = "clinics"  # the folder of docs/ that holds the directory and gets each clinic's page
# What the build writes into clinics/ besides the clinic pages (publish/build.py; a test holds
# the two together), by the id each would take.
GENERATED = {
    "index": "the clinic directory (clinics/index.html)",
    "clinics": "the open data file (clinics/clinics.json)",
    "states": "the state pages (clinics/states/)",
    "near": "the lists by ZIP code the directory reads (clinics/near/)",
}


def reserved(docs: Path = DOCS) -> dict[str, str]:
    """Each id taken, and what takes it: the generated files and every file or folder that
    docs/clinics/ holds (by its name without extensions)."""
    taken = dict(GENERATED)
    folder = docs / PAGES
    if folder.is_dir():
        for entry in sorted(folder.iterdir()):
            taken[entry.name.split(".", 1)[0]] = shown(entry)
    return taken
