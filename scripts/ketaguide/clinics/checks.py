"""`check(paths, today)` for clinic files: each file on its own, then across all files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ketaguide.clinics import phone
from ketaguide.clinics.fields import check_record
from ketaguide.clinics.load import Record, read
from ketaguide.findings import Finding
from ketaguide.paths import expand
from ketaguide.rules import rule

IDENTITY = rule(
    "CLN011",
    "clinic-id",
    "error",
    "A clinic's id must equal its file name (<id>.yml) and be unique.",
    why="The id is the clinic page's address; two clinics with one id would overwrite each other.",
    fix="Rename the file or the id so that data/clinics/<id>.yml holds id: <id>.",
)
SHARED_PHONE = rule(
    "CLN012",
    "shared-phone",
    "warning",
    "Two clinic files list the same phone number.",
    why="Often a copy-paste slip; sometimes two sites of one practice share a line.",
    fix="Check both numbers with the clinics; keep the warning only if they really share it.",
)


def clinic_files(paths: list[Path]) -> Iterator[Path]:
    """YAML files in a folder called clinics (named files are always taken)."""
    for file in expand(paths, (".yml", ".yaml")):
        if file in paths or "clinics" in file.parts:
            yield file


def load_all(paths: list[Path]) -> tuple[list[Record], list[Finding]]:
    records: list[Record] = []
    findings: list[Finding] = []
    for file in clinic_files(paths):
        record, problems = read(file)
        findings += problems
        if record is not None:
            records.append(record)
    return records, findings


def _identity(records: list[Record]) -> Iterator[Finding]:
    first: dict[str, Record] = {}
    for record in records:
        where = record.at("id")
        if record.file.suffix != ".yml" or record.file.stem != record.clinic.id:
            yield Finding(
                record.path,
                *where,
                IDENTITY,
                f'id "{record.clinic.id}" must match the file name '
                f'"{record.clinic.id}.yml" (found "{record.file.name}")',
            )
        if record.clinic.id in first:
            yield Finding(
                record.path,
                *where,
                IDENTITY,
                f'id "{record.clinic.id}" is also used by {first[record.clinic.id].path}',
            )
        first.setdefault(record.clinic.id, record)


def _shared_phones(records: list[Record]) -> Iterator[Finding]:
    seen: dict[str, Record] = {}
    for record in records:
        digits = phone.digits(record.clinic.phone)
        if digits in seen:
            yield Finding(
                record.path,
                *record.at("phone"),
                SHARED_PHONE,
                f'"{record.clinic.phone}" is also the number of {seen[digits].path}',
            )
        seen.setdefault(digits, record)


def validate(paths: list[Path], today: dt.date) -> tuple[list[Record], list[Finding]]:
    """Every clinic that passed the schema, and every finding about all of them."""
    records, findings = load_all(paths)
    for record in records:
        findings += check_record(record, today)
    findings += _identity(records)
    findings += _shared_phones(records)
    return records, findings


def check(paths: list[Path], today: dt.date) -> Iterator[Finding]:
    yield from validate(paths, today)[1]
