"""The Spanish edition in a browser: the language selector switches an English page to its
Spanish page and back (the counterpart, not the home page); Spanish search finds only Spanish
pages, with the dialog in Spanish; a Spanish article prints with the Spanish crisis line.
(axe, other hosts and the 375 px layout cover every page of both editions: test_accessibility.py
and test_reader.py walk the whole built site.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__item > a:first-child"


def _both(site: Path) -> list[str]:
    """Pages built in both editions (directory URLs), the guide's own pages first."""
    spanish = site / "es"
    found = [
        html.parent.relative_to(spanish).as_posix()
        for html in sorted(spanish.rglob("index.html"))
        if (site / html.relative_to(spanish)).is_file()
    ]
    paths = ["" if p == "." else f"{p}/" for p in found]
    return sorted(paths, key=lambda p: (p.startswith("clinics/"), p))


def _switch(page: Any, lang: str) -> None:
    page.focus(".md-select .md-header__button")  # the list opens on focus, as on hover
    link = page.locator(f".md-select__link[hreflang={lang}]")
    link.wait_for(state="visible")
    with page.expect_navigation():
        link.click()


def test_the_language_selector_lands_on_the_counterpart_and_back(
    site: Path, open_page: Any, base_url: str
) -> None:
    pages = _both(site)
    assert pages, "no page exists in both editions"
    path = next((p for p in pages if p.count("/") >= 2), pages[0])  # an article, if any
    page, watch = open_page(path)
    assert page.evaluate("document.documentElement.lang") == "en"
    _switch(page, "es")
    assert page.url == f"{base_url}/es/{path}"
    assert page.evaluate("document.documentElement.lang") == "es"
    _switch(page, "en")
    assert page.url == f"{base_url}/{path}"
    assert watch.foreign == []
    assert watch.errors == []


def _results(page: Any, query: str) -> list[str]:
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function(f"document.querySelectorAll('{RESULTS}').length > 0", timeout=15_000)
    return page.eval_on_selector_all(RESULTS, "els => els.map(a => new URL(a.href).pathname)")


def test_each_edition_searches_only_its_own_pages(open_page: Any) -> None:
    page, watch = open_page("es/")
    assert page.get_attribute(".md-search__input", "placeholder") == "Búsqueda"
    spanish = _results(page, "Spravato")
    assert spanish
    assert all(url.startswith("/es/") for url in spanish), spanish
    page, _ = open_page("")
    english = _results(page, "Spravato")
    assert english
    assert not any(url.startswith("/es/") for url in english), english
    assert watch.foreign == []
    assert watch.errors == []


def test_a_spanish_search_with_no_match_says_so_in_spanish(open_page: Any) -> None:
    page, _ = open_page("es/")
    page.keyboard.press("/")
    page.keyboard.type("zzqxvvyj")
    page.wait_for_function(
        "document.querySelector('[data-kg-search-meta]').textContent.includes('No se encontraron')"
    )


def test_a_spanish_article_prints_with_the_spanish_crisis_line(site: Path, open_page: Any) -> None:
    articles = [p for p in _both(site) if p.count("/") == 2 and not p.startswith("clinics/")]
    if not articles:
        pytest.skip("no Spanish article yet")
    page, _ = open_page(f"es/{articles[0]}")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.md-header', '.md-sidebar--primary', '.md-footer'].map("
        "s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    line = page.locator(".kg-disclaimer")
    assert line.is_visible()
    assert "marque 2" in line.inner_text()
    assert "AYUDA" in line.inner_text()
