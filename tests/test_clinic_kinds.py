"""Field kinds: every string field of the clinic model has one, and each refuses what it must."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from ketaguide.clinics import kinds
from ketaguide.clinics.model import Clinic
from tests.conftest import FIXTURES

VALID: dict[str, Any] = yaml.safe_load(
    (FIXTURES / "clinics" / "valid" / "example-clinic.yml").read_text(encoding="utf-8")
)
VALID = {**VALID, "email": "info@example-clinic.org", "hours_note": "Closed on holidays."}


def _string_paths(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _string_paths(value, (*path, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _string_paths(value, (*path, n))
    elif isinstance(data, str):
        yield path


def _with(data: Any, path: tuple[str | int, ...], value: str) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _with(data[path[0]], path[1:], value)  # type: ignore[index]
    return copy


def _errors(data: dict[str, Any]) -> list[str]:
    try:
        Clinic.model_validate(data)
    except ValidationError as err:
        return [e["type"] for e in err.errors()]
    return []


def test_the_valid_clinic_holds_a_value_in_every_string_field() -> None:
    assert _errors(VALID) == []
    strings = {path[0] for path in _string_paths(VALID)}
    fields = {n for n, f in Clinic.model_fields.items() if "str" in str(f.annotation)}
    assert fields <= strings | {"languages"}, "give the fixture a value for every string field"


@pytest.mark.parametrize("char", ["<", "\u202e", "\u200b", "\u0007", "\u2060", "\u3164"])
def test_no_string_field_takes_markup_or_invisible_characters(char: str) -> None:
    """Whatever its kind, a string field refuses these: a new field cannot escape the rule."""
    escaped = [
        path
        for path in _string_paths(VALID)
        if not _errors(_with(VALID, path, _value_at(VALID, path)[:3] + char))
    ]
    assert escaped == []


def _value_at(data: Any, path: tuple[str | int, ...]) -> str:
    for part in path:
        data = data[part]
    return str(data)


PLAIN = ["name", ("address", "street"), ("address", "city"), "hours_note", "source", "website"]


@pytest.mark.parametrize(
    "char",
    [
        "<",
        ">",
        "\u0000",
        "\u001b",
        "\u007f",
        "\u200b",
        "\u200e",
        "\u202e",
        "\u2066",
        "\u061c",
        "\u2060",
        "\u00ad",
        "\ufeff",
        "\u2028",
        "\u2029",
        "\ue000",  # private use
        "\U000e0041",  # tag character
        "\u3164",
        "\u115f",
        "\u1160",
        "\uffa0",
    ],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_plain_text_refuses_each_kind_of_character(char: str) -> None:
    for field in PLAIN:
        path = (field,) if isinstance(field, str) else field
        value = _value_at(VALID, path)
        at = len(value) - 2  # inside the text (for the website: in its path)
        found = _errors(_with(VALID, path, value[:at] + char + value[at:]))
        # A website with a separator is already refused as an address that holds spaces.
        assert found == ["CLN005"] or (field, found) == ("website", ["CLN004"]), field


def test_plain_lines_take_a_line_break_where_a_name_does_not() -> None:
    assert _errors({**VALID, "source": "Called the clinic.\nRead back every detail."}) == []
    assert _errors({**VALID, "name": "Example\nClinic"}) == ["CLN005"]


@pytest.mark.parametrize(
    "address", ["info@example-clinic.org", "first.last+intake@mail.example-clinic.org"]
)
def test_a_plain_email_address_passes(address: str) -> None:
    assert _errors({**VALID, "email": address}) == []


@pytest.mark.parametrize(
    "address",
    [
        "info?bcc=x%40evil.example&body=hi@example.org",
        "info%40evil.example@example.org",
        "Front Desk <info@example.org>",
        "mailto:info@example.org",
        "info@example.org?subject=x",
        "inf\u00f6@example.org",
    ],
)
def test_an_email_with_a_query_name_or_escape_is_refused(address: str) -> None:
    assert _errors({**VALID, "email": address}) in (["CLN004"], ["CLN005"])


@pytest.mark.parametrize(
    "number",
    ["(503) 828-9265", "503-828-9265", "503.828.9265", "+1 503 828 9265", "1-503-828-9265"],
)
def test_a_us_number_written_the_usual_ways_passes(number: str) -> None:
    assert _errors({**VALID, "phone": number}) == []


@pytest.mark.parametrize(
    "number",
    [
        "<script>alert(1)</script>(503) 828-9265",
        "(\u0665\u0660\u0663) 828-9265",
        "(503) 828-9265 ext 2",
        "call (503) 828-9265",
        "50-38-28-92-65",
        "(503) 828-9265\u202e",
        "\uff08503\uff09828-9265",  # fullwidth brackets
    ],
)
def test_a_phone_with_anything_but_one_us_number_is_refused(number: str) -> None:
    assert _errors({**VALID, "phone": number}) == ["CLN003"]


@pytest.mark.parametrize("time", ["\u0660\u0669:\u0660\u0660", "09:\u0660\u0660", "\uff19:00"])
def test_hours_take_ascii_digits_only(time: str) -> None:
    hours = [{**VALID["hours"][0], "opens": time}]
    assert _errors({**VALID, "hours": hours}) == ["string_pattern_mismatch"]


def test_the_state_list_is_the_json_schemas() -> None:
    schema = Clinic.model_json_schema()
    assert schema["$defs"]["Address"]["properties"]["state"]["enum"] == list(kinds.USPS_STATES)
    assert _errors({**VALID, "address": {**VALID["address"], "state": "XX"}}) == []  # place.py


def test_every_kind_error_is_a_rule_of_the_registry() -> None:
    from ketaguide.checks import RULES

    assert all(RULES[rule_id] is rule for rule_id, rule in kinds.RULES.items())
    assert issubclass(Clinic, BaseModel)
