"""Placeholders: the template's example values are errors until a writer replaces them.

The values are those of templates/clinic.yml (a test copies the template and expects a finding
for each). The template's phone number is in the fictional 555-0100 range, which CLN003 refuses,
and its state, ZIP and coordinates are ones the place checks refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ketaguide.clinics.load import Record
from ketaguide.findings import Finding
from ketaguide.rules import Rule

PLACEHOLDER = Rule(
    "CLN013",
    "placeholder",
    "error",
    "A field still holds the template's example value, or an example.org-style address.",
    why="An example left in would publish a clinic, street or web address that does not exist.",
    fix="Replace the example with the clinic's real details, from the source named in `source`.",
)

# The template's example text, by field (compared as written, ignoring case and outer spaces).
EXAMPLES: dict[tuple[str, ...], str] = {
    ("id",): "clinic-name-city",
    ("name",): "Clinic Name",
    ("address", "street"): "123 Main Street, Suite 4",
    ("address", "city"): "City",
    ("hours_note",): "By appointment only (an example)",
    ("source",): "How and where you checked each detail, in a sentence or two.",
}
# Domains reserved for examples and tests (RFC 2606, RFC 6761): never a clinic's address.
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_TLDS = ("example", "test", "invalid")


def _value(data: Any, key: tuple[str, ...]) -> Any:
    for part in key:
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # e.g. "https://[": the website check reports it
        return ""


def reserved(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host.rsplit(".", 1)[-1] in RESERVED_TLDS or any(
        host == d or host.endswith(f".{d}") for d in RESERVED_DOMAINS
    )


def check(record: Record) -> Iterator[Finding]:
    data = record.loaded.data
    for key, example in EXAMPLES.items():
        value = _value(data, key)
        if isinstance(value, str) and value.strip().casefold() == example.casefold():
            yield Finding(
                record.path,
                *record.at(*key),
                PLACEHOLDER,
                f'"{".".join(key)}" is still the template\'s example "{example}"; '
                "replace it with the clinic's own",
            )
    for field, host in (
        ("website", _host(str(_value(data, ("website",)) or ""))),
        ("email", str(_value(data, ("email",)) or "").rpartition("@")[2]),
    ):
        if host and reserved(host):
            yield Finding(
                record.path,
                *record.at(field),
                PLACEHOLDER,
                f'"{field}" uses the example domain "{host}"; give the clinic\'s own address',
            )
