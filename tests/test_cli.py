"""`ketaguide check` prints exact findings and exits 0, 1 or 2 as documented."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ketaguide.cli import main
from tests.conftest import FIXTURES, ROOT, see

ARTICLES = FIXTURES / "articles"
TODAY = "2026-11-22"  # fixtures only: the real docs/ and data/ are checked on the real date
REVIEW_TAIL = (
    "; re-check every fact on the page against its cited source, then set last_reviewed to "
    "that day and next_review within 12 months"
)

# Each invalid fixture and the exact finding lines it must produce.
EXPECTED = {
    "alias.md": ["2:8: error YML002 yaml-feature anchor &t is not allowed"],
    "bad-date.md": [
        '4:16: error CNT002 front-matter-invalid "last_reviewed" "2026-02-30": Input should be a '
        "valid date or datetime, day value is outside expected range"
    ],
    "broken-yaml.md": [
        "6:1: error YML001 yaml-syntax found unexpected end of stream while scanning a quoted "
        "scalar that starts at line 2, column 8"
    ],
    "duplicate-key.md": ['6:1: error YML003 duplicate-key key "title" on line 6 repeats line 2'],
    "missing-description.md": ['2:1: error CNT001 front-matter-missing "description" is missing'],
    "next-before-last.md": [
        "5:14: error CNT003 review-dates next_review 2026-10-01 is not after last_reviewed "
        "2026-11-01",
        "5:14: warning CNT004 review-overdue review was due on 2026-10-01" + REVIEW_TAIL,
    ],
    "no-front-matter.md": [
        "1:1: error CNT001 front-matter-missing no front matter; start the file with ---"
    ],
    "not-utf8.md": ["3:37: error YML007 not-utf8 byte 0xe9 is not valid UTF-8"],
    "too-far-apart.md": [
        "5:14: error CNT003 review-dates next_review 2027-03-01 is more than 12 months after "
        "last_reviewed 2026-01-15; use 2027-01-15 or earlier"
    ],
    "unknown-field.md": [
        '2:1: error CNT001 front-matter-missing "next_review" is missing',
        '5:1: error CNT002 front-matter-invalid unknown field "next_reveiw"; did you mean '
        '"next_review"?',
    ],
    "wrong-type.md": [
        '6:9: error CNT002 front-matter-invalid "crisis": Input should be a valid boolean'
    ],
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["check", "--today", TODAY, *args])
    return code, capsys.readouterr().out.splitlines()


def test_every_invalid_fixture_is_listed() -> None:
    assert sorted(p.name for p in (ARTICLES / "invalid").iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_gives_exact_findings(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path = f"tests/fixtures/articles/invalid/{name}"
    code, lines = _run(capsys, path)
    assert lines == [see(f"{path}:{line}") for line in EXPECTED[name]]
    assert code == 1


def test_valid_article_is_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    code, lines = _run(capsys, "tests/fixtures/articles/valid/complete.md")
    assert (code, lines) == (0, [])


def test_overdue_review_warns_and_strict_makes_it_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/articles/valid/overdue.md"
    code, lines = _run(capsys, path)
    assert (code, lines) == (
        0,
        [
            f"{path}:5:14: warning CNT004 review-overdue review was due on 2025-07-10{REVIEW_TAIL}"
            "; see docs/about/writing-rules.md#cnt004"
        ],
    )
    code, lines = _run(capsys, "--strict", path)
    assert code == 1
    assert lines == [
        f"{path}:5:14: error CNT004 review-overdue review was due on 2025-07-10{REVIEW_TAIL}"
        "; see docs/about/writing-rules.md#cnt004"
    ]


def test_github_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/articles/invalid/duplicate-key.md"
    code, lines = _run(capsys, "--format", "github", path)
    assert code == 1
    assert lines == [
        f"::error file={path},line=6,col=1,title=YML003 duplicate-key::"
        'key "title" on line 6 repeats line 2; see docs/about/writing-rules.md#yml003'
    ]


def test_json_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/articles/invalid/missing-description.md"
    code, lines = _run(capsys, "--format", "json", path)
    assert code == 1
    assert json.loads("\n".join(lines)) == [
        {
            "path": path,
            "line": 2,
            "col": 1,
            "severity": "error",
            "rule": "CNT001",
            "name": "front-matter-missing",
            "message": '"description" is missing',
            "see": "docs/about/writing-rules.md#cnt001",
        }
    ]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "no/such/path"]) == 2
    assert "no such file or folder: no/such/path" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--format", "xml"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--today", "yesterday"])
    assert exit_.value.code == 2


def test_the_installed_command_checks_the_real_docs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ketaguide", "check", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
