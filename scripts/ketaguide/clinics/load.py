"""Read one clinic file: YAML (guarded, with positions) into the model, every error with a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ketaguide import safefile
from ketaguide.clinics.model import Clinic
from ketaguide.findings import Finding
from ketaguide.modelerrors import load_model
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlload import MAX_BYTES, Loaded

MISSING = Rule(
    "CLN001",
    "clinic-field-missing",
    "error",
    "A clinic file lacks a required field.",
    why="A listing without an address, phone or verification date cannot be trusted or used.",
    fix="Copy the field from templates/clinic.yml and fill it in.",
)
INVALID = Rule(
    "CLN002",
    "clinic-field-invalid",
    "error",
    "A clinic field has the wrong type or format, or is not a known field.",
    why="The directory shows exactly what the file says; a wrong type shows wrong details.",
    fix="Follow templates/clinic.yml and schemas/clinic.schema.json; quote times and ZIPs.",
)


@dataclass(frozen=True)
class Record:
    """A clinic that passed the schema, with where each value was written."""

    file: Path
    path: str
    clinic: Clinic
    loaded: Loaded

    def at(self, *key: str | int) -> tuple[int, int]:
        return self.loaded.where(key)


def read(file: Path) -> tuple[Record | None, list[Finding]]:
    path = shown(file)
    try:
        raw = safefile.read_bytes(file, MAX_BYTES)
    except safefile.FileProblem as problem:
        return None, [problem.finding(path)]
    loaded, findings = load_model(
        Clinic,
        raw,
        path,
        MISSING,
        INVALID,
        not_mapping="a clinic file must be a mapping of fields",
    )
    if loaded is None:
        return None, findings
    return Record(file, path, *loaded), []
