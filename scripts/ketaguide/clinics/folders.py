"""A YAML file in data/ that nothing reads is a finding, not a silent skip: clinic files are read
only from a folder named exactly `clinics` (checks.clinic_files), so data/Clinics/ or
data/clinic/ would leave every clinic in it out of the checks and the directory."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ketaguide.findings import Finding
from ketaguide.paths import expand, shown
from ketaguide.review import reviewers, signoffs
from ketaguide.rules import Rule

FOLDER = Rule(
    "CLN015",
    "clinic-folder",
    "error",
    "A clinic file is in `data/clinics/` (that exact name); no other YAML file sits in `data/`.",
    why="Clinic files anywhere else are read by nothing: the clinic would be missing from the "
    "directory with no error.",
    fix="Move the file to `data/clinics/<id>.yml`; rename a folder such as `data/Clinics/` to "
    "`data/clinics/`.",
)
_NEAR = re.compile(r"[_-]*clinics?[_-]*", re.I)  # Clinics, clinic, CLINICS, _clinics
DATA = reviewers.FILE.parent.name
RECORDS = {reviewers.FILE.name, signoffs.FILE.name}  # the review records beside the clinics


def unread(file: Path, given: list[Path]) -> str | None:
    """Why a YAML file under the checked folders is read by nothing (None: it is read)."""
    if file in given or "clinics" in file.parts:
        return None
    near = next((part for part in file.parts[:-1] if _NEAR.fullmatch(part)), None)
    if near is not None:
        return f'the folder "{near}" is not read: clinic files go in a folder named "clinics"'
    if file.parent.name == DATA and file.name not in RECORDS:
        return f"no tool reads a YAML file directly in {DATA}/: a clinic file goes in clinics/"
    return None


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for file in expand(paths, (".yml", ".yaml")):
        why = unread(file, paths)
        if why:
            yield Finding(shown(file), None, None, FOLDER, why)
