"""Findings never carry terminal control sequences to the screen (issue 12, finding 9).

A hostile value such as ESC ] 0 ; PWNED BEL ESC [ 2 J retitles and clears a terminal when
printed raw. Text and github output show it escaped; JSON keeps it exact (json escapes it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.findings import Finding, format_github, format_text, printable
from ketaguide.rules import Rule

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
SHOWN = "\\x1b]0;PWNED\\x07\\x1b[2J"
RULE = Rule("TST001", "test-rule", "error", "A test rule.")


def test_printable_escapes_control_bidi_and_invisible_characters() -> None:
    assert printable(HOSTILE) == SHOWN
    assert printable("a\u202eb\u200bc\u2028d\U000e0041") == "a\\u202eb\\u200bc\\u2028d\\U000e0041"
    assert printable("tab\there\r\n") == "tab\\x09here\\x0d\\x0a"
    assert printable("Clínica \u0665 ok") == "Clínica \u0665 ok"  # printable: kept as is


def test_text_and_github_formats_escape_message_and_path() -> None:
    found = Finding(f"docs/{HOSTILE}.md", 2, 8, RULE, f'unknown field "{HOSTILE}"')
    text = format_text(found)
    assert text == (
        f'docs/{SHOWN}.md:2:8: error TST001 test-rule unknown field "{SHOWN}"; '
        "see docs/about/writing-rules.md#tst001"
    )
    github = format_github(found)
    assert not {"\x1b", "\x07"} & set(github)
    assert github.endswith(f'::unknown field "{SHOWN}"; see docs/about/writing-rules.md#tst001')


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "hostile.md"
    page.write_text(
        "---\n"
        'title: "A page"\n'
        'description: "A description that is long enough for the rule."\n'
        "last_reviewed: 2026-11-01\n"
        "next_review: 2027-05-01\n"
        '"\\e]0;PWNED\\a\\e[2J": 1\n'
        "---\n\n# A page\n\nText.\n",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_output_has_no_control_characters(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--today", "2026-11-22", "--format", fmt, str(_page(tmp_path))])
    out = capsys.readouterr()
    assert code == 1
    assert SHOWN in out.out
    assert not any(c in out.out + out.err for c in "\x1b\x07")


def test_json_output_keeps_the_value_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--today", "2026-11-22", "--format", "json", str(_page(tmp_path))])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1
    assert any(HOSTILE in row["message"] for row in rows)
