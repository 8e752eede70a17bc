"""What a reader does: search, filter and sort clinics by keyboard, read tooltips, use a phone,
print an article or the checklist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import ARTIFACTS, built_and_served
from tests.conftest import FIXTURES

pytestmark = pytest.mark.browser


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_search_for_nmda_finds_the_mechanism_article(open_page: Any) -> None:
    page, watch = open_page("")
    assert page.get_attribute(".md-search", "aria-label")  # the dialog has a name
    page.fill("input.md-search__input", "NMDA")
    # Results can arrive in more than one render (the index may still be loading when the query
    # is typed): wait for the article among the top three, and say what was found if it never is.
    top_three = """() => [...document.querySelectorAll('.md-search-result__link')].slice(0, 3)
        .some(a => a.href.includes('/treatment/how-ketamine-works/'))"""
    try:
        page.wait_for_function(top_three, timeout=15_000)
    except PlaywrightTimeout:
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        pytest.fail(f"the mechanism article is not among the top three results: {links[:5]}")
    assert watch.foreign == []


def test_glossary_tooltip_appears_on_keyboard_focus_and_escape_hides_it(open_page: Any) -> None:
    page, _ = open_page("understanding/chronic-pain/")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    else:
        pytest.fail("no glossary term could be reached with the Tab key")
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    tip = page.locator(f"#{tip_id}")
    assert tip.is_visible()
    assert len(tip.inner_text().strip()) > 10
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_dark_mode_follows_the_system_until_the_reader_switches_and_is_kept(
    open_page: Any,
) -> None:
    page, watch = open_page("practical/faq/", scheme="dark")
    scheme = "[document.body.dataset.mdColorScheme, "
    scheme += "document.querySelector('meta[name=color-scheme]').content]"
    assert page.evaluate(scheme) == ["slate", "dark"]
    page.click("[data-kg-palette] label:not([hidden])")
    assert page.evaluate(scheme) == ["default", "light"]
    page.reload(wait_until="load")
    assert page.evaluate(scheme) == ["default", "light"]  # the choice is kept
    page.focus("[data-kg-palette] input:checked")
    page.keyboard.press("Enter")  # by keyboard, as Material's switch
    assert page.evaluate(scheme) == ["slate", "dark"]
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    assert watch.errors == []


@pytest.fixture(scope="module")
def directory_url(tmp_path_factory: pytest.TempPathFactory, chromium: Any) -> Iterator[str]:
    """A site built with the three valid fixture clinics (OR, OR, NJ), served on 127.0.0.1."""

    site = tmp_path_factory.mktemp("fixture-site")
    clinics = FIXTURES / "clinics" / "valid"
    with built_and_served(site, clinics, SITE_URL="https://guide.example.org/") as url:
        yield url


def _visible_names(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".kg-clinic:not([hidden]) h3", "els => els.map(e => e.textContent.trim())"
    )


def test_directory_filters_and_zip_sort_work_by_keyboard(chromium: Any, directory_url: str) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(directory_url)
    # The list arrives with the script's first fetch (list.json), after the page's load event.
    page.wait_for_function("document.querySelectorAll('.kg-clinic:not([hidden]) h3').length > 0")
    assert len(_visible_names(page)) == 3
    page.focus("#kg-state")
    page.keyboard.press("ArrowDown")  # "All states" -> "NJ" (options are sorted)
    page.wait_for_function("document.querySelector('[data-kg-count]').textContent.startsWith('1 ')")
    assert _visible_names(page) == ["Minimal Clinic"]
    page.keyboard.press("ArrowUp")  # back to all states
    page.focus("#kg-telehealth")
    page.keyboard.press("Space")  # none of the fixtures says yes to telehealth
    page.wait_for_function("document.querySelector('[data-kg-count]').textContent.startsWith('0 ')")
    page.keyboard.press("Space")
    page.focus("#kg-zip")
    page.keyboard.type("07030")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-kg-status]').textContent.includes('from ZIP 07030')"
    )
    assert _visible_names(page)[0] == "Minimal Clinic"
    # textContent: clinics off screen are not laid out (content-visibility: auto), and their
    # innerText can be empty
    assert "Less than 1 mile from" in page.text_content(".kg-clinic:first-child .kg-distance")
    page.fill("#kg-zip", "07307")  # its center is 0.96 miles from the Minimal Clinic
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-kg-status]').textContent.includes('from ZIP 07307')"
    )
    label = " ".join(page.text_content(".kg-clinic:first-child .kg-distance").split())
    assert label.startswith("About 1 mile from ZIP 07307"), label
    page.fill("#kg-zip", "00001")  # no such ZIP: the old distances go
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-kg-status]').textContent.includes('could not find')"
    )
    assert page.eval_on_selector_all(".kg-distance:not([hidden])", "els => els.length") == 0
    page.fill("#kg-zip", "97006")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-kg-status]').textContent.includes('from ZIP 97006')"
    )
    assert _visible_names(page)[-1] == "Minimal Clinic"
    host = directory_url.split("/clinics/")[0]
    assert [u for u in requests if not u.startswith(host)] == []
    assert any(u.endswith("/assets/zips/07.json") for u in requests)  # only its prefix shard
    assert not any(u.endswith("/assets/zips/10.json") for u in requests)
    page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_scrolls_sideways_and_screenshots_are_saved(
    site: Path, open_page: Any, width: int
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    wide = []
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        path = "" if path == "." else f"{path}/"
        page, _ = open_page(path, width=width)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{path or '/'} is {overflow}px too wide")
        if path in ("", "understanding/depression/", "clinics/"):
            name = (path.strip("/").replace("/", "-") or "home") + f"-{width}.png"
            page.screenshot(path=str(ARTIFACTS / name), full_page=False)
        page.context.close()
    assert wide == []


def test_an_article_prints_without_navigation_and_with_its_sources(open_page: Any) -> None:
    page, _ = open_page("safety/evidence/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.md-header', '.md-sidebar--primary', '.md-footer'].map("
        "s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    footnotes = page.query_selector(".footnote")
    assert footnotes is not None
    assert footnotes.is_visible()
    assert "doi:10." in footnotes.inner_text()


def test_the_clinic_checklist_prints_on_one_page(open_page: Any) -> None:
    page, _ = open_page("practical/choosing-a-clinic/")
    button = page.wait_for_selector("[data-kg-print]", state="visible")
    assert button is not None
    page.evaluate("document.documentElement.classList.add('kg-print-checklist')")
    assert _pdf_pages(page.pdf(format="Letter")) == 1
    page.evaluate("document.documentElement.classList.remove('kg-print-checklist')")
    assert _pdf_pages(page.pdf(format="Letter")) > 1  # the count is real: the page is longer


QUESTION_PAGES = [
    "understanding/other-conditions/",
    "understanding/chronic-pain/",
    "understanding/depression/",
    "treatment/infusion-process/",
]


@pytest.mark.parametrize("path", QUESTION_PAGES)
def test_a_questions_box_prints_alone_on_one_page_under_its_heading(
    open_page: Any, path: str
) -> None:
    page, _ = open_page(path)
    page.wait_for_selector(".kg-checklist [data-kg-print]", state="visible")
    page.evaluate("document.documentElement.classList.add('kg-print-checklist')")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [...document.querySelector('.md-content__inner').children]
            .filter(e => getComputedStyle(e).display !== 'none')
            .map(e => e.tagName + (e.classList.contains('kg-checklist') ? '.kg-checklist' : '')
                 + ':' + e.innerText.trim().split('\\n')[0])"""
    )
    assert shown == [
        "H2:Questions to bring to your appointment",
        "DIV.kg-checklist:Print these questions or save them on your phone. Tick off each one "
        "as you ask it.",
    ]
    questions = page.locator(".kg-checklist .task-list-item")
    assert 8 <= questions.count() <= 12
    assert page.locator(".kg-checklist .kg-print-button").is_hidden()
    assert _pdf_pages(page.pdf(format="Letter")) == 1
    page.evaluate("document.documentElement.classList.remove('kg-print-checklist')")
    assert _pdf_pages(page.pdf(format="Letter")) > 1  # the whole article is longer
