"""Search, keyboard only: nothing loads until the reader searches; known questions find their
page; a result opens with the words marked; the open dialog passes axe in light and dark mode."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.test_accessibility import _violations

pytestmark = pytest.mark.browser

# A query and the pages of which one must be among the first three results.
KNOWN = [
    ("driving after infusion", {"/treatment/infusion-process/"}),
    ("Spravato cost", {"/practical/cost-and-insurance/"}),
    ("bladder", {"/safety/side-effects-and-risks/"}),
    ("ketamin", {"/treatment/how-ketamine-works/", "/safety/side-effects-and-risks/", "/"}),
]
RESULTS = ".md-search-result__item > a:first-child"


def _first_results(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        RESULTS, "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
    )


def _search(page: Any, query: str, expected: set[str]) -> list[str]:
    page.keyboard.press("Control+a")
    page.keyboard.type(query)
    wanted = f"() => [...document.querySelectorAll('{RESULTS}')].slice(0, 3).some(a => "
    wanted += f"{sorted(expected)}.includes(new URL(a.href).pathname))"
    try:
        page.wait_for_function(wanted, timeout=15_000)
    except PlaywrightTimeout:
        found = _first_results(page)
        pytest.fail(f"{query!r}: none of {sorted(expected)} in the top three: {found}")
    return _first_results(page)


def test_a_page_load_fetches_nothing_for_search(open_page: Any) -> None:
    page, watch = open_page("treatment/infusion-process/")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload(wait_until="networkidle")
    assert requests
    assert [u for u in requests if "pagefind" in u or "search" in u] == []  # search.js too
    page.keyboard.press("/")
    page.wait_for_function("document.querySelector('script[src$=\"/search.js\"]')")
    page.wait_for_load_state("networkidle")
    assert [u for u in requests if u.endswith("/assets/javascripts/search.js")]
    assert watch.foreign == []
    assert watch.errors == []


def test_known_questions_find_their_page_by_keyboard_only(open_page: Any) -> None:
    page, watch = open_page("")
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    for query, expected in KNOWN:
        _search(page, query, expected)
    assert any("/pagefind/" in u for u in fetched)  # the index came once the reader searched
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert watch.foreign == []
    assert watch.errors == []


def test_a_result_opens_by_keyboard_with_the_words_marked(open_page: Any) -> None:
    page, watch = open_page("practical/faq/")
    page.keyboard.press("s")
    _search(page, "bladder", {"/safety/side-effects-and-risks/"})
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/safety/side-effects-and-risks/" in page.url
    page.wait_for_selector("article mark[data-md-highlight]")
    marked = page.eval_on_selector_all("article mark", "els => els.map(e => e.textContent)")
    assert marked
    assert {word.lower() for word in marked} == {"bladder"}
    assert watch.errors == []


def test_what_is_typed_before_search_has_loaded_is_searched(open_page: Any) -> None:
    """guide.js opens the dialog at once; search.js arrives after and answers the query."""
    page, watch = open_page("")
    held: list[Any] = []
    page.route("**/search.js", lambda route: held.append(route))  # arrives after the typing
    page.keyboard.press("/")
    page.keyboard.type("bladder")
    page.wait_for_function("document.activeElement.value === 'bladder'")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "opening search did not ask for search.js"
    held[0].continue_()
    page.wait_for_function(
        f"[...document.querySelectorAll('{RESULTS}')].some(a => "
        "a.href.includes('/safety/side-effects-and-risks/'))"
    )
    assert watch.errors == []


def test_a_search_with_no_match_says_so(open_page: Any) -> None:
    page, _ = open_page("")
    page.keyboard.press("/")
    page.keyboard.type("zzqxvvyj")
    page.wait_for_function(
        "document.querySelector('[data-kg-search-meta]').textContent.includes('No matching')"
    )
    assert page.eval_on_selector_all(RESULTS, "els => els.length") == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_search_with_results_passes_axe(open_page: Any, scheme: str) -> None:
    page, watch = open_page("", scheme=scheme)
    page.keyboard.press("/")
    _search(page, "bladder", {"/safety/side-effects-and-risks/"})
    assert _violations(page) == []
    assert watch.foreign == []
