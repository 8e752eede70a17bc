"""The clinic pages, state pages and directory in Spanish, from the same data as in English."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from bs4 import BeautifulSoup

from ketaguide import dates, editions
from ketaguide.clinics.load import read
from ketaguide.clinics.model import Clinic
from ketaguide.publish import build, jsonld, lists, render
from ketaguide.publish.words import EN, ES, LANGUAGES
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 11, 22)
SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "directory.js"


def _clinic(**changes: object) -> Clinic:
    record, problems = read(FIXTURES / "clinics" / "valid" / "example-clinic.yml")
    assert problems == []
    assert record is not None
    return record.clinic.model_copy(update=changes)


def _body(source: str) -> BeautifulSoup:
    return BeautifulSoup(source.split("---\n", 2)[2], "html.parser")


def _front(source: str) -> str:
    return source.split("---\n", 2)[1]


def test_dates_in_spanish_and_english_from_one_formatter() -> None:
    assert dates.long_date(dt.date(2026, 11, 22), "es") == "22 de noviembre de 2026"
    assert dates.long_date(dt.date(2026, 3, 1), "es") == "1 de marzo de 2026"
    assert dates.long_date(dt.date(2026, 3, 1)) == "March 1, 2026"
    assert dates.long_date(dt.date(2026, 3, 1), "en") == "March 1, 2026"
    with pytest.raises(dates.UnknownLanguage, match="'fr'"):
        dates.long_date(dt.date(2026, 3, 1), "fr")


def test_no_text_key_hides_behind_a_field_of_the_same_name() -> None:
    # Templates write t.phone: a text key named like a field would print the field instead.
    fields = {f.name for f in dataclasses.fields(EN)} | {"plural"}
    assert set(EN.text) & fields == set()


def test_a_spanish_clinic_page_says_everything_in_spanish() -> None:
    clinic = _clinic(last_verified=dt.date(2026, 11, 1), payment=["self_pay", "insurance"])
    page = render.clinic_page(clinic, TODAY, jsonld.json_ld(clinic, "", ES), ES)
    assert 'description: "Datos de contacto, horario y servicios de Example' in _front(page)
    body = _body(page)
    text = body.get_text(" ", strip=True).replace(" ,", ",")
    for words in (
        "Teléfono:",
        "Sitio web:",
        "Servicios indicados",
        "Infusiones intravenosas (IV) de ketamina",
        "Esketamina en aerosol nasal (Spravato)",
        "Formas de pago indicadas: Pago por cuenta propia, Seguro médico",
        "Telesalud: No",
        "Horario de atención",
        "Lunes 09:00 a 17:00",
        "Martes 11:00 a 19:00",
        "Miércoles",
        "Sábado Cerrado",
        "Domingo Cerrado",
        "Datos revisados por última vez el 1 de noviembre de 2026, por teléfono con la clínica.",
        "Volver al directorio de clínicas",
        "Estar en la lista no es una recomendación.",
    ):
        assert words in text, words
    assert body.find("time")["datetime"] == "2026-11-01"
    for english in ("Phone", "Monday", "Closed", "Services listed", "November", "Back to"):
        assert english not in text, english
    stale = render.clinic_page(clinic, dt.date(2027, 6, 1), {}, ES)
    assert "Estos datos tienen más de 6 meses" in _body(stale).get_text(" ", strip=True)


def test_a_spanish_state_page_has_spanish_words_and_a_singular_for_one_clinic() -> None:
    one = _clinic()
    two = _clinic(id="second-clinic", name="Second Clinic")
    page = render.state_page("OR", [one], TODAY, ES)
    assert 'title: "Clínicas de ketamina en Oregón"' in _front(page)
    text = _body(page).get_text(" ", strip=True)
    assert "1 clínica en la lista." in text
    assert "Volver al directorio de clínicas" in text
    assert "cómo elegir una clínica" in text
    plural = _body(render.state_page("OR", [one, two], TODAY, ES)).get_text(" ", strip=True)
    assert "2 clínicas en la lista." in plural
    english = _body(render.state_page("OR", [one], TODAY)).get_text(" ", strip=True)
    assert "1 clinic listed." in english
    assert "Ketamine clinics in Oregon" in english


@pytest.mark.parametrize("words", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_json_ld_names_the_language_of_its_page(words: object) -> None:
    assert words in (EN, ES)
    clinic = _clinic()
    url = f"https://guide.example.org/{'' if words is EN else 'es/'}clinics/example-clinic/"
    page = render.clinic_page(clinic, TODAY, jsonld.json_ld(clinic, url, words), words)  # type: ignore[arg-type]
    data = json.loads(_body(page).find("script", type="application/ld+json").string)
    assert data["@type"] == "MedicalClinic"
    assert data["mainEntityOfPage"] == {
        "@type": "WebPage",
        "inLanguage": words.lang,  # type: ignore[attr-defined]
        "@id": url,
        "url": url,
    }
    services = [s["name"] for s in data["availableService"]]
    assert services == [words.services[s] for s in clinic.services]  # type: ignore[attr-defined]


def test_the_spanish_build_makes_pages_only_and_reads_the_one_set_of_data_files() -> None:
    clinics = [
        _clinic(),
        _clinic(
            id="jersey-clinic",
            address=_clinic().address.model_copy(update={"state": "NJ", "zip": "07030"}),
        ),
    ]
    english = {g.path for g in build.generated_files(clinics, TODAY, "")}
    spanish = {g.path for g in build.generated_files(clinics, TODAY, "", ES)}
    pages = {
        "clinics/example-clinic.md",
        "clinics/jersey-clinic.md",
        "clinics/states/nj.md",
        "clinics/states/or.md",
        # each state's list in the page's language, for the Spanish directory's script
        f"clinics/states/nj/{lists.LIST_FILE}",
        f"clinics/states/or/{lists.LIST_FILE}",
        # and the lists by ZIP prefix (lists.py)
        "clinics/near/index.json",
        f"clinics/near/070/{lists.LIST_FILE}",
        f"clinics/near/970/{lists.LIST_FILE}",
    }
    assert spanish == pages
    assert "clinics/clinics.json" in english
    assert any(p.startswith("assets/zips/") for p in english)
    assert english - spanish == {p for p in english if p not in pages}
    directory = BeautifulSoup(build.directory(clinics, TODAY, ES), "html.parser")
    section = directory.select_one("[data-kg-directory]")
    assert section["data-kg-zips"] == "../../assets/zips/"  # /es/clinics/ -> /assets/zips/
    assert section["data-kg-states-base"] == "states/"  # the Spanish state pages
    assert section["data-kg-locale"] == "es-US"  # numbers as US readers write them
    assert directory.select_one(".kg-open-data a")["href"] == "../../clinics/clinics.json"
    assert [a["href"] for a in directory.select(".kg-states a")] == ["states/nj/", "states/or/"]
    assert "Nueva Jersey" in directory.select_one(".kg-states").get_text()
    english_dir = BeautifulSoup(build.directory(clinics, TODAY), "html.parser")
    assert english_dir.select_one("[data-kg-directory]")["data-kg-zips"] == "../assets/zips/"
    assert english_dir.select_one(".kg-open-data a")["href"] == "../clinics/clinics.json"


def test_the_spanish_directory_hands_its_script_spanish_sentences() -> None:
    html = BeautifulSoup(build.directory([_clinic()], TODAY, ES), "html.parser")
    said = json.loads(html.select_one("script[data-kg-words]").string)
    assert said["script_zip_invalid"] == "Escriba un código postal de cinco dígitos."
    assert said["script_miles"] == {
        "one": "A aproximadamente {count} milla del código postal {zip} (en línea recta)",
        "other": "A unas {count} millas del código postal {zip} (en línea recta)",
    }
    text = html.get_text(" ", strip=True)
    for words in (
        "Su código postal (ZIP)",
        "Ordenar por distancia",
        "Todos los estados",
        "1 clínica en la lista.",
        "Ofrece telesalud",
        "Clínicas por estado",
    ):
        assert words in text, words
    far = html.select_one("[data-kg-far]")
    assert [a["href"] for a in far.select("a")] == [
        "https://findtreatment.gov/",
        "https://www.spravatorems.com/",
    ]
    assert "Ninguna clínica de este directorio está a 100 millas o menos" in far.get_text()


PROSE = re.compile(r"[A-Za-z]{2,}[ ,.!?…] ?[A-Za-z]{2,}|^[A-Z][a-z]+")  # words, or a Word


def _prose(literals: list[str]) -> list[str]:
    """Literals with words in them (two in a row, or one capitalised), once ${...} expressions
    are dropped."""
    plain = [re.sub(r"\$\{[^}]*\}", "", s) for s in literals if s != "use strict"]
    return [s for s in plain if PROSE.search(s)]


def _literals(source: str) -> list[str]:
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)  # comments are for maintainers
    found = re.findall(r'"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`|\'((?:[^\'\\]|\\.)*)\'', source)
    return [next(part for part in match if part) for match in found if any(match)]


def test_the_directory_script_has_no_words_of_its_own() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    literals = _literals(source)
    assert "[data-kg-words]" in literals  # the scan sees the script's strings
    assert _prose(literals) == []
    keys = set(re.findall(r'\bsay\("(\w+)"', source))
    assert keys == set(render.SCRIPT_TEXT) | set(render.SCRIPT_PLURALS)


def test_the_prose_scan_would_catch_an_english_sentence() -> None:
    script = 'a = `Finding clinics near ${zip}…`; b = "a > b"; c = `${x}: ${y}`; d = "Closed"'
    assert _prose(_literals(script)) == ["Finding clinics near …", "Closed"]


def test_each_edition_has_the_clinic_words_of_its_language() -> None:
    assert set(LANGUAGES) == set(editions.BY_CODE)
    assert all(words.lang == code for code, words in LANGUAGES.items())
    assert build.shared_root("en") == ""
    assert build.shared_root("es") == "../"
