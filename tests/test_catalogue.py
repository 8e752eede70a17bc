"""The rules page is generated from the registry and CI fails when it is stale."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ketaguide import catalogue
from ketaguide.checks import all_rules
from ketaguide.cli import main
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 22)


def test_the_rules_page_in_the_docs_is_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["rules", "--check"]) == 0, "run `ketaguide rules --write`"


def test_the_page_lists_every_rule_with_why_and_fix(tmp_path: Path) -> None:
    page = tmp_path / "rules.md"
    catalogue.write(TODAY, page)
    text = page.read_text(encoding="utf-8")
    assert text.splitlines()[1] == f"# {catalogue.GENERATED}"
    for r in all_rules():
        assert f"### {r.id} {r.name} {{#{r.id.lower()}}}\n\n**{r.severity}**: " in text
    assert {r.id[:3] for r in all_rules()} >= {"CNT", "LNK", "YML"}
    assert "**Why:** Readers deciding on a costly" in text
    assert "data/clinics/&lt;id&gt;.yml" in text or "<id>" not in text  # markup escaped


def test_check_fails_when_stale_and_write_keeps_dates_when_unchanged(tmp_path: Path) -> None:
    page = tmp_path / "rules.md"
    assert not catalogue.is_fresh(page)
    assert catalogue.write(TODAY, page)
    assert catalogue.is_fresh(page)
    first = page.read_text(encoding="utf-8")
    assert not catalogue.write(TODAY + dt.timedelta(days=30), page)  # unchanged: dates stay
    assert page.read_text(encoding="utf-8") == first
    page.write_text(first.replace("**Why:**", "**Reason:**", 1), encoding="utf-8")
    assert not catalogue.is_fresh(page)
    assert catalogue.write(TODAY + dt.timedelta(days=30), page)
    assert "last_reviewed: 2026-12-22" in page.read_text(encoding="utf-8")


def test_an_overdue_page_gets_new_dates(tmp_path: Path) -> None:
    page = tmp_path / "rules.md"
    catalogue.write(TODAY, page)
    assert catalogue.write(TODAY + dt.timedelta(days=400), page)
    assert "next_review: 2028-12-27" in page.read_text(encoding="utf-8")


def test_the_rules_command_lists_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(all_rules())
    assert "CNT015 misleading-claim error: " in "\n".join(out)


def test_every_finding_line_names_its_rules_heading_and_the_heading_exists() -> None:
    """`--format text` ends each line with `; see docs/about/writing-rules.md#<id>`: that file is
    the rules page, and each rule's anchor is a heading on it (MkDocs checks it in the build)."""
    page = (ROOT / catalogue.PAGE).read_text(encoding="utf-8")
    for r in all_rules():
        path, anchor = r.see.split("#")
        assert path == catalogue.PAGE.as_posix()
        assert f"### {r.id} {r.name} {{#{anchor}}}" in page
