"""Front matter is plain text, and the theme prints it escaped (issue 12, finding 1).

Two layers: SEC001 refuses markup and hidden characters in every front-matter string (check and
build alike; fixtures in tests/fixtures/rules/SEC001), and every template prints front-matter
strings escaped (pagetext.py). The build test turns the first layer off to prove the second.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ketaguide import pagetext, text
from ketaguide.pages import fronttext
from tests.conftest import FIXTURES, ROOT

TITLE = "</title><script>alert('t')</script>"
DESCRIPTION = "\"><script>alert('d')</script><meta x=\" & a description long enough"


@pytest.mark.parametrize(
    "char",
    [
        "<", ">", "\x00", "\x1b", "\x7f", "\x85", "\t", "\n",  # markup, C0 and C1 controls
        "\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\U000e0041",  # invisible format
        "\u202e", "\u2066", "\u200f", "\u061c",  # direction changes
        "\u2028", "\u2029", "\ue000", "\U000f0000",  # separators, private use
        "\u3164", "\u115f", "\uffa0", "\u2800", "\u034f",  # fillers that render blank
    ],
)  # fmt: skip
def test_plain_text_refuses(char: str) -> None:
    value = f"ab{char}c"
    assert text.first_refused(value) == 2
    assert text.problem(value) is not None


def test_plain_text_accepts_letters_digits_punctuation_and_spaces() -> None:
    value = "Clínica São José: 24/7 — “quotes”, & ampersands, ½ price, 日本語, \u00a0nbsp"
    assert text.first_refused(value) is None
    assert text.first_refused("two\nlines", newlines=True) is None


def test_describe_names_the_kind_of_character() -> None:
    assert text.problem("a<b") == 'holds the markup character "<" at character 2; use plain text'
    assert text.describe("\u202e") == "the direction-changing character U+202E"
    assert text.describe("\x1b") == "the control character U+001B"
    assert text.describe("\u2028") == "the line or paragraph separator U+2028"
    assert text.describe("\ue000") == "the private-use character U+E000"
    assert text.describe("\u3164") == "the invisible character U+3164"


def test_finalize_escapes_page_text_once_and_nothing_else() -> None:
    env = pagetext.escape_page_text(Environment())
    template = env.from_string(
        '<title>{{ t }}</title><meta content="{{ t }}"><i>{{ t | e }}</i>'
        "<script>{{ {'n': t} | tojson }}</script>{{ html }}"
    )
    out = template.render(t=pagetext.PageText('"<b>&'), html="<p>theme markup</p>")
    assert out == (
        '<title>&#34;&lt;b&gt;&amp;</title><meta content="&#34;&lt;b&gt;&amp;">'
        '<i>&#34;&lt;b&gt;&amp;</i><script>{"n": "\\"\\u003cb\\u003e\\u0026"}</script>'
        "<p>theme markup</p>"
    )


def _page(title: str, description: str) -> str:
    return (
        f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\n"
        "last_reviewed: 2026-11-01\nnext_review: 2027-05-01\n"
        "page_type: reference\n---\n\n# A page\n\nSome text.\n"
    )


def _tiny_project(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir()
    home = _page("Home page", "The home page of a tiny test site.")
    (docs / "index.md").write_text(home, encoding="utf-8")
    (docs / "hostile.md").write_text(_page(TITLE, DESCRIPTION), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Tiny\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins: []\n"
        f"hooks:\n  - {ROOT / 'scripts' / 'ketaguide' / 'mkdocs_hooks.py'}\n"
        "markdown_extensions: [abbr, attr_list, md_in_html, toc]\n"
        "extra:\n  guide:\n    publisher: A tiny test project.\n    funding: No funding at all.\n",
        encoding="utf-8",
    )
    return config


@pytest.mark.build
def test_the_theme_escapes_front_matter_even_without_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fronttext, "check", lambda loaded, path: [])  # the rule is off
    monkeypatch.setenv("KETAGUIDE_CLINICS_DIR", str(FIXTURES / "clinics" / "valid"))
    monkeypatch.setenv("KETAGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    config = _tiny_project(tmp_path)
    mkdocs_build(load_config(str(config), site_dir=str(tmp_path / "site")))
    site = tmp_path / "site"
    hostile = BeautifulSoup((site / "hostile" / "index.html").read_text(), "html.parser")
    assert hostile.title is not None
    assert hostile.title.get_text() == f"{TITLE} - Tiny"

    def meta(**attrs: str) -> Any:
        found = hostile.find("meta", attrs=attrs)
        return found.get("content") if found else None

    assert meta(name="description") == DESCRIPTION
    assert meta(property="og:title") == TITLE
    assert meta(property="og:description") == DESCRIPTION
    ld = hostile.find("script", attrs={"type": "application/ld+json"})
    assert ld is not None
    assert json.loads(ld.get_text())["name"] == TITLE
    assert TITLE in " ".join(t.get_text() for t in hostile.select(".md-header__topic"))
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        scripts = [s.get_text() for s in soup.find_all("script") if not s.get("type")]
        assert not [s for s in scripts if "alert(" in s], page
        assert not soup.find_all("img", attrs={"onerror": True}), page
        assert soup.find_all("meta", attrs={"x": True}) == [], page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in home  # the menu


@pytest.mark.build
def test_the_rule_stops_the_same_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("KETAGUIDE_CLINICS_DIR", str(FIXTURES / "clinics" / "valid"))
    monkeypatch.setenv("KETAGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    config = _tiny_project(tmp_path)
    with pytest.raises(Abort):
        mkdocs_build(load_config(str(config), site_dir=str(tmp_path / "site")))
    assert (
        'docs/hostile.md:2:8: error SEC001 front-matter-text "title" holds the markup character '
        '"<" at character 1; use plain text'
    ) in caplog.text
