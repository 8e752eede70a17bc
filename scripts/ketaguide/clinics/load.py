"""Read one clinic file: YAML (guarded, with positions) into the model, every error with a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ketaguide.clinics.model import Clinic
from ketaguide.findings import Finding
from ketaguide.modelerrors import findings_from
from ketaguide.paths import shown
from ketaguide.rules import REGISTRY, rule
from ketaguide.yamlload import Loaded, YamlProblem, decode, load

MISSING = rule(
    "CLN001",
    "clinic-field-missing",
    "error",
    "A clinic file lacks a required field.",
    why="A listing without an address, phone or verification date cannot be trusted or used.",
    fix="Copy the field from templates/clinic.yml and fill it in.",
)
INVALID = rule(
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
        loaded = load(decode(file.read_bytes()))
    except YamlProblem as problem:
        found = Finding(path, problem.line, problem.col, REGISTRY[problem.rule_id], problem.message)
        return None, [found]
    if not isinstance(loaded.data, dict):
        return None, [Finding(path, 1, 1, INVALID, "a clinic file must be a mapping of fields")]
    try:
        clinic = Clinic.model_validate(loaded.data)
    except ValidationError as err:
        return None, list(findings_from(err, Clinic, loaded, path, MISSING, INVALID))
    return Record(file, path, clinic, loaded), []
