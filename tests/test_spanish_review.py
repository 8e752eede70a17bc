"""Review records of Spanish pages: their own first-published and translated dates, their
reviews in the Spanish review log, and no clinical review claimed for a text no clinician read."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.pages.frontmatter import read
from ketaguide.review import byline
from ketaguide.review.status import Project
from tests.conftest import ROOT

PAGE = "practical/faq.md"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the guide in both languages, as the current folder."""
    for name in ("docs", "docs-es", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_spanish_page_s_review_is_in_the_spanish_log(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tree / "docs-es" / PAGE
    assert main(["check", f"docs-es/{PAGE}"]) == 0
    assert "REV007" not in capsys.readouterr().out
    log = tree / "docs-es" / "about" / "review-log.md"
    rows = [line for line in log.read_text().splitlines() if f"(../{PAGE})" not in line]
    log.write_text("\n".join(rows) + "\n")
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("first_published: 2026-12-01\n", ""), encoding="utf-8")
    assert main(["check", f"docs-es/{PAGE}"]) == 1
    out = capsys.readouterr().out
    assert f"docs-es/{PAGE}:1:1: error REV006 first-published first_published is missing" in out
    assert (
        "warning REV007 fact-check-unlogged the Spanish review log (docs-es/about/review-log.md) "
        "has no review of this translation against its English page"
    ) in out


def test_a_broken_spanish_log_row_is_located(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tree / "docs-es" / "about" / "review-log.md"
    log.write_text(log.read_text().replace(f"](../{PAGE})", "](../practical/nowhere.md)", 1))
    assert main(["check", "docs-es/about/review-log.md"]) == 1
    out = capsys.readouterr().out
    assert "docs-es/about/review-log.md:" in out
    assert 'error REV005 review-log-row "../practical/nowhere.md" is not a page of the guide' in out


def test_the_byline_data_of_a_spanish_page(tree: Path) -> None:
    project = Project.load(tree)
    spanish = read(tree / "docs-es" / PAGE)
    assert spanish.page is not None
    assert spanish.front is not None
    facts = byline.context(project, PAGE, spanish.page, spanish.front, dt.date(2026, 12, 2))
    assert facts["language"] == "es"
    assert facts["translation_of"] == PAGE
    assert facts["translated"] == byline.Day.of(spanish.front.translated, "es")  # in Spanish
    assert facts["reviewed"] == byline.Day.of(spanish.front.last_reviewed, "es")
    assert " de " in facts["reviewed"].long
    assert facts["clinical"].state == "pending"  # no clinician has read the Spanish text
    spanish_log = project.history(PAGE, "es")
    assert spanish_log
    assert facts["history"][0][2] == spanish_log[0].changes
    assert spanish_log != project.history(PAGE, "en")
    meta = byline.metadata(project, PAGE, spanish.front, facts["clinical"], "es")
    assert meta == {"lastReviewed": spanish_log[0].day.isoformat()}
