"""A clinic's spoken languages, on its page and in the directory, in the reader's language,
when its file names them; and the directory's ZIP form, which the script checks itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ketaguide.clinics.load import read
from ketaguide.clinics.model import Clinic
from ketaguide.publish import build, render
from ketaguide.publish.words import EN, ES, Words
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 22)
VALID = FIXTURES / "clinics" / "valid"


def _clinic(name: str) -> Clinic:
    record, problems = read(VALID / name)
    assert problems == []
    assert record is not None
    return record.clinic


def _said(html: str, label: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [p.get_text() for p in soup.find_all("p") if p.get_text().startswith(label + ":")]


@pytest.mark.parametrize(
    ("words", "line"),
    [
        (EN, "Languages spoken: English, Spanish"),
        (ES, "Idiomas que se hablan: inglés, español"),
    ],
)
def test_the_languages_a_clinic_names_are_on_its_page_and_in_the_directory(
    words: Words, line: str
) -> None:
    clinic = _clinic("example-clinic.yml")  # languages: [en, es]
    label = words["languages"]
    assert _said(render.clinic_page(clinic, TODAY, {}, words), label) == [line]
    # The directory shows the lists of the state pages (directory.js fetches them).
    state = render.state_page(clinic.address.state, [clinic], TODAY, words)
    assert _said(state, label) == [line]


def test_a_clinic_that_names_no_languages_shows_none() -> None:
    clinic = _clinic("minimal-clinic.yml")  # no languages: the model's default is no fact
    assert clinic.languages == ["en"]
    for words in (EN, ES):
        assert _said(render.clinic_page(clinic, TODAY, {}, words), words["languages"]) == []


def test_an_unknown_language_code_is_a_located_finding(tmp_path: Path) -> None:
    text = (VALID / "example-clinic.yml").read_text(encoding="utf-8")
    assert "languages: [en, es]" in text
    bad = tmp_path / "example-clinic.yml"
    bad.write_text(text.replace("languages: [en, es]", "languages: [en, xx]"), encoding="utf-8")
    _, problems = read(bad)
    assert [(p.rule.id, p.line) for p in problems] == [
        ("CLN002", text[: text.index("languages:")].count("\n") + 1)
    ]
    assert '"xx" is not a language code' in problems[0].message


@pytest.mark.parametrize("words", [EN, ES], ids=["en", "es"])
def test_the_zip_form_is_checked_by_the_script_not_the_browser(words: Words) -> None:
    html = BeautifulSoup(
        build.directory([_clinic("example-clinic.yml")], TODAY, words), "html.parser"
    )
    form = html.select_one("form[data-kg-filters]")
    assert form is not None
    assert form.has_attr("novalidate")
    assert html.select_one("#kg-zip")["pattern"] == "[0-9]{5}"  # still says what is expected
