"""`ketaguide clinic from-issue`: an issue form's answers -> a clinic file in the project's format.

The body is data, never code: each answer becomes a YAML scalar written by `scalar()` (double
quoted, every control or invisible character escaped), so no answer can add a key, a line or
a tag. What cannot be read becomes a finding with the issue body's line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, get_args

from ketaguide.clinics import issueform, zips
from ketaguide.clinics.issueform import Answer
from ketaguide.clinics.model import Day
from ketaguide.findings import Finding
from ketaguide.rules import Rule

ISSUE = Rule(
    "CLN014",
    "issue-form",
    "error",
    "An issue's clinic form cannot be turned into a clinic file as it is.",
    why="A form answer that is missing, in the wrong shape or too large would make a wrong or "
    "unsafe clinic file.",
    fix="Edit the issue so that each answer follows its question's help text, then run the "
    "command again.",
)
MAX_BODY = 64 * 1024
_DAYS = get_args(Day)  # the model's own day codes
_SPAN = re.compile(r"^(\d{1,2}:\d\d)\s*[-\u2013]\s*(\d{1,2}:\d\d)(\s+overnight)?$")
ORDER = [  # the keys in the order of the project's clinic files
    *("id", "name", "address", "geo", "phone", "website", "email", "hours", "hours_note"),
    *("services", "telehealth", "wheelchair_accessible", "accepting_new_patients", "payment"),
    *("languages", "last_verified", "verified_by", "source"),
]


def scalar(value: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `value`."""
    out = []
    for char in json.dumps(value, ensure_ascii=False)[1:-1]:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") and char not in '\\"':
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def slug(*parts: str) -> str:
    text = unicodedata.normalize("NFKD", " ".join(parts)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > 60:
            break
        out = f"{out}-{word}" if out else word
    return out or "clinic"


class Reader:
    def __init__(self, path: str, answers: dict[str, Answer]) -> None:
        self.path, self.answers = path, answers
        self.findings: list[Finding] = []

    def problem(self, answer: Answer | None, message: str) -> None:
        self.findings.append(Finding(self.path, answer.line if answer else 1, 1, ISSUE, message))

    def text(self, key: str, one_line: bool = True) -> str | None:
        answer = self.answers.get(key)
        if answer is None:
            return None
        if one_line and "\n" in answer.value:
            self.problem(answer, f'"{answer.question.label}" must be one line')
            return answer.value.replace("\n", " ")
        return answer.value

    def choice(self, key: str) -> bool | str | None:
        value = self.text(key)
        return {"yes": True, "no": False, "not stated": None}.get(value or "not stated", value)

    def boxes(self, key: str) -> list[str]:
        value = self.text(key, one_line=False)
        return value.splitlines() if value else []

    def hours(self) -> list[str]:
        out = []
        answer = self.answers.get("hours")
        for n, line in enumerate(self.boxes("hours")):
            words = line.replace(",", " ").split()
            days = [w for w in words if w in _DAYS]
            span = _SPAN.match(" ".join(w for w in words if w not in _DAYS))
            if not days or span is None:
                where = Answer(answer.question, "", answer.line + n) if answer else None
                self.problem(where, f'hours line "{line[:60]}" is not like "Mo Tu 09:00-17:00"')
                continue
            opens, closes = (t.zfill(5) for t in span.group(1, 2))
            night = ", overnight: true" if span.group(3) else ""
            out.append(
                f"  - {{days: [{', '.join(days)}], opens: {scalar(opens)}, "
                f"closes: {scalar(closes)}{night}}}"
            )
        return out


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def _bool(value: bool | str | None) -> str:
    return {True: "true", False: "false", None: "null"}.get(value, scalar(str(value)))  # type: ignore[arg-type]


def build(
    path: str, body: str, kept: tuple[dict[str, Answer], str] = ({}, "")
) -> tuple[str | None, str | None, list[Finding]]:
    """(clinic id, the clinic file's text, findings about the issue body). `kept`: the answers
    and source of the clinic being corrected, for each question the issue leaves empty."""
    if len(body.encode("utf-8", "replace")) > MAX_BODY:
        finding = Finding(path, 1, 1, ISSUE, f"the issue body is larger than {MAX_BODY:,} bytes")
        return None, None, [finding]
    answers, problems = issueform.parse(body)
    answers = {**kept[0], **answers}
    read = Reader(path, answers)
    read.findings += [Finding(path, line, 1, ISSUE, message) for line, message in problems]
    for q in (issueform.CORRECT_ID, *issueform.FIELDS):
        kept_source = kept[1] and q.id in issueform.SOURCES  # the earlier source stays
        if q.required and q.id not in answers and q.id != "id" and not kept_source:
            read.problem(None, f'"{q.label}" is not answered')
    name, city = read.text("name") or "", read.text("address.city") or ""
    clinic_id = read.text("id") or slug(name, city)
    sources = [
        f"{q.label.removeprefix('Where did you find the ').rstrip('?').capitalize()}: {v}"
        for q in issueform.FIELDS
        if q.id in issueform.SOURCES and (v := read.text(q.id))
    ]
    fields: dict[str, Any] = {
        "id": scalar(clinic_id),
        "name": scalar(name),
        "address": "\n".join(
            f"  {k}: {scalar(read.text(f'address.{k}') or '')}"
            for k in ("street", "city", "state", "zip")
        ),
        "phone": scalar(read.text("phone") or ""),
        "services": _flow(read.boxes("services")),
        "telehealth": _bool(read.choice("telehealth")),
        "languages": _flow([w for w in re.split(r"[\s,]+", read.text("languages") or "en") if w]),
        "last_verified": scalar(read.text("last_verified") or ""),
        "verified_by": scalar(read.text("verified_by") or ""),
        "source": scalar(" ".join(f"{s.rstrip('.')}." for s in [*sources, kept[1]] if s)),
    }
    fields["geo"] = _geo(read)
    for key in ("website", "email", "hours_note"):
        if (value := read.text(key)) is not None:
            fields[key] = scalar(value)
    for key in ("wheelchair_accessible", "accepting_new_patients"):
        if key in answers:
            fields[key] = _bool(read.choice(key))
    if hours := read.hours():
        fields["hours"] = "\n".join(hours)
    if payment := read.boxes("payment"):
        fields["payment"] = _flow(payment)
    lines = [
        "# yaml-language-server: $schema=../../schemas/clinic.schema.json",
        "# from a GitHub issue (ketaguide clinic from-issue): check every detail before merging",
    ]
    for key in ORDER:
        if key in fields:
            value = fields[key]
            block = key in ("address", "geo", "hours")
            lines.append(f"{key}:\n{value}" if block else f"{key}: {value}")
    return clinic_id, "\n".join(lines) + "\n", read.findings


def _geo(read: Reader) -> str:
    lat, lon = read.text("geo.lat"), read.text("geo.lon")
    if lat and lon:
        return f"  lat: {scalar(lat)}\n  lon: {scalar(lon)}\n  precision: address"
    center = zips.lookup(read.text("address.zip") or "")
    if center is None:
        return '  lat: ""\n  lon: ""\n  precision: zip # no coordinates, and no known ZIP code'
    return f"  lat: {center.lat}\n  lon: {center.lon}\n  precision: zip # the ZIP code's center"
