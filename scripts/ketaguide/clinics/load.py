"""Read one clinic file: YAML (guarded, with positions) into the model, every error with a line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from ketaguide import safefile
from ketaguide.clinics import kinds
from ketaguide.clinics.model import Clinic
from ketaguide.findings import Finding
from ketaguide.modelerrors import load_model
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded, load
from ketaguide.yamlrules import MAX_BYTES, decode

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
    """A clinic, with where each value was written. A file that failed the schema gives a partial
    record: only its `parsed` fields are set, so that their checks still run in the same pass."""

    file: Path
    path: str
    clinic: Clinic
    loaded: Loaded
    parsed: frozenset[str] = frozenset(Clinic.model_fields)

    @property
    def complete(self) -> bool:
        return self.parsed == frozenset(Clinic.model_fields)

    def at(self, *key: str | int) -> tuple[int, int]:
        return self.loaded.where(key)


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    info = Clinic.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, info])  # type: ignore[arg-type]


def _partial(file: Path, path: str, raw: bytes, findings: list[Finding]) -> Record | None:
    """The fields that are valid on their own, from a file whose YAML parsed but whose schema
    did not: every finding that can be known comes in one run."""
    if any(f.rule not in (MISSING, INVALID, *kinds.RULES.values()) for f in findings):
        return None  # not YAML, or not a mapping: nothing parsed
    loaded = load(decode(raw))
    data = loaded.data
    if not isinstance(data, dict):
        return None
    good: dict[str, Any] = {}
    for name, info in Clinic.model_fields.items():
        if name not in data:
            if not info.is_required():
                good[name] = info.get_default(call_default_factory=True)
            continue
        try:
            good[name] = _adapter(name).validate_python(data[name])
        except ValidationError:
            continue
    return Record(file, path, Clinic.model_construct(**good), loaded, frozenset(good))


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
        kinds=kinds.RULES,
    )
    if loaded is None:
        return _partial(file, path, raw, findings), findings
    return Record(file, path, *loaded), []
