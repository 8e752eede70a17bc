"""The Spanish edition's site: one build per language (mkdocs.yml, mkdocs.es.yml), joined by
hreflang links and a language selector that lands on the page's counterpart; each edition with
its own search index, 404 page, footer and boxes in its language."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from ketaguide import editions, untranslated
from ketaguide.editions import BY_CODE, EN, ES
from ketaguide.search import indexed_pages
from tests.conftest import ROOT

SITE_URL = "https://guide.example.org/"  # the test build's (conftest.py)
_HREFLANG = re.compile(r'<link rel="alternate ?" hreflang="([^"]+)" href="([^"]+)">')
_SELECTOR = re.compile(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link"')


def _spanish_pages() -> list[str]:
    docs = ROOT / ES.docs
    return sorted(
        p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if "_shared" not in p.parts
    )


def _url(src: str) -> str:
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.split("/")[-1] == "index" else stem + "/"


def _html(site: Path, lang: editions.Edition, src: str) -> str:
    return (site / lang.prefix / _url(src) / "index.html").read_text(encoding="utf-8")


def test_the_spanish_config_inherits_the_english_one_and_changes_only_the_language() -> None:
    en = load_config(str(ROOT / EN.config))
    es = load_config(str(ROOT / ES.config))
    assert Path(es.docs_dir) == ROOT / "docs-es"
    assert es.theme["language"] == "es"
    assert Path(es.site_dir) == ROOT / "site" / "es"
    assert es.edit_uri == "edit/main/docs-es/"
    assert es.mdx_configs["pymdownx.snippets"]["base_path"] == list(ES.shared)
    assert en.mdx_configs["pymdownx.snippets"]["base_path"] == list(EN.shared)
    assert es.markdown_extensions == en.markdown_extensions  # every extension, inherited
    assert es.mdx_configs["footnotes"]["BACKLINK_TITLE"] == "Volver a la nota %d en el texto"
    assert es.not_in_nav == en.not_in_nav
    assert es.exclude_docs == en.exclude_docs
    assert es.hooks.keys() == en.hooks.keys()
    assert es.strict
    assert [p["toggle"]["name"] for p in es.theme["palette"]] == [
        "Cambiar al modo oscuro",
        "Cambiar al modo claro",
    ]
    assert "Sin publicidad" in es.copyright
    assert es.extra["guide"]["publisher"] != en.extra["guide"]["publisher"]


def _nav_files(nav: list[object]) -> list[str]:
    out: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out += _nav_files(value) if isinstance(value, list) else [str(value)]
    return out


def test_the_spanish_nav_lists_the_same_pages_in_the_same_order() -> None:
    en = load_config(str(ROOT / EN.config))
    es = load_config(str(ROOT / ES.config))
    assert _nav_files(es.nav) == _nav_files(en.nav)
    assert [next(iter(s)) for s in es.nav] != [next(iter(s)) for s in en.nav]  # in Spanish


def test_each_edition_has_its_language_and_its_partials(site: Path) -> None:
    assert '<html lang="en"' in (site / "index.html").read_text(encoding="utf-8")
    for src in _spanish_pages():
        html = _html(site, ES, src)
        assert '<html lang="es"' in html, src
        assert "marque 2" in html, src
        assert "Read the full disclaimer" not in html, src
    # One partial for every language: the words differ (publish/languages/*_pages.py), not the
    # templates, so no folder of per-language copies.
    assert not [p for p in (ROOT / "overrides" / "partials").iterdir() if p.name in BY_CODE]


@pytest.mark.parametrize("src", _spanish_pages())
def test_hreflang_links_join_each_page_to_its_counterpart_both_ways(site: Path, src: str) -> None:
    url = _url(src)
    want = {"en": SITE_URL + url, "es": SITE_URL + "es/" + url, "x-default": SITE_URL + url}
    for lang in (EN, ES):
        html = _html(site, lang, src)
        assert dict(_HREFLANG.findall(html)) == want, (lang.code, src)
        selector = {code: href for href, code in _SELECTOR.findall(html)}
        up = "../" * (lang.prefix.count("/") + url.count("/"))
        other = ES if lang is EN else EN
        assert selector[other.code] == up + other.prefix + url, (lang.code, src)
        assert selector[lang.code] == "./"


def test_a_page_without_a_counterpart_has_no_alternates(tmp_path: Path) -> None:
    for path in ("docs/a/b.md", "docs/a/c.md", "docs-es/a/c.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# x\n", encoding="utf-8")
    site = "https://x.org/g/"
    assert editions.alternates(tmp_path, EN, "a/b.md", "a/b/", site, set()) == []
    both = editions.alternates(tmp_path, ES, "a/c.md", "a/c/", site + "es/", set())
    assert [(a.lang, a.relative, a.absolute) for a in both] == [
        (EN, "../../../a/c/", "https://x.org/g/a/c/"),
        (ES, "./", "https://x.org/g/es/a/c/"),
    ]
    made = editions.alternates(tmp_path, EN, "clinics/x.md", "clinics/x/", site, {"clinics/x.md"})
    assert [a.relative for a in made] == ["./", "../../es/clinics/x/"]  # generated in both


def test_each_edition_searches_only_its_own_pages(site: Path) -> None:
    # Each index's URLs are read from its edition's home (search.js gives Pagefind that base).
    english, spanish = indexed_pages(site), indexed_pages(site / "es")
    written = {u for u in spanish if not u.startswith("/clinics/") or u == "/clinics/"}
    assert written == {"/" + _url(src) for src in _spanish_pages()} - {"/about/review-log/"}
    assert not any(u.startswith("/es/") for u in english)
    assert "/about/review-log/" not in english  # the same exclusions in both


def test_the_spanish_404_page_is_in_spanish_and_the_english_one_points_to_it(site: Path) -> None:
    spanish = (site / "es" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish
    assert "No encontramos esa página" in spanish
    assert "marque 2" in spanish
    english = (site / "404.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}es/"' in english


def _filter(tmp_path: Path) -> untranslated.Untranslated:
    for path in ("docs/a.md", "docs/b/c.md", "docs/d.md", "docs-es/d.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# x\n", encoding="utf-8")
    return untranslated.Untranslated(tmp_path / "docs", tmp_path / "docs-es")


@pytest.mark.parametrize(
    ("message", "lowered"),
    [
        (
            "A reference to 'a.md' is included in the 'nav' configuration, which is not found "
            "in the documentation files.",
            True,
        ),
        (
            "Doc file 'b/x.md' contains a link 'c.md', but the target is not found among "
            "documentation files.",
            True,
        ),
        (
            "Doc file 'x.md' contains a link 'b/c.md#top', but the target 'b/c.md' is not found "
            "among documentation files.",
            True,
        ),
        # the Spanish page exists, or the English page does not: a real broken link
        (
            "Doc file 'x.md' contains a link 'd.md', but the target is not found among "
            "documentation files.",
            False,
        ),
        (
            "Doc file 'x.md' contains a link 'typo.md', but the target is not found among "
            "documentation files.",
            False,
        ),
        (
            "Doc file 'x.md' contains a link '../docs/a.md', but the target is not found among "
            "documentation files.",
            False,
        ),
        (
            "Doc file 'x.md' contains a link 'd.md#nowhere', but the doc 'd.md' does not "
            "contain an anchor '#nowhere'.",
            False,
        ),
    ],
)
def test_only_links_to_pages_not_yet_translated_are_lowered(
    tmp_path: Path, message: str, lowered: bool
) -> None:
    found = _filter(tmp_path)
    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, message, (), None)
    assert found.filter(record)
    assert (record.levelno == logging.INFO) is lowered
    assert record.getMessage().startswith("untranslated: ") is lowered


def test_the_filter_is_off_unless_allowed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(untranslated.ENV, raising=False)
    assert untranslated.install(tmp_path / "docs", tmp_path / "docs-es") is None


def test_site_urls_of_the_editions() -> None:
    assert editions.edition_url("https://x.org/g/", ES) == "https://x.org/g/es/"
    assert editions.edition_url("https://x.org/g/es/", ES) == "https://x.org/g/es/"
    assert editions.edition_url("https://x.org/g", EN) == "https://x.org/g/"
    assert editions.site_root("https://x.org/g/es/", ES) == "https://x.org/g/"
    with pytest.raises(editions.UnknownLanguage, match="editions in en, es"):
        editions.of("fr")


def test_every_english_page_has_its_spanish_page_and_the_strict_build_requires_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ketaguide import buildall

    monkeypatch.delenv(untranslated.ENV, raising=False)
    english = {
        p.relative_to(ROOT / "docs").as_posix()
        for p in (ROOT / "docs").rglob("*.md")
        if "_shared" not in p.parts
    }
    assert english - set(_spanish_pages()) == set()
    assert buildall.ALLOW_UNTRANSLATED is False
    assert untranslated.ENV not in buildall.environment()


def test_buildall_builds_english_first_then_each_translation_under_it() -> None:
    from ketaguide import buildall

    commands = buildall.commands("out", ["--clean"])
    assert [c[c.index("-f") + 1] for c in commands] == ["mkdocs.yml", "mkdocs.es.yml"]
    assert [c[c.index("--site-dir") + 1] for c in commands] == ["out", "out/es"]
    assert all("--strict" in c and c[-1] == "--clean" for c in commands)


def test_the_preview_serves_the_spanish_edition_at_es(monkeypatch: pytest.MonkeyPatch) -> None:
    from ketaguide import serve

    started: list[tuple[list[str], dict[str, str]]] = []

    class Child:
        pid = 0

        def __init__(self, cmd: list[str], env: dict[str, str], **_: object) -> None:
            started.append((cmd, env))

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    serve.Preview("127.0.0.1", 8123, ES).start()
    cmd, env = started[0]
    assert cmd[cmd.index("-f") + 1] == "mkdocs.es.yml"
    assert env["SITE_URL"] == "http://127.0.0.1:8123/es/"
    with pytest.raises(SystemExit):
        serve.main(["--lang", "fr"])


def test_each_sitemap_gives_the_same_hreflang_links_as_the_heads(site: Path) -> None:
    for lang in (EN, ES):
        sitemap = (site / lang.prefix / "sitemap.xml").read_text(encoding="utf-8")
        for src in _spanish_pages():
            url = _url(src)
            loc = f"<loc>{SITE_URL}{lang.prefix}{url}</loc>"
            entry = sitemap.split(loc, 1)[1].split("</url>")[0]
            for code, prefix in (("en", ""), ("es", "es/"), ("x-default", "")):
                link = f'hreflang="{code}" href="{SITE_URL}{prefix}{url}"/>'
                assert f'<xhtml:link rel="alternate" {link}' in entry, (lang.code, src, code)
