"""The guarded YAML loader keeps values as written and refuses YAML's traps."""

from __future__ import annotations

import pytest

from ketaguide.yamlload import load
from ketaguide.yamlrules import YamlProblem, decode


def test_values_stay_as_written() -> None:
    data = load('zip: 07030\ntime: "09:00"\nstate: NO\nlat: 45.5\nok: true\nnone: null\n').data
    assert data == {
        "zip": "07030",
        "time": "09:00",
        "state": "NO",
        "lat": "45.5",
        "ok": True,
        "none": None,
    }


def test_positions_are_one_based_and_offset() -> None:
    loaded = load("a: 1\nb:\n  - x\n  - y\n", line_offset=1)
    assert loaded.values[("b", 1)] == (5, 5)
    assert loaded.keys[("b",)] == (3, 1)
    assert loaded.where(("b", 9)) == (4, 3)


@pytest.mark.parametrize(
    ("text", "rule", "line", "col", "message"),
    [
        ("a: &x 1\nb: *x\n", "YML002", 1, 4, "anchor &x is not allowed"),
        (
            "a: !!python/object x\n",
            "YML002",
            1,
            4,
            "tag tag:yaml.org,2002:python/object is not allowed",
        ),
        ("a: !custom x\n", "YML002", 1, 4, "tag !custom is not allowed"),
        ("a: 1\n---\nb: 2\n", "YML002", 2, 1, "a second YAML document is not allowed"),
        ("base: {a: 1}\n<<: {b: 2}\n", "YML002", 2, 1, "merge key << is not allowed"),
        ("a: 1\nb: 2\na: 3\n", "YML003", 3, 1, 'key "a" on line 3 repeats line 1'),
        ("opens: 9:00\n", "YML004", 1, 8, 'time 9:00 must be quoted: write "09:00"'),
        ("a: [[[[[[[1]]]]]]]\n", "YML005", 1, 9, "nesting is deeper than 6 levels"),
        ("a: b: c\n", "YML001", 1, 5, "mapping values are not allowed in this context"),
        ("a: \x07\n", "YML001", 1, 4, "character U+0007 is not allowed in YAML"),
    ],
)
def test_traps_are_refused(text: str, rule: str, line: int, col: int, message: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        load(text)
    assert (caught.value.rule_id, caught.value.line, caught.value.col) == (rule, line, col)
    assert caught.value.message == message


def test_decode_refuses_large_files_and_bad_bytes() -> None:
    with pytest.raises(YamlProblem) as caught:
        decode(b"x" * 65537)
    assert caught.value.rule_id == "YML006"
    with pytest.raises(YamlProblem) as caught:
        decode(b"a: ok\nb: caf\xe9\n")
    assert (caught.value.rule_id, caught.value.line, caught.value.col) == ("YML007", 2, 7)
