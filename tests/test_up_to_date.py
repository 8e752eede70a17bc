"""The real docs/ and data/ are checked on the real date (fixtures keep a fixed one).

A fact of the calendar turns CI red only when the guide really is out of date: a page past its
next_review, or a clinic verified longer ago than the limit. The failure then lists each file and
exactly what to re-check.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ketaguide import checks
from ketaguide.findings import format_text
from tests.conftest import ROOT

DUE = {"CNT004", "CLN010"}  # review-overdue, verification-stale: the only date-driven limits


def _findings(today: dt.date) -> list[str]:
    return [format_text(f) for f in checks.run([ROOT / "docs", ROOT / "data"], today)]


def _due(lines: list[str]) -> list[str]:
    return [line for line in lines if any(f" {rule} " in line for rule in DUE)]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_the_real_guide_has_no_errors_today() -> None:
    errors = [line for line in _findings(dt.date.today()) if " error " in line]
    assert errors == []


def test_the_real_guide_is_not_out_of_date_today() -> None:
    due = _due(_findings(dt.date.today()))
    assert due == [], "The guide is out of date. Re-check these, then update their dates:\n" + (
        "\n".join(due)
    )


def test_when_it_is_out_of_date_each_file_says_what_to_recheck() -> None:
    later = dt.date.today() + dt.timedelta(days=800)  # past every review and verification limit
    due = _due(_findings(later))
    clinics = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data/clinics").glob("*.yml"))
    assert [line.split(":")[0] for line in due if line.startswith("data/")] == clinics
    assert any(line.startswith("docs/") for line in due)
    for line in due:
        assert "re-check" in line
        assert ("next_review" in line) if " CNT004 " in line else ("last_verified" in line)
