"""`ketaguide clinic from-issue --update`: a correction keeps every value its form leaves empty.

The clinic file as it is becomes the answers a complete form would give; the issue's own answers
replace them one question at a time, and the whole goes through the same reading as a new
clinic. `source` keeps the clinic's earlier source after the sources the correction gives.
Coordinates are kept only when they were the clinic's own (precision: address); a ZIP code's
center is worked out again from the ZIP code.
"""

from __future__ import annotations

from typing import Any

from ketaguide.clinics.issueform import FIELDS, Answer, Question

_QUESTIONS: dict[str, Question] = {q.id: q for q in FIELDS}
_CHOICE: dict[Any, str] = {True: "yes", False: "no"}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _hours(value: Any) -> str | None:
    if not isinstance(value, list):
        return None
    lines = []
    for span in value:
        if not isinstance(span, dict) or not isinstance(span.get("days"), list):
            return None
        night = " overnight" if span.get("overnight") is True else ""
        days = " ".join(str(d) for d in span["days"])
        lines.append(f"{days} {span.get('opens')}-{span.get('closes')}{night}")
    return "\n".join(lines) or None


def _values(data: dict[str, Any]) -> dict[str, str | None]:
    address: dict[str, Any] = _mapping(data.get("address"))
    geo: dict[str, Any] = _mapping(data.get("geo"))
    own_geo = geo.get("precision") == "address"
    lists = {
        key: "\n".join(map(str, data[key])) if isinstance(data.get(key), list) else None
        for key in ("services", "payment")
    }
    languages = data.get("languages")
    return {
        **{f"address.{k}": _text(address.get(k)) for k in ("street", "city", "state", "zip")},
        **{f"geo.{k}": _text(geo.get(k)) if own_geo else None for k in ("lat", "lon")},
        **{k: _text(data.get(k)) for k in ("name", "phone", "website", "email", "hours_note")},
        **{k: _text(data.get(k)) for k in ("last_verified", "verified_by")},
        **{
            k: _CHOICE.get(data.get(k), "not stated") if k in data else None
            for k in ("telehealth", "wheelchair_accessible", "accepting_new_patients")
        },
        **lists,
        "hours": _hours(data.get("hours")),
        "languages": ", ".join(map(str, languages)) if isinstance(languages, list) else None,
    }


def kept(data: Any) -> tuple[dict[str, Answer], str]:
    """The answers a complete form would give for the clinic `data` (its file, as loaded), and
    its source. Each kept answer points at line 1 of the issue: it was not written there."""
    if not isinstance(data, dict):
        return {}, ""
    answers = {
        qid: Answer(_QUESTIONS[qid], value, 1)
        for qid, value in _values(data).items()
        if value is not None and qid in _QUESTIONS
    }
    return answers, _text(data.get("source")) or ""
