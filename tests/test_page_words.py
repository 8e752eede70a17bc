"""The partials on every page (overrides/partials/*.html) are one template per partial, in
every language: their words come from the language tables (publish/languages/*_pages.py)."""

from __future__ import annotations

import datetime as dt
import re
import types
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader

from ketaguide.editions import EDITIONS, EN, ES, SOURCE, Edition
from ketaguide.publish import words
from ketaguide.publish.languages import TRANSLATION_ONLY
from ketaguide.publish.say import Say, fill_text
from ketaguide.review.byline import Day
from tests.conftest import ROOT

PARTIALS = ROOT / "overrides" / "partials"
_USED = re.compile(r'\b(?:kg_say|say)(?:\.count)?\(\s*"(\w+)"')
_DAY = Day.of(dt.date(2026, 3, 1))


def _env(lang: Edition) -> Environment:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), auto_reload=False)
    env.filters["url"] = lambda url: url
    env.globals.update(kg_lang=lang, kg_root="https://example.org/", **words.for_partials(lang))
    return env


def _render(lang: Edition, name: str, **context: Any) -> str:
    return _env(lang).get_template(f"partials/{name}").render(context)


def _used() -> set[str]:
    return {key for f in PARTIALS.glob("*.html") for key in _USED.findall(f.read_text())}


def test_every_language_has_the_source_languages_words_and_translations_their_own() -> None:
    source = words.LANGUAGES[SOURCE.code]
    for lang in EDITIONS:
        table = words.LANGUAGES[lang.code]
        extra = TRANSLATION_ONLY if lang is not SOURCE else frozenset()
        assert set(table.pages) == set(source.pages) | extra, lang.code
        assert set(table.page_plurals) == set(source.page_plurals), lang.code
        assert all(len(forms) == 2 for forms in table.page_plurals.values())


def test_the_partials_use_exactly_the_keys_of_the_tables() -> None:
    every = set(words.ES.pages) | set(words.ES.page_plurals)
    assert _used() == every


def _byline(lang: Edition, state: str) -> dict[str, Any]:
    reviewer = types.SimpleNamespace(name="Ana Ruiz", credentials="MD", conflicts="None")
    return {
        "translated": _DAY if lang is not SOURCE else None,
        "medical": True,
        "checked": _DAY,
        "reviewed": _DAY,
        "first_published": _DAY,
        "next_review": _DAY,
        "overdue": True,
        "clinical": types.SimpleNamespace(state=state, reviewer=reviewer),
        "clinical_day": _DAY,
        "history": [(_DAY, "1", "One fix"), (_DAY, "12", "Two & more")],
    }


@pytest.mark.parametrize("lang", EDITIONS, ids=lambda lang: lang.code)
def test_each_partial_renders_in_each_language_from_its_table(lang: Edition) -> None:
    table = words.LANGUAGES[lang.code]
    byline = _render(lang, "byline.html", byline=_byline(lang, "current"))
    assert table.pages["byline_checked"].split("{date}")[0] in byline
    assert table.page_plurals["history"][1].replace("{count}", "2") in byline
    assert table.page_plurals["claims"][0].replace("{count}", "1") in byline
    assert "Two &amp; more" in byline  # values are escaped
    for name, key in [
        ("urgent-help.html", "urgent_title"),
        ("more-help.html", "more_help"),
        ("disclaimer.html", "disclaimer_link"),
    ]:
        html = _render(lang, name)
        assert table.pages[key] in html, name
        assert "{" not in html, name  # every placeholder filled
    config = types.SimpleNamespace(site_url="", repo_url="https://github.com/o/r")
    missing = _render(lang, "not-found.html", config=config, base_url="/b")
    assert f"<h1>{table.pages['not_found']}</h1>" in missing
    for other in EDITIONS:
        if other is not lang:  # the other edition's pointer, in its own words and language
            own = words.LANGUAGES[other.code].pages["elsewhere_link"]
            assert f'<p lang="{other.code}">' in missing
            assert own in missing


def test_the_spanish_byline_gives_the_translation_date_and_english_has_none() -> None:
    es = _render(ES, "byline.html", byline=_byline(ES, "pending"))
    assert 'traducido al español con herramientas de IA el <time datetime="2026-03-01">' in es
    en = _render(EN, "byline.html", byline=_byline(EN, "pending"))
    assert "Written by the editorial team with AI drafting tools." in en
    assert "traducido" not in en


def test_the_404_page_points_to_the_other_edition_home() -> None:
    config = types.SimpleNamespace(site_url="", repo_url="")
    en = _render(EN, "not-found.html", config=config, base_url="/b")
    es = _render(ES, "not-found.html", config=config, base_url="/b")
    assert '<a href="https://example.org/es/">Vaya a la página principal en español</a>' in en
    assert '<a href="https://example.org/">Go to the English home page</a>' in es


def test_a_disclosure_names_its_reviewers_in_each_language() -> None:
    reviewer = types.SimpleNamespace(name="Ana <Ruiz>", credentials="MD", role="R", conflicts="x")
    guide = types.SimpleNamespace(publisher="P.", funding="F", report_href=None, report_error="")
    config = types.SimpleNamespace(repo_url="https://github.com/o/r")
    for lang, label in [(EN, "Conflicts of interest"), (ES, "Conflictos de interés")]:
        html = _render(
            lang,
            "disclosure.html",
            part="reviewers",
            reviewers=[reviewer],
            guide=guide,
            config=config,
        )
        assert f"<strong>Ana &lt;Ruiz&gt;</strong>, MD. R. {label}: x" in html


def test_say_fails_loudly_and_keeps_quotes_as_written() -> None:
    say = Say(words.EN)
    with pytest.raises(KeyError):
        say("no-such-key")
    with pytest.raises(KeyError):
        say("byline_checked")  # its {date} not given
    assert str(fill_text('a "b" & <c> {x}', x="<y>")) == 'a "b" &amp; &lt;c&gt; &lt;y&gt;'
    assert say.count("claims", 1, count="01") == "01 claim checked"
    assert say.count("claims", 3) == "3 claims checked"


def test_no_partial_is_copied_per_language() -> None:
    folders = {p.name for p in PARTIALS.iterdir() if p.is_dir()}
    assert not folders & {lang.code for lang in EDITIONS}
    assert Path(PARTIALS / "translation-behind.html").is_file()
