"""The templates: copied as they are, every example value is a located error; filled in as they
show, with today's date, they pass `ketaguide check` on the real date."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.clinics import placeholders as clinic_placeholders
from ketaguide.content import citations
from ketaguide.content import placeholders as page_placeholders
from tests.conftest import FIXTURES, ROOT

CLINIC = ROOT / "templates" / "clinic.yml"
ARTICLE = ROOT / "templates" / "article.md"


def _check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["check", str(path)])
    return code, [line.split(":", 1)[1] for line in capsys.readouterr().out.splitlines()]


def _copy(template: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, dest)
    return dest


def test_the_clinic_template_as_it_is_gives_an_error_on_each_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = _check(capsys, _copy(CLINIC, tmp_path / "clinics" / "clinic-name-city.yml"))
    assert code == 1
    located = [(int(line.split(":")[0]), line.split(" ")[2]) for line in lines]
    expected = {
        "id:": "CLN013",
        "name:": "CLN013",
        "street:": "CLN013",
        "city:": "CLN013",
        "state:": "CLN007",
        "zip:": "CLN007",
        "lat:": "CLN008",
        "phone:": "CLN003",
        "website:": "CLN013",
        "last_verified:": "CLN002",
        "source:": "CLN013",
    }
    wanted = [
        (number, rule)
        for number, line in enumerate(CLINIC.read_text(encoding="utf-8").splitlines(), 1)
        for key, rule in expected.items()
        if line.strip().startswith(key)  # not a comment: those start with #
    ]
    assert located == wanted  # each example, at its line, in one run
    assert len(located) == len(expected)


def test_the_clinic_template_has_no_real_phone_number() -> None:
    phone = re.search(r'^phone: "([^"]+)"', CLINIC.read_text(encoding="utf-8"), re.M)
    assert phone is not None
    assert re.sub(r"\D", "", phone.group(1))[3:6] == "555"  # the fictional 555-01xx range


def test_each_clinic_example_value_is_in_the_template() -> None:
    text = CLINIC.read_text(encoding="utf-8")
    for example in clinic_placeholders.EXAMPLES.values():
        assert example in text
    assert "example.org" in text


def test_the_article_template_as_it_is_gives_an_error_on_each_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = _check(capsys, _copy(ARTICLE, tmp_path / "docs" / "new-article.md"))
    assert code == 1
    text = ARTICLE.read_text(encoding="utf-8")
    for example in page_placeholders.EXAMPLES:
        assert example in text
    flagged = {int(line.split(":")[0]) for line in lines if " CNT030 placeholder " in line}
    lines_with_examples = {
        n
        for n, line in enumerate(text.splitlines(), 1)
        if any(e in line for e in page_placeholders.EXAMPLES)
    }
    assert flagged == lines_with_examples
    assert any(" CNT002 " in line and "last_reviewed" in line for line in lines)
    assert any(" CNT011 footnote-no-link [^example-2018] " in line for line in lines)


def test_the_article_templates_doi_is_not_a_source() -> None:
    footnote = ARTICLE.read_text(encoding="utf-8").split("[^example-2018]: ", 1)[1]
    assert citations.source_key(footnote) is None
    assert citations.source_key("[doi](https://doi.org/10.1001/jama.2018.1)") == (
        "doi:10.1001/jama.2018.1"
    )
    assert citations.source_key("See https://www.example.org/paper") is None


def _fill_clinic(today: dt.date) -> str:
    text = CLINIC.read_text(encoding="utf-8")
    for old, new in {
        "clinic-name-city": "riverside-ketamine-beaverton",
        '"Clinic Name"': '"Riverside Ketamine Clinic"',
        "123 Main Street, Suite 4": "4800 SW Griffith Drive, Suite 100",
        '"City"': '"Beaverton"',
        '"XX"': '"OR"',
        '"00000"': '"97005"',
        "lat: 0.0": "lat: 45.4887",
        "lon: 0.0": "lon: -122.8037",
        "(555) 555-0100": "(503) 644-1000",
        "https://www.example.org/": "https://www.riverside-ketamine-clinic.com/",
        "YYYY-MM-DD": today.isoformat(),
        "How and where you checked each detail, in a sentence or two.": (
            f"Called the front desk on {today} and read back the address, phone and hours."
        ),
    }.items():
        assert old in text
        text = text.replace(old, new)
    return text


def _fill_article(today: dt.date) -> str:
    """The template's front matter filled in, and the body of a complete fixture article."""
    front = ARTICLE.read_text(encoding="utf-8").split("---\n")[1]
    next_review = today.replace(year=today.year + 1) - dt.timedelta(days=1)
    front = front.replace("A title a reader would search for", "What an infusion day is like")
    front = front.replace(
        "One sentence, under 160 characters, that says what this page covers and for whom.",
        "What happens before, during and after a ketamine infusion, for patients and families.",
    )
    front = front.replace("last_reviewed: YYYY-MM-DD", f"last_reviewed: {today}")
    front = front.replace("next_review: YYYY-MM-DD", f"next_review: {next_review}")
    front = front.replace("first_published: YYYY-MM-DD", f"first_published: {today}")
    body = (FIXTURES / "articles" / "valid" / "complete.md").read_text(encoding="utf-8")
    return f"---\n{front}---\n{body.split('---', 2)[2]}"


def test_the_templates_filled_in_with_todays_date_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = dt.date.today()
    clinic = tmp_path / "clinics" / "riverside-ketamine-beaverton.yml"
    clinic.parent.mkdir()
    clinic.write_text(_fill_clinic(today), encoding="utf-8")
    article = tmp_path / "docs" / "infusion-day.md"
    article.parent.mkdir()
    article.write_text(_fill_article(today), encoding="utf-8")
    assert _check(capsys, tmp_path) == (0, [])


def test_a_copy_of_the_guide_with_both_templates_filled_in_today_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer's steps in CONTRIBUTING.md on a copy of the guide, today: the article copied
    from the template into a section and filled in, added to the nav and to the review log; the
    clinic copied into data/clinics/ and filled in. `ketaguide check` on the whole guide then has
    no error and nothing at all about the two new files. (The fresh clone running
    `dev.py test` is the slow version of this, run by hand.)"""
    today = dt.date.today()
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    article = tmp_path / "docs" / "treatment" / "infusion-day.md"
    article.write_text(_fill_article(today), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    entry = "      - treatment/infusion-process.md\n"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            entry, f"{entry}      - treatment/infusion-day.md\n"
        ),
        encoding="utf-8",
    )
    log = tmp_path / "docs" / "about" / "review-log.md"
    head = "| --- | --- | --- | --- |\n"
    row = f"| {today} | [What an infusion day is like](../treatment/infusion-day.md) | 6 | New |\n"
    log.write_text(log.read_text(encoding="utf-8").replace(head, head + row, 1), "utf-8")
    clinic = tmp_path / "data" / "clinics" / "riverside-ketamine-beaverton.yml"
    clinic.write_text(_fill_clinic(today), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "docs", "data"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0, lines
    new = ("docs/treatment/infusion-day.md", "data/clinics/riverside-ketamine-beaverton.yml")
    assert [line for line in lines if line.startswith(new)] == []
