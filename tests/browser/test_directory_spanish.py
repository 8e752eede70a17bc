"""The Spanish clinic directory in a browser: filters and the ZIP search say everything in
Spanish (the script's sentences come from the page), and it reads the one ZIP index from the
site's own host."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from ketaguide import buildall
from tests.browser.conftest import served
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def both_editions(tmp_path_factory: pytest.TempPathFactory, chromium: Any) -> Iterator[str]:
    """Both editions built with the three valid fixture clinics (OR, OR, NJ), served: the
    site's base URL."""
    site = tmp_path_factory.mktemp("fixture-site-es")
    env = {
        **buildall.environment(),
        "KETAGUIDE_CLINICS_DIR": str(FIXTURES / "clinics" / "valid"),
        "SITE_URL": "https://guide.example.org/",
    }
    for command in buildall.commands(str(site), []):
        subprocess.run(command, cwd=ROOT, env=env, check=True)
    with served(site) as base:
        yield base


def _text(page: Any, selector: str) -> str:
    """The text the script wrote (textContent: a clinic off screen is not laid out, since the
    list uses content-visibility: auto, and innerText of content not laid out can be empty)."""
    return " ".join((page.text_content(selector) or "").split())


def _wait_for(page: Any, selector: str, words: str) -> None:
    page.wait_for_function(
        "([s, w]) => document.querySelector(s).textContent.includes(w)", arg=[selector, words]
    )


def test_the_spanish_directory_filters_and_sorts_by_zip_in_spanish(
    chromium: Any, both_editions: str
) -> None:
    page = chromium.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{both_editions}/es/clinics/")
    assert page.evaluate("document.documentElement.lang") == "es"
    _wait_for(page, "[data-kg-count]", "Mostrando 3 de 3 clínicas.")
    assert page.inner_text("label[for=kg-zip]") == "Su código postal (ZIP)"
    page.select_option("#kg-state", "NJ")
    _wait_for(page, "[data-kg-count]", "Mostrando 1 de 3 clínicas.")
    assert page.inner_text("#kg-state option:checked") == "Nueva Jersey"
    page.select_option("#kg-state", "")
    page.check("#kg-telehealth")  # none of the fixtures says yes to telehealth
    _wait_for(page, "[data-kg-count]", "Mostrando 0 de 3 clínicas.")
    page.uncheck("#kg-telehealth")
    page.fill("#kg-zip", "07030")
    page.keyboard.press("Enter")
    _wait_for(page, "[data-kg-status]", "ordenadas por distancia del código postal 07030")
    first = ".kg-clinic:first-child .kg-distance"
    assert _text(page, first) == "A menos de 1 milla del código postal 07030 (en línea recta)"
    assert _text(page, ".kg-clinic:first-child h3") == "Minimal Clinic"
    page.fill("#kg-zip", "07307")  # its center is 0.96 miles from the Minimal Clinic
    page.keyboard.press("Enter")
    _wait_for(page, "[data-kg-status]", "del código postal 07307")
    assert _text(page, first).startswith("A aproximadamente 1 milla del código postal 07307")
    last = ".kg-clinic:last-child .kg-distance"
    # Oregon is some 2,400 miles away: written as US readers write numbers (es-US: 2,4xx).
    assert re.fullmatch(
        r"A unas 2,[0-9]{3} millas del código postal 07307 \(en línea recta\)", _text(page, last)
    ), _text(page, last)
    page.fill("#kg-zip", "00001")
    page.keyboard.press("Enter")
    _wait_for(page, "[data-kg-status]", "No encontramos el código postal 00001.")
    # The clinics' own pages, in Spanish, are linked from the list the script filled.
    hrefs = page.eval_on_selector_all(".kg-clinic h3 a", "els => els.map(a => a.href)")
    assert hrefs
    assert all(h.startswith(f"{both_editions}/es/clinics/") for h in hrefs)
    page.close()
    assert [u for u in requests if not u.startswith(both_editions)] == []
    zips = [u for u in requests if "/assets/zips/" in u]
    assert zips
    assert all(u.startswith(f"{both_editions}/assets/zips/") for u in zips)
    assert not any("/es/assets/zips/" in u for u in requests)


def test_far_from_every_clinic_the_official_locators_are_offered_in_spanish(
    chromium: Any, both_editions: str
) -> None:
    page = chromium.new_page()
    page.goto(f"{both_editions}/es/clinics/")
    page.fill("#kg-zip", "33101")  # Miami: no fixture clinic within 100 miles
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-kg-far]:not([hidden])")
    far = _text(page, "[data-kg-far]")
    assert far.startswith("Ninguna clínica de este directorio está a 100 millas o menos")
    assert "FindTreatment.gov" in far
    assert "Spravato REMS" in far
    page.close()


@pytest.mark.parametrize(
    ("prefix", "invalid", "unknown", "spoken"),
    [
        (
            "",
            "Please enter a five-digit ZIP code.",
            "We could not find ZIP code 00001.",
            "Languages spoken: English, Spanish",
        ),
        (
            "es/",
            "Escriba un código postal de cinco dígitos.",
            "No encontramos el código postal 00001.",
            "Idiomas que se hablan: inglés, español",
        ),
    ],
    ids=["en", "es"],
)
def test_the_zip_form_speaks_for_itself_and_a_new_search_clears_the_old_message(
    chromium: Any, both_editions: str, prefix: str, invalid: str, unknown: str, spoken: str
) -> None:
    page = chromium.new_page()
    page.goto(f"{both_editions}/{prefix}clinics/")
    _wait_for(page, "[data-kg-count]", "3")
    # novalidate: the browser does not stop the form; the script says what is wrong, in the
    # page's language (without it, a bad ZIP code never reached the script: no message).
    page.fill("#kg-zip", "123")
    page.keyboard.press("Enter")
    _wait_for(page, "[data-kg-status]", invalid)
    page.fill("#kg-zip", "00001")
    page.keyboard.press("Enter")
    _wait_for(page, "[data-kg-status]", unknown)
    assert invalid not in _text(page, "[data-kg-status]")
    page.select_option("#kg-state", "NJ")  # a new search: the old message goes
    page.wait_for_function("document.querySelector('[data-kg-status]').textContent === ''")
    page.select_option("#kg-state", "")
    _wait_for(page, "[data-kg-count]", "3")
    # The languages a clinic's file names, in the directory, in the reader's language.
    said = page.eval_on_selector_all(".kg-clinic p", "els => els.map(p => p.textContent)")
    assert said.count(spoken) == 2  # example and overnight clinics; the minimal one names none
    page.close()
