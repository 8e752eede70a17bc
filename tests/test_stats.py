"""`ketaguide check --stats`: each page's grade and sources, and every suppression."""

from __future__ import annotations

import pytest

from ketaguide.cli import main
from tests.conftest import ROOT


def test_stats_show_pages_and_suppressions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    paths = ["tests/fixtures/articles/valid/complete.md", "tests/fixtures/rules/CNT016"]
    code = main(["check", "--stats", "--today", "2026-11-22", *paths])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[-9:] == [
        "page                                         type        words  grade  sources",
        "tests/fixtures/articles/valid/complete.md    article       424    3.6        6",
        "tests/fixtures/rules/CNT016/invalid.md       reference       6      -        0",
        "tests/fixtures/rules/CNT016/valid.md         reference       7      -        0",
        "4 suppression(s)",
        "tests/fixtures/rules/CNT016/invalid.md:11:1: CNT015 invalid: give the reason after the "
        "rule id",
        "tests/fixtures/rules/CNT016/invalid.md:14:1: CNT999 invalid: no rule has the id CNT999",
        "tests/fixtures/rules/CNT016/invalid.md:17:1: - invalid: write "
        '"disable-next-line", not "disabel-next-line"',
        "tests/fixtures/rules/CNT016/valid.md:11:1: CNT015 quoted: the words of an advert we "
        "warn about",
    ]


def test_stats_with_json_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--stats", "--format", "json", "docs"]) == 2
    assert "--stats prints text" in capsys.readouterr().err
