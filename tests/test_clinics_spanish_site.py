"""The built Spanish edition's clinic pages: every clinic and state page under /es/clinics/, in
Spanish, reached from the Spanish directory without JavaScript; one clinics.json and one ZIP
index, the English build's, which the Spanish directory reads from the site's own host."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ketaguide.clinics.load import read
from tests.conftest import ROOT

pytestmark = pytest.mark.build


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _ids() -> list[str]:
    return sorted(p.stem for p in (ROOT / "data" / "clinics").glob("*.yml"))


def test_each_clinic_has_a_spanish_page_whose_json_ld_says_spanish(site: Path) -> None:
    for file in sorted((ROOT / "data" / "clinics").glob("*.yml")):
        record, _ = read(file)
        assert record is not None
        clinic = record.clinic
        pages = {
            lang: site / prefix / "clinics" / clinic.id / "index.html"
            for lang, prefix in (("en", ""), ("es", "es"))
        }
        for lang, page in pages.items():
            soup = _soup(page)
            assert soup.html["lang"] == lang
            data = json.loads(soup.find("script", type="application/ld+json").string)
            assert data["mainEntityOfPage"]["inLanguage"] == lang
            prefix = "es/" if lang == "es" else ""
            assert data["mainEntityOfPage"]["url"].endswith(f"/{prefix}clinics/{clinic.id}/")
            assert data["name"] == clinic.name
        text = _soup(pages["es"]).select_one("article").get_text(" ", strip=True)
        assert "Teléfono:" in text
        assert "Datos revisados por última vez el " in text
        assert "Volver al directorio de clínicas" in text
        if clinic.hours:
            assert "Lunes" in text
        for english in ("Phone:", "Details last checked", "Monday", "Back to the clinic"):
            assert english not in text


def test_the_spanish_directory_reaches_every_clinic_without_javascript(site: Path) -> None:
    spanish = site / "es" / "clinics"
    soup = _soup(spanish / "index.html")
    reached = []
    for link in soup.select(".kg-states a"):
        state = _soup(spanish / link["href"] / "index.html")
        assert state.html["lang"] == "es"
        assert "Clínicas de ketamina en " in state.find("h1").get_text()
        reached += [a["href"] for a in state.select("li.kg-clinic h3 a")]
    assert sorted(h.removeprefix("../../").rstrip("/") for h in reached) == _ids()
    assert all((spanish / i / "index.html").is_file() for i in _ids())


def test_one_clinics_json_and_one_zip_index_serve_both_directories(site: Path) -> None:
    assert not (site / "es" / "clinics" / "clinics.json").exists()
    assert not (site / "es" / "assets" / "zips").exists()
    for folder in (site / "clinics", site / "es" / "clinics"):
        soup = _soup(folder / "index.html")
        section = soup.select_one("[data-kg-directory]")
        zips = (folder / section["data-kg-zips"]).resolve()
        assert zips == (site / "assets" / "zips").resolve()
        assert any(zips.glob("*.json"))
        data = (folder / soup.select_one(".kg-open-data a")["href"]).resolve()
        assert data == (site / "clinics" / "clinics.json").resolve()
        assert not section["data-kg-zips"].startswith(("http:", "https:", "/"))
    open_data = json.loads((site / "clinics" / "clinics.json").read_text(encoding="utf-8"))
    assert sorted(c["id"] for c in open_data["clinics"]) == _ids()
