"""The clinic directory at size: it loads by state as the reader asks and shows a page of clinics
at a time ("Show more"), every clinic is reachable with JavaScript off, and a ZIP code far from
every listed clinic points to official locators."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from ketaguide.clinics import zips
from ketaguide.publish.lists import LIST_FILE
from ketaguide.publish.render import LOAD_ALL, NEAR_MILES, PAGE_SIZE
from tests.browser.conftest import built_and_served
from tests.browser.test_accessibility import _violations

pytestmark = pytest.mark.browser
SPREAD = LOAD_ALL + 20  # more than the script loads at once, over the lower 48 states
CROWDED = "CO"  # a state with more clinics than the script shows at once
EXTRA = PAGE_SIZE + 5
COUNT = SPREAD + EXTRA
CLINIC = """id: clinic-{n}
name: "Test Clinic {n}"
address: {{street: "{n} Main Street", city: "Town", state: "{state}", zip: "{zip}"}}
geo: {{lat: {lat}, lon: {lon}, precision: zip}}
phone: "201-555-0200"
services: [iv_ketamine]
telehealth: {telehealth}
last_verified: "2026-11-20"
verified_by: website
source: "Made up for a test on 2026-11-20."
"""


def _places() -> list[tuple[str, zips.ZipInfo]]:
    """ZIP codes spread over the lower 48 states, one in every few hundred, deterministic."""
    table = sorted(zips.table().items())
    lower48 = [
        (code, info)
        for code, info in table
        if info.state not in {"AK", "HI", "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP"}
        and zips.in_us(info.lat, info.lon)
    ]
    step = len(lower48) // SPREAD
    spread = lower48[::step][:SPREAD]
    crowded = [p for p in lower48 if p[1].state == CROWDED and p not in spread][:EXTRA]
    return spread + crowded


@pytest.fixture(scope="module")
def big_directory(tmp_path_factory: pytest.TempPathFactory, chromium: Any) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("data") / "clinics"  # clinic files live in a "clinics" folder
    folder.mkdir()
    for n, (code, info) in enumerate(_places()):
        text = CLINIC.format(
            n=n,
            state=info.state,
            zip=code,
            lat=info.lat,
            lon=info.lon,
            telehealth="true" if n % 2 else "false",
        )
        (folder / f"clinic-{n}.yml").write_text(text, encoding="utf-8")
    with built_and_served(tmp_path_factory.mktemp("big-site"), folder) as url:
        yield url


def _names(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kg-list] .kg-clinic h3", "els => els.map(e => e.textContent.trim())"
    )


def test_every_clinic_is_reachable_with_javascript_off(chromium: Any, big_directory: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(big_directory)
    assert not page.is_visible("[data-kg-filters]")
    assert not page.is_visible("[data-kg-more]")
    states = page.eval_on_selector_all(".kg-states a", "els => els.map(e => e.href)")
    assert len(states) > 20
    reached = set()
    for url in states:
        page.goto(url)
        reached |= set(page.eval_on_selector_all(".kg-clinic h3 a", "els => els.map(e => e.href)"))
    assert len(reached) == COUNT
    page.goto(sorted(reached)[0])
    assert page.inner_text("h1").startswith("Test Clinic")
    context.close()


def test_a_state_page_is_reached_by_keyboard_without_javascript(
    chromium: Any, big_directory: str
) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(big_directory)
    page.focus(".kg-states a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/clinics/states/" in page.url
    page.focus(".kg-clinic h3 a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("h1").startswith("Test Clinic")
    context.close()


def test_the_list_loads_by_state_as_the_reader_asks(chromium: Any, big_directory: str) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(big_directory, wait_until="networkidle")
    assert _names(page) == []  # nothing until the reader asks
    assert "Choose a state" in page.inner_text("[data-kg-count]")
    assert [u for u in requests if "/states/" in u] == []
    page.focus("#kg-state")
    page.keyboard.press("ArrowDown")
    chosen = page.input_value("#kg-state")
    page.wait_for_function("document.querySelectorAll('[data-kg-list] .kg-clinic').length > 0")
    shown = page.eval_on_selector_all(
        "[data-kg-list] .kg-clinic", "e => e.map(i => i.dataset.state)"
    )
    assert set(shown) == {chosen}
    assert [u for u in requests if "/states/" in u] == [
        f"{big_directory}states/{chosen.lower()}/{LIST_FILE}"
    ]
    link = page.get_attribute("[data-kg-list] .kg-clinic h3 a", "href")
    assert link.startswith(big_directory)  # links still work outside the state's page
    assert "/states/" not in link
    page.close()


def test_a_zip_near_clinics_sorts_them_and_loads_only_the_nearest_groups(
    chromium: Any, big_directory: str
) -> None:
    code, info = _places()[5]
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(big_directory, wait_until="networkidle")
    page.focus("#kg-zip")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('[data-kg-status]').textContent.includes('from ZIP {code}')"
    )
    assert _names(page)[0] == "Test Clinic 5"
    assert page.is_hidden("[data-kg-far]")
    loaded = {
        u.split("/near/")[1].split("/")[0]
        for u in requests
        if "/near/" in u and u.endswith(f"/{LIST_FILE}")
    }
    assert code[:3] in loaded
    assert [u for u in requests if "/states/" in u] == []
    # The groups by ZIP prefix fetched are the nearest ones (by the box around each group's
    # clinics, as the script ranks them), and not all of them.
    boxes: dict[str, list[float]] = {}
    for place, p in _places():
        box = boxes.setdefault(place[:3], [p.lat, p.lat, p.lon, p.lon])
        box[:] = [min(box[0], p.lat), max(box[1], p.lat), min(box[2], p.lon), max(box[3], p.lon)]

    def to_box(box: list[float]) -> float:
        lat = min(max(info.lat, box[0]), box[1])
        lon = min(max(info.lon, box[2]), box[3])
        return zips.miles_between(info.lat, info.lon, lat, lon)

    assert len(loaded) < len(boxes)
    farthest = max(to_box(boxes[g]) for g in loaded)
    # (2 miles for the rounding of the ZIP's center in the ZIP index)
    assert all(to_box(box) >= farthest - 2 for g, box in boxes.items() if g not in loaded)
    page.close()


def test_a_zip_lists_the_nearest_clinics_first_and_farther_ones_on_request(
    chromium: Any, big_directory: str
) -> None:
    code, here = next((c, i) for c, i in _places()[SPREAD:] if i.state == CROWDED)
    away = {
        f"Test Clinic {n}": zips.miles_between(here.lat, here.lon, p.lat, p.lon)
        for n, (_, p) in enumerate(_places())
    }
    page = chromium.new_page()
    page.goto(big_directory, wait_until="networkidle")
    page.fill("#kg-zip", code)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('[data-kg-status]').textContent.includes('from ZIP {code}')"
    )

    def nearest_first(names: list[str]) -> None:
        # The nearest of all clinics, nearest first (1 mile for the rounding of the ZIP's center).
        rest = [d for name, d in away.items() if name not in names]
        assert max(away[n] for n in names) <= min(rest) + 1
        assert all(away[a] <= away[b] + 1 for a, b in itertools.pairwise(names))

    names = _names(page)
    assert len(names) == PAGE_SIZE
    nearest_first(names)
    assert page.text_content("[data-kg-count]") == f"{PAGE_SIZE} clinics shown, nearest first."
    assert page.inner_text("[data-kg-more]") == "Show clinics farther away"
    page.focus("[data-kg-more]")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('[data-kg-list] .kg-clinic').length > {PAGE_SIZE}"
    )
    more = _names(page)
    assert more[:PAGE_SIZE] == names
    assert len(more) == 2 * PAGE_SIZE
    nearest_first(more)
    assert page.evaluate("document.activeElement.textContent.trim()") == more[PAGE_SIZE]
    page.close()


def test_a_zip_far_from_every_clinic_points_to_official_locators(
    chromium: Any, big_directory: str
) -> None:
    places = _places()
    far = next(
        code
        for code, info in sorted(zips.table().items())
        if info.state == "AK"
        and min(zips.miles_between(info.lat, info.lon, p.lat, p.lon) for _, p in places)
        > NEAR_MILES
    )
    page = chromium.new_page()
    page.goto(big_directory, wait_until="networkidle")
    page.fill("#kg-zip", far)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-kg-far]:not([hidden])")
    text = page.inner_text("[data-kg-far]")
    assert f"within {NEAR_MILES} miles" in text
    hrefs = page.eval_on_selector_all("[data-kg-far] a", "els => els.map(e => e.href)")
    assert "https://findtreatment.gov/" in hrefs
    assert any("spravatorems.com" in h for h in hrefs)
    page.close()


def test_a_long_list_shows_a_page_at_a_time_and_more_by_keyboard(
    chromium: Any, big_directory: str
) -> None:
    crowded = sum(1 for _, info in _places() if info.state == CROWDED)
    assert crowded > PAGE_SIZE
    page = chromium.new_page()
    page.goto(big_directory, wait_until="networkidle")
    page.select_option("#kg-state", CROWDED)
    page.wait_for_function("document.querySelectorAll('[data-kg-list] .kg-clinic').length > 0")
    first = _names(page)
    assert len(first) == PAGE_SIZE
    assert page.text_content("[data-kg-count]") == (
        f"Showing the first {PAGE_SIZE} of {crowded} matching clinics."
    )
    left = crowded - PAGE_SIZE
    more = "[data-kg-more]"
    assert page.inner_text(more) == f"Show {left} more clinics"
    assert _violations(page) == []
    page.focus(more)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('[data-kg-list] .kg-clinic').length > {PAGE_SIZE}"
    )
    names = _names(page)
    assert len(names) == crowded
    assert names[:PAGE_SIZE] == first
    assert len(set(names)) == crowded
    # The reader lands on the first new clinic, and the status (a live region) says so.
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == names[PAGE_SIZE]
    status = f"{crowded} of {COUNT} clinics shown."
    assert page.text_content("[data-kg-status]") == status
    assert page.is_hidden(more)
    # Each clinic's link leads to its own page from the directory.
    links = page.eval_on_selector_all("[data-kg-list] .kg-clinic h3 a", "e => e.map(a => a.href)")
    assert all(u.startswith(big_directory) and "/states/" not in u for u in links)
    page.close()
