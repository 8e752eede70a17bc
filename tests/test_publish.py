"""Clinic pages come from templates: words in one place per language, labels for every value."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from typing import get_args

import pytest
from markupsafe import Markup

from ketaguide.clinics.load import read
from ketaguide.clinics.model import Clinic, Day, Payment, Service, Verification
from ketaguide.clinics.verified import STALE_DAYS
from ketaguide.publish import jsonld, render, templates
from ketaguide.publish.words import EN, ES, LANGUAGES, Words, plural_form
from tests.conftest import FIXTURES, ROOT

PARTIALS = ROOT / "overrides" / "partials" / "clinics"
PUBLISH = ROOT / "scripts" / "ketaguide" / "publish"


def _clinic(**changes: object) -> Clinic:
    record, _ = read(FIXTURES / "clinics" / "valid" / "example-clinic.yml")
    assert record is not None
    return record.clinic.model_copy(update=changes)


@pytest.mark.parametrize("words", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_every_value_of_the_model_has_a_label(words: Words) -> None:
    assert list(words.services) == list(get_args(Service))
    assert list(words.verified_by) == list(get_args(Verification))
    assert list(words.payment) == list(get_args(Payment))
    assert list(words.days) == list(get_args(Day))
    assert set(words.text) == set(EN.text)
    assert set(words.plurals) == set(EN.plurals)
    assert list(words.states) == list(EN.states)
    labels = [*words.services.values(), *words.payment.values(), *words.days.values()]
    assert all(label.strip() == label and label for label in labels)
    assert list(jsonld.SCHEMA_DAYS) == list(get_args(Day))  # ids, not labels: the same always


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


@pytest.mark.parametrize("words", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_each_sentence_has_the_same_placeholders_in_every_language(words: Words) -> None:
    for key, text in words.text.items():
        assert _placeholders(text) == _placeholders(EN.text[key]), key
    for key, forms in words.plurals.items():
        for form, english in zip(forms, EN.plurals[key], strict=True):
            assert "count" in _placeholders(form), key  # the number that picks the form
            assert _placeholders(form) == _placeholders(english), key


def test_a_count_of_one_takes_the_singular_in_both_languages() -> None:
    assert [plural_form(n) for n in (0, 1, 2, 21, 101)] == [1, 0, 1, 1, 1]
    assert EN.plural("count", 1) == "{count} clinic listed."
    assert EN.plural("count", 3) == "{count} clinics listed."
    assert ES.plural("script_miles", 1).startswith("A aproximadamente {count} milla ")
    assert ES.plural("script_miles", 3).startswith("A unas {count} millas ")
    assert EN.plural("script_miles", 1).startswith("About {count} mile ")


def test_the_templates_use_exactly_the_words_there_are() -> None:
    sources = [f.read_text() for f in PARTIALS.glob("*.html")]
    used = {m for text in sources for m in re.findall(r"\bt\.(\w+)\b(?!\()", text)}
    used -= {"services", "verified_by", "payment", "days", "lang"}  # labels, not text
    plural = {m for text in sources for m in re.findall(r"\bt\.plural\(\"(\w+)\"", text)}
    in_python = {
        node.value
        for f in PUBLISH.glob("*.py")
        for node in ast.walk(ast.parse(f.read_text()))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert used <= set(EN.text)
    assert plural <= set(EN.plurals)
    script = set(render.SCRIPT_TEXT) | set(render.SCRIPT_PLURALS)
    assert set(EN.text) - used - script - in_python == set()
    assert set(EN.plurals) - plural - script == set()


def test_python_hands_the_templates_data_never_markup() -> None:
    for file in PUBLISH.glob("*.py"):
        tree = ast.parse(file.read_text())
        docs = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        tags = [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant)
            and isinstance(n.value, str)
            and id(n) not in docs
            and re.search(r"</?[a-z]", n.value)
        ]
        assert tags == [], file.name


def test_fill_escapes_words_and_values_but_keeps_markup_a_template_built() -> None:
    link = Markup('<a href="x/">a page</a>')
    assert templates.fill("See {link} & {n}.", link=link, n="<b>") == Markup(
        'See <a href="x/">a page</a> &amp; &lt;b&gt;.'
    )


def test_a_translation_is_text_never_markup() -> None:
    evil = dataclasses.replace(
        EN,
        services={s: f"<i>{s}</i>" for s in EN.services},
        text={**EN.text, "phone": "<script>x</script>"},
        plurals={**EN.plurals, "script_miles": ("</script><b>", "</script><b>{count}")},
        states={code: f"<b>{name}</b>" for code, name in EN.states.items()},
    )
    clinic = _clinic()
    html = render.state_page(clinic.address.state, [clinic], dt.date(2026, 11, 22), evil)
    html += render.directory([clinic], dt.date(2026, 11, 22), evil)
    assert "<script>" not in html
    assert "<i>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;: " in html


def test_the_stale_notice_follows_the_one_limit() -> None:
    clinic = _clinic()
    checked = clinic.last_verified
    state = clinic.address.state
    fresh = render.state_page(state, [clinic], checked + dt.timedelta(days=STALE_DAYS))
    stale = render.state_page(state, [clinic], checked + dt.timedelta(days=STALE_DAYS + 1))
    notice = f"more than {STALE_DAYS // 30} months old"
    assert notice not in fresh
    assert notice in stale


def test_hours_are_listed_monday_first_with_overnight_spans() -> None:
    record, _ = read(FIXTURES / "clinics" / "valid" / "overnight-clinic.yml")
    assert record is not None
    rows = render.hours_rows(record.clinic, EN)
    assert [day for day, _ in rows] == list(EN.days.values())
    assert any("(next day)" in times for _, times in rows)
    assert render.hours_rows(_clinic(hours=[]), EN) == []
