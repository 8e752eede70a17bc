"""Review records: reviewers validated with located findings; a clinical sign-off is bound to the
text it vouches for, in the byline, the page metadata, `review status` and `ketaguide check`."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ketaguide.cli import main
from ketaguide.pages import shared
from ketaguide.pages.frontmatter import parse
from ketaguide.pages.page import Page
from ketaguide.review import reviewers, settings
from ketaguide.review.status import Project, is_medical
from tests.conftest import ROOT, Build, see

TODAY = dt.date.today()
REVIEWER = """\
- id: test-reviewer
  name: Test Reviewer
  credentials: MD (test fixture, not a real person)
  role: Reviews pages in this test
  conflicts: none declared
"""
PAGE = "safety/evidence.md"


def test_a_reviewer_with_a_bad_field_gives_a_located_finding(tmp_path: Path) -> None:
    file = tmp_path / "reviewers.yml"
    bad = REVIEWER.replace("conflicts: none declared", "conflicts: <b>none</b>")
    file.write_text(bad + "- id: Bad Id\n  name: X Y\n", encoding="utf-8")
    people, findings = reviewers.read(file)
    assert people == {}
    shown = sorted((f.line, f.col, f.rule.id, f.message) for f in findings)
    assert shown[0][:3] == (5, 14, "REV002")
    assert 'holds the markup character "<" at character 1' in shown[0][3]
    assert any(f[:3] == (6, 7, "REV002") and '"id" "Bad Id"' in f[3] for f in shown)
    assert any(f[2] == "REV001" and '"credentials" is missing' in f[3] for f in shown)


def test_the_shipped_reviewer_and_sign_off_files_are_empty_and_valid() -> None:
    people, findings = reviewers.read(ROOT / reviewers.FILE)
    assert (people, findings) == ({}, [])


def test_a_repeated_reviewer_id_is_reported_where_it_repeats(tmp_path: Path) -> None:
    file = tmp_path / "reviewers.yml"
    file.write_text(REVIEWER + REVIEWER, encoding="utf-8")
    _, findings = reviewers.read(file)
    assert [(f.line, f.rule.id) for f in findings] == [(6, "REV002")]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the guide with one test reviewer, as the current folder."""
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "scripts").symlink_to(ROOT / "scripts")
    (tmp_path / "data" / "reviewers.yml").write_text(REVIEWER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(tree: Path) -> BeautifulSoup:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tree / "site")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (tree / "site" / "safety" / "evidence" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def _byline(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one(".kg-byline__made").get_text().split())


def _ld(soup: BeautifulSoup) -> dict[str, object]:
    found = soup.find("script", type="application/ld+json")
    assert found is not None
    data: dict[str, object] = json.loads(found.string or "")
    return data


def _status(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["review", "status"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(f"docs/{PAGE} "))
    return " ".join(line.split())


@pytest.mark.build
def test_a_sign_off_holds_until_one_word_changes(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "never reviewed" in _status(capsys)
    assert main(["review", "sign", f"docs/{PAGE}", "--reviewer", "test-reviewer"]) == 0
    assert f"signed and current: Test Reviewer, MD (test fixture, not a real person), {TODAY}" in (
        _status(capsys)
    )
    soup = _build(tree)
    assert "Clinical review: Test Reviewer, MD (test fixture, not a real person), " in _byline(soup)
    assert _ld(soup)["reviewedBy"] == {
        "@type": "Person",
        "name": "Test Reviewer",
        "honorificSuffix": "MD (test fixture, not a real person)",
    }
    assert main(["check", "docs", "data"]) == 0

    page = tree / "docs" / PAGE
    text = page.read_text(encoding="utf-8")
    rewrapped = text.replace("## ", "\n\n##  ", 1).replace("\n\n", "\n\n\n")  # whitespace only
    page.write_text(rewrapped, encoding="utf-8")
    assert "signed and current" in _status(capsys)

    body_start = text.index("\n# ")
    changed = text[:body_start] + text[body_start:].replace(" the ", " a ", 1)
    page.write_text(changed, encoding="utf-8")
    assert "changed since sign-off" in _status(capsys)
    soup = _build(tree)
    day = f"{TODAY:%B} {TODAY.day}, {TODAY.year}"
    assert f"Changed since clinical review on {day}; re-review pending." in _byline(soup)
    assert "Test Reviewer" not in _byline(soup)
    assert "reviewedBy" not in _ld(soup)
    capsys.readouterr()
    assert main(["check", "docs", "data"]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    assert f"docs/{PAGE}:" in out
    assert "warning REV008 clinical-review-outdated" in out
    assert main(["check", "--strict", "docs", "data"]) == 1


def test_signing_needs_a_known_reviewer_and_a_page_with_health_information(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "sign", f"docs/{PAGE}", "--reviewer", "nobody"]) == 1
    assert 'no reviewer "nobody"' in capsys.readouterr().err
    assert main(["review", "sign", "docs/about/privacy.md", "--reviewer", "test-reviewer"]) == 1
    assert "needs no clinical review" in capsys.readouterr().err
    later = (TODAY + dt.timedelta(days=1)).isoformat()
    args = ["review", "sign", f"docs/{PAGE}", "--reviewer", "test-reviewer", "--date", later]
    assert main(args) == 1
    assert (tree / "data" / "clinical-reviews.yml").read_text(encoding="utf-8").endswith("[]\n")


def test_a_hand_written_sign_off_for_an_unknown_reviewer_is_a_located_error(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signoffs = tree / "data" / "clinical-reviews.yml"
    signoffs.write_text(
        f"- page: {PAGE}\n  reviewer: someone-else\n  date: 2026-11-30\n"
        f"  body_sha256: {'0' * 64}\n",
        encoding="utf-8",
    )
    assert main(["check", "data"]) == 1
    assert (
        'data/clinical-reviews.yml:2:13: error REV004 sign-off-invalid reviewer "someone-else" is '
        "not in data/reviewers.yml"
    ) in capsys.readouterr().out


def test_review_records_on_pages_are_checked(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tree / "docs" / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("first_published: 2026-11-22\n", ""), encoding="utf-8")
    log = tree / "docs" / "about" / "review-log.md"
    rows = log.read_text(encoding="utf-8").replace(
        "| 2026-11-22 | [Glossary]", "| 2026-11-31 | [Glossary]"
    )
    rows = rows.replace("](../safety/evidence.md)", "](../safety/nowhere.md)")
    log.write_text(rows.replace("| 28 |", "| many |", 1), encoding="utf-8")
    assert main(["check", "docs"]) == 1
    out = capsys.readouterr().out
    assert f"docs/{PAGE}:1:1: error REV006 first-published first_published is missing" in out
    assert (
        f"docs/{PAGE}:8:1: warning REV007 fact-check-unlogged the review log has no fact check "
        "of this page; its byline says so"
    ) in out
    assert 'error REV005 review-log-row "2026-11-31" is not a date like 2026-12-01' in out
    assert 'error REV005 review-log-row "../safety/nowhere.md" is not a page of the guide' in out
    assert 'error REV005 review-log-row "many" is not a count of claims checked, like 12' in out


@pytest.mark.build
def test_every_page_with_health_information_states_ai_drafting_and_review_status(
    site: Path,
) -> None:
    project = Project.load(ROOT)
    checked = 0
    for file in sorted(f for f in (ROOT / "docs").rglob("*.md") if not shared.is_shared(f)):
        page = Page.read(file, file.read_text(encoding="utf-8"))
        parsed, _ = parse(page, str(file))
        assert parsed is not None
        front = parsed[0]
        rel = file.relative_to(ROOT / "docs").with_suffix("")
        clinical = project.clinical(file.relative_to(ROOT / "docs").as_posix(), page, front)
        parts = rel.parts[:-1] if rel.name == "index" else rel.parts
        out = site.joinpath(*parts, "index.html")
        byline = " ".join(
            BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
            .select_one(".kg-byline__made")
            .get_text()
            .split()
        )
        assert byline.startswith("Written by the editorial team with AI drafting tools."), rel
        if is_medical(front):
            checked += 1
            log = project.history(file.relative_to(ROOT / "docs").as_posix())
            day = log[0].day if log else None
            assert (
                f"Facts checked against the cited sources by a separate AI reviewer on "
                f"{day:%B} {day.day}, {day.year}."
                if day
                else "Its facts have not yet been checked by a separate reviewer."
            ) in byline, rel
            expected = {
                "pending": "Clinical review: pending.",
                "changed": "; re-review pending.",
                "current": f"of interest: {getattr(clinical.reviewer, 'conflicts', '')}).",
            }
            assert byline.endswith(expected[clinical.state]), rel
        else:
            assert byline.endswith("Clinical review: not applicable to this page."), rel
    assert checked >= 13


@pytest.mark.build
def test_the_build_says_when_no_way_to_report_without_github_is_set(build: Build) -> None:
    configured = "report_error: null" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert (settings.NO_REPORT_ADDRESS in build.log) is not configured


def test_disclosure_values_are_strict() -> None:
    good = {"publisher": "An independent project.", "funding": "No funding at all."}
    assert settings.from_extra({"guide": good}).report_href is None
    with_mail = settings.from_extra({"guide": {**good, "report_error": "fix@example.org"}})
    assert with_mail.report_href == "mailto:fix@example.org"
    for bad in (
        {},
        {"guide": {"publisher": "x"}},
        {"guide": {**good, "report_error": "javascript:x"}},
        {"guide": {**good, "sponsor": "A drug maker"}},
    ):
        with pytest.raises(settings.SettingsError):
            settings.from_extra(bad)


def test_a_change_to_an_included_shared_statement_invalidates_the_sign_off(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert '--8<-- "karma-dep-2.md"' in (tree / "docs" / PAGE).read_text(encoding="utf-8")
    assert main(["review", "sign", f"docs/{PAGE}", "--reviewer", "test-reviewer"]) == 0
    assert "signed and current" in _status(capsys)
    statement = tree / "docs" / "_shared" / "karma-dep-2.md"
    text = statement.read_text(encoding="utf-8")
    statement.write_text(text.replace("65 adults", "66 adults", 1), encoding="utf-8")
    assert "changed since sign-off" in _status(capsys)


def test_the_reviewer_schema_is_generated_fresh() -> None:
    from ketaguide.review import schema

    assert schema.is_fresh(ROOT / schema.SCHEMA_PATH), "run `ketaguide schema --write`"
    items = json.loads(schema.render())["items"]
    assert set(items["required"]) == {"id", "name", "credentials", "role", "conflicts"}
    assert items["additionalProperties"] is False


def test_printing_keeps_the_footer_line_with_988() -> None:
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    printing = css[css.index("@media print") :]
    hidden = [rule.split("{")[0] for rule in printing.split("}") if "display: none" in rule]
    assert hidden, "the print rules hide the site's chrome"
    assert not [selector for selector in hidden if ".kg-disclaimer" in selector]


def test_a_named_reviewer_file_is_checked_as_reviewers_not_as_a_clinic(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tree / "data" / "reviewers.yml"
    file.write_text(REVIEWER.replace("  role: Reviews pages in this test\n", ""), encoding="utf-8")
    assert main(["check", "data/reviewers.yml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        see(line)
        for line in [
            'data/reviewers.yml:1:3: error REV001 reviewer-field-missing entry 1: "role" is missing'
        ]
    ]
