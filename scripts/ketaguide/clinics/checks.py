"""Clinic files checked each on its own, then across all files: `validate()` for the build (the
clinics and the findings), `check()` for `ketaguide check` (the findings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ketaguide.clinics import ids, phone, pool
from ketaguide.clinics.fields import check_record
from ketaguide.clinics.load import Record, read
from ketaguide.clinics.model import Clinic
from ketaguide.findings import Finding
from ketaguide.paths import expand
from ketaguide.review import reviewers, signoffs
from ketaguide.rules import Rule

IDENTITY = Rule(
    "CLN011",
    "clinic-id",
    "error",
    "A clinic's id must equal its file name (<id>.yml), be unique, and not be a name the site "
    "uses already (index, clinics, or a page under docs/clinics/).",
    why="The id is the clinic page's address; two clinics with one id would overwrite each other.",
    fix="Rename the file or the id so that data/clinics/<id>.yml holds id: <id>.",
)
SHARED_PHONE = Rule(
    "CLN012",
    "shared-phone",
    "warning",
    "Two clinic files list the same phone number.",
    why="Often a copy-paste slip; sometimes two sites of one practice share a line.",
    fix="Check both numbers with the clinics; keep the warning only if they really share it.",
)


def clinic_files(paths: list[Path]) -> Iterator[Path]:
    """YAML files in a folder called clinics (named files are always taken, except the review
    records beside them in data/, which review/checks.py reads)."""
    review_files = {f.name for f in (reviewers.FILE, signoffs.FILE)}
    for file in expand(paths, (".yml", ".yaml")):
        if file.name in review_files and file.parent.name == reviewers.FILE.parent.name:
            continue
        if file in paths or "clinics" in file.parts:
            yield file


@dataclass(frozen=True, slots=True)
class Summary:
    """What the checks across files need from one clinic: small, so workers return it cheaply."""

    file: Path
    path: str
    id: str
    phone: str
    id_at: tuple[int, int]
    phone_at: tuple[int, int]

    @classmethod
    def of(cls, record: Record) -> Summary:
        clinic = record.clinic
        return cls(
            record.file, record.path, clinic.id, clinic.phone, record.at("id"), record.at("phone")
        )


def _read_and_check(file: Path, today: dt.date) -> tuple[Record | None, list[Finding]]:
    record, findings = read(file)
    if record is not None:
        findings += check_record(record, today)
    return record, findings


def _identity(items: list[Summary], taken: dict[str, str]) -> Iterator[Finding]:
    first: dict[str, Summary] = {}
    for item in items:
        if item.id in taken:
            yield Finding(
                item.path,
                *item.id_at,
                IDENTITY,
                f'id "{item.id}" is taken by {taken[item.id]}; its page would replace it: '
                f'choose another (and rename the file), e.g. "{item.id}-<city>"',
            )
        if item.file.suffix != ".yml" or item.file.stem != item.id:
            yield Finding(
                item.path,
                *item.id_at,
                IDENTITY,
                f'id "{item.id}" must match the file name "{item.id}.yml" '
                f'(found "{item.file.name}")',
            )
        if item.id in first:
            yield Finding(
                item.path,
                *item.id_at,
                IDENTITY,
                f'id "{item.id}" is also used by {first[item.id].path}',
            )
        first.setdefault(item.id, item)


def _shared_phones(items: list[Summary]) -> Iterator[Finding]:
    seen: dict[str, Summary] = {}
    for item in items:
        digits = phone.digits(item.phone)
        if digits in seen:
            yield Finding(
                item.path,
                *item.phone_at,
                SHARED_PHONE,
                f'"{item.phone}" is also the number of {seen[digits].path}',
            )
        seen.setdefault(digits, item)


def _across(items: list[Summary], docs: Path) -> list[Finding]:
    return [*_identity(items, ids.reserved(docs)), *_shared_phones(items)]


def _summarize(file: Path, today: dt.date) -> tuple[Summary | None, list[Finding]]:
    """For `ketaguide check`: no clinic to send back from a worker, only what _across() needs."""
    record, findings = _read_and_check(file, today)
    return _summary(record), findings


def _one_file(file: Path, today: dt.date) -> tuple[Clinic | None, Summary | None, list[Finding]]:
    record, findings = _read_and_check(file, today)
    if record is None or not record.complete:
        return None, _summary(record), findings  # a partial record is never built
    return record.clinic, Summary.of(record), findings


def _summary(record: Record | None) -> Summary | None:
    if record is None or not {"id", "phone"} <= record.parsed:
        return None
    return Summary.of(record)


def validate(
    paths: list[Path], today: dt.date, workers: int | None = None, docs: Path = ids.DOCS
) -> tuple[list[Clinic], list[Finding]]:
    """Every clinic that passed the schema, and every finding about all of them (on `workers`
    processes: see pool.py; ids checked against the pages of `docs`)."""
    results = pool.each(_one_file, list(clinic_files(paths)), today, workers).results
    findings = [finding for _, _, found in results for finding in found]
    summaries = [summary for _, summary, _ in results if summary is not None]
    clinics = [clinic for clinic, _, _ in results if clinic is not None]
    return clinics, findings + _across(summaries, docs)


def check(
    paths: list[Path], today: dt.date, workers: int | None = None, docs: Path = ids.DOCS
) -> Iterator[Finding]:
    """The findings of validate(), without sending 10,000 clinics back from the workers."""
    results = pool.each(_summarize, list(clinic_files(paths)), today, workers).results
    for _, found in results:
        yield from found
    yield from _across([item for item, _ in results if item is not None], docs)
