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


def _empty_article(line: int, words: int = 0) -> list[str]:
    """What the body rules find on a fixture's one-heading body, judged as an article (the front
    matter is broken, so its page type is the default): they run in the same run."""
    return [
        f"{line}:1: error CNT012 too-few-sources the page cites 0 distinct source(s); an article "
        "needs at least 6",
        f"{line}:1: warning CNT021 article-too-short the body has {words} words; an article has "
        "at least 400",
    ]


# Each invalid fixture and the exact finding lines it must produce.
EXPECTED = {
    "alias.md": ["2:8: error YML002 yaml-feature anchor &t is not allowed", *_empty_article(7)],
    "bad-date.md": [
        '4:16: error CNT002 front-matter-invalid "last_reviewed" "2026-02-30": Input should be a '
        "valid date or datetime, day value is outside expected range",
        "5:14: warning CNT004 review-overdue review was due on 2026-08-01" + REVIEW_TAIL,
        *_empty_article(7),
    ],
    "broken-yaml.md": [
        "6:1: error YML001 yaml-syntax found unexpected end of stream while scanning a quoted "
        "scalar that starts at line 2, column 8",
        *_empty_article(7),
    ],
    "duplicate-key.md": [
        '6:1: error YML003 duplicate-key key "title" on line 6 repeats line 2',
        *_empty_article(8),
    ],
    "every-problem-in-one-run.md": [
        '2:1: error CNT001 front-matter-missing "description" is missing',
        '3:1: error CNT002 front-matter-invalid unknown field "descripton"; did you mean '
        '"description"?',
        '3:1: error CNT020 spelling "descripton" may be a misspelling of description',
        "4:16: error CNT003 review-dates last_reviewed 2027-01-01 is in the future",
        *_empty_article(7, words=8),
        '10:10: error CNT015 misleading-claim "cures": no trial shows ketamine cures depression '
        'or chronic pain; instead: say what trials measured: "eased symptoms", "reached '
        'remission"',
        '10:16: error CNT018 crisis-help the page mentions "depression"; set crisis: true',
    ],
    "missing-description.md": [
        '2:1: error CNT001 front-matter-missing "description" is missing',
        *_empty_article(6),
    ],
    "next-before-last.md": [
        "5:14: error CNT003 review-dates next_review 2026-10-01 is not after last_reviewed "
        "2026-11-01",
        "5:14: warning CNT004 review-overdue review was due on 2026-10-01" + REVIEW_TAIL,
    ],
    "no-front-matter.md": [
        "1:1: error CNT001 front-matter-missing no front matter; start the file with ---",
        *_empty_article(1, words=1),
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
        *_empty_article(7),
    ],
    "wrong-type.md": [
        '6:9: error CNT002 front-matter-invalid "crisis": Input should be a valid boolean',
        *_empty_article(8),
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


def test_invalid_front_matter_does_not_hide_the_body_rules(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One run: the front-matter errors, the review date that is valid on its own, and the rules
    on the body (sources, length, claims, crisis help), judged as the article it would be."""
    monkeypatch.chdir(ROOT)
    _, lines = _run(capsys, "tests/fixtures/articles/invalid/every-problem-in-one-run.md")
    rules = {line.split(" ")[2] for line in lines}
    assert {"CNT001", "CNT002"} <= rules  # the front matter
    assert {"CNT003", "CNT012", "CNT015", "CNT018", "CNT021"} <= rules  # what it does not hide


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
    assert lines[0:1] == [  # then the body rules' findings
        f"::error file={path},line=6,col=1,title=YML003 duplicate-key::"
        'key "title" on line 6 repeats line 2; see docs/about/writing-rules.md#yml003'
    ]


def test_json_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/articles/invalid/missing-description.md"
    code, lines = _run(capsys, "--format", "json", path)
    assert code == 1
    assert json.loads("\n".join(lines))[0:1] == [  # then the body rules' findings
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
