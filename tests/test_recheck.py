"""The preview's re-check after a save finds exactly what `ketaguide check` finds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ketaguide import checks
from ketaguide.findings import Finding
from ketaguide.recheck import Rechecker
from tests.conftest import ROOT
from tests.spanish import bilingual


def _same(recheck: Rechecker, docs: Path, roots: list[Path], today: dt.date) -> list[Finding]:
    again = sorted(recheck.run(docs, roots, today), key=Finding.sort_key)
    assert again == sorted(checks.run(roots, today), key=Finding.sort_key)
    return again


def test_each_save_gives_what_a_full_check_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A few pages, the shared statements and the glossary: enough, and quick to check 6 times.
    keep = ("understanding/chronic-pain.md", "about/disclaimer.md", "practical/glossary.md")
    shutil.copytree(ROOT / "docs" / "_shared", tmp_path / "docs" / "_shared")
    for name in keep:
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / name, tmp_path / "docs" / name)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    docs, today = Path("docs"), dt.date.today()
    roots = [docs, Path("data")]
    recheck = Rechecker()
    before = _same(recheck, docs, roots, today)
    page = docs / "understanding" / "chronic-pain.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n## ", "\nKetamine cures pain; teh end.\n\n## ", 1), "utf-8")
    added = set(_same(recheck, docs, roots, today)) - set(before)
    assert sorted(f.rule.id for f in added) == ["CNT015", "CNT020"]
    page.write_text(text, encoding="utf-8")
    assert _same(recheck, docs, roots, today) == before
    shared = next((docs / "_shared").glob("*.md"))  # a shared statement: every page again
    shared.write_text(shared.read_text(encoding="utf-8") + "\nIt is a miracle.\n", "utf-8")
    _same(recheck, docs, roots, today)
    assert _same(recheck, docs, roots, today + dt.timedelta(days=800))  # the date: all again


def test_the_preview_locates_a_finding_after_an_include_on_its_file_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "docs" / "_shared", tmp_path / "docs" / "_shared")
    page = tmp_path / "docs" / "page.md"
    text = (ROOT / "tests" / "fixtures" / "spanish" / "english.md").read_text(encoding="utf-8")
    head, _, body = text.partition("\n# ")
    page.write_text(f'{head}\n# {body}\n--8<-- "driving.md"\n\nTeh end.\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    docs, today = Path("docs"), dt.date(2026, 11, 22)
    found = _same(Rechecker(), docs, [docs], today)
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert [(f.path, f.line) for f in found if f.rule.id == "CNT020"] == [("docs/page.md", line)]


def test_a_spanish_finding_follows_a_change_to_the_english_page_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crisis = ROOT / "tests" / "fixtures" / "rules-es" / "CNT018"
    english = (crisis / "english.md").read_text(encoding="utf-8")
    line = "If you are thinking about ending your life, call or text 988 in the US, any time.\n"
    quiet = english.replace(line, "")  # the English page without the 988 line
    assert quiet != english
    spanish = (crisis / "invalid.md").read_text(encoding="utf-8")
    bilingual(tmp_path, spanish, quiet)
    monkeypatch.chdir(tmp_path)
    docs, roots, today = Path("docs-es"), [Path("docs-es")], dt.date(2026, 11, 22)
    recheck = Rechecker()
    before = _same(recheck, docs, roots, today)
    assert "CNT018" not in {f.rule.id for f in before if f.line == 11}
    (tmp_path / "docs" / "page.md").write_text(english, encoding="utf-8")  # now gives 988
    after = _same(recheck, docs, roots, today)
    assert "CNT018" in {f.rule.id for f in after if f.line == 11}
