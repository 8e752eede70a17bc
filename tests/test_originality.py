"""Originality: the shipped hashes match ../shared, and copied runs are found."""

from __future__ import annotations

import pytest

from ketaguide.cli import main
from ketaguide.content import originality
from tests.conftest import ROOT

SHARED = ROOT.parent / "shared"


def test_runs_ignore_case_punctuation_and_markdown() -> None:
    a = originality.runs(
        "Chronic pain, it **turns out**, lasts [more](https://x.example) than three months."
    )
    b = originality.runs("chronic pain it turns out lasts more than three months")
    assert a == b
    assert len(a) == 3  # 10 words: three 8-word runs
    assert originality.runs("only seven words are in this one") == set()


def test_the_hash_file_says_it_is_generated() -> None:
    text = originality.runs_path().read_text(encoding="utf-8")
    assert text.splitlines()[0] == originality.HEADER
    assert len(text.splitlines()) > 1000


def test_the_hash_file_is_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is not beside the repository, so the seed pages cannot be read")
    monkeypatch.chdir(ROOT)
    assert main(["originality", "--check", "--shared", str(SHARED)]) == 0, (
        "run `ketaguide originality --update`"
    )


def test_originality_without_shared_is_a_usage_error(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["originality", "--check", "--shared", str(tmp_path)]) == 2
    assert "no seed pages" in capsys.readouterr().err
