"""Clinic pages: generated from the data, escaped everywhere, machine-readable, and filterable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from ketaguide import search
from ketaguide.cli import main
from ketaguide.clinics.load import read
from ketaguide.clinics.model import Clinic
from ketaguide.publish import jsonld as publish
from ketaguide.publish import render
from tests.conftest import FIXTURES, ROOT, build_with_clinics

EVIL = "<script>alert(1)</script>"
TODAY = dt.date(2026, 11, 22)


def _clinic(**changes: object) -> Clinic:
    record, problems = read(FIXTURES / "clinics" / "valid" / "example-clinic.yml")
    assert problems == []
    assert record is not None
    # model_copy does not validate: the renderer must be safe even for data that slipped by.
    return record.clinic.model_copy(update=changes)


def _scripts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [s.get("type", "") for s in soup.find_all("script")]


def test_a_hostile_name_renders_inert_in_its_state_list_and_on_its_page() -> None:
    clinic = _clinic(name=EVIL, website='https://x.example.org/"onmouseover="alert(1)')
    entry = render.state_page(clinic.address.state, [clinic], TODAY).split("---\n", 2)[2]
    page = render.clinic_page(clinic, TODAY, publish.json_ld(clinic, ""))
    for html in (entry, page):
        assert EVIL not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert '"onmouseover="' not in html
    assert _scripts(entry) == []
    assert _scripts(page.split("---\n", 2)[2]) == ["application/ld+json"]
    soup = BeautifulSoup(entry, "html.parser")
    assert soup.find("h3").get_text() == EVIL


def test_json_ld_cannot_break_out_of_its_script_and_parses_back_to_the_data() -> None:
    clinic = _clinic(name=f"A </script>{EVIL} & B")
    text = publish.script_safe(publish.json_ld(clinic, "https://example.org/clinics/x/"))
    assert "</" not in text
    assert "<" not in text
    data = json.loads(text)
    assert data["name"] == clinic.name
    assert data["@type"] == "MedicalClinic"
    assert data["telephone"] == "+15038289265"


def test_the_schema_file_is_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["schema", "--check"]) == 0  # the template's own tests: tests/test_templates.py


def test_a_stale_schema_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "clinic.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert "stale or missing" in capsys.readouterr().err


@pytest.mark.build
def test_the_build_refuses_a_clinic_file_with_markup(tmp_path: Path) -> None:
    folder = tmp_path / "clinics"
    folder.mkdir()
    text = (FIXTURES / "clinics" / "valid" / "example-clinic.yml").read_text(encoding="utf-8")
    (folder / "example-clinic.yml").write_text(
        text.replace('name: "Example Ketamine Clinic"', f'name: "{EVIL}"'), encoding="utf-8"
    )
    result = build_with_clinics(folder, tmp_path / "site")
    assert result.returncode == 1
    assert "CLN005 unsafe-text" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_each_clinic_has_a_page_with_json_ld_matching_its_data(site: Path) -> None:
    for file in sorted((ROOT / "data" / "clinics").glob("*.yml")):
        record, _ = read(file)
        assert record is not None
        clinic = record.clinic
        soup = BeautifulSoup(
            (site / "clinics" / clinic.id / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        assert soup.find("h1").get_text() == clinic.name
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["name"] == clinic.name
        assert data["address"]["postalCode"] == clinic.address.zip
        assert data["geo"]["latitude"] == clinic.geo.lat
        assert soup.find("a", href=f"tel:{data['telephone']}") is not None


@pytest.mark.build
def test_directory_reaches_every_clinic_through_its_state_and_open_data_matches(
    site: Path,
) -> None:
    soup = BeautifulSoup(
        (site / "clinics" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    ids = sorted(p.stem for p in (ROOT / "data" / "clinics").glob("*.yml"))
    assert soup.select("li.kg-clinic") == []  # the list loads by state, as the reader asks
    reached = []
    for state in soup.select(".kg-states a"):
        page = site / "clinics" / state["href"] / "index.html"
        listed = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        reached += [a["href"] for a in listed.select("li.kg-clinic h3 a")]
    assert sorted(href.removeprefix("../../").rstrip("/") for href in reached) == ids
    assert all((site / "clinics" / f"{clinic_id}" / "index.html").is_file() for clinic_id in ids)
    form = soup.select_one("form[data-kg-filters]")
    assert form is not None
    assert form.has_attr("hidden")  # shown only by the script; the plain list works without it
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert any(src.endswith("assets/javascripts/directory.js") for src in scripts)
    other = (site / "understanding" / "chronic-pain" / "index.html").read_text(encoding="utf-8")
    assert "directory.js" not in other
    open_data = json.loads((site / "clinics" / "clinics.json").read_text(encoding="utf-8"))
    assert sorted(c["id"] for c in open_data["clinics"]) == ids


@pytest.mark.build
def test_search_finds_each_clinic_once_on_its_own_page(site: Path) -> None:
    pages = search.indexed_pages(site)
    for file in sorted((ROOT / "data" / "clinics").glob("*.yml")):
        record, _ = read(file)
        assert record is not None
        street = record.clinic.address.street
        holding = [url for url, text in pages.items() if street in text]
        assert holding == [f"/clinics/{record.clinic.id}/"]
    assert "How does this directory work" in pages["/clinics/"]


@pytest.mark.build
def test_zip_index_is_sharded_and_small(site: Path) -> None:
    shards = sorted((site / "assets" / "zips").glob("*.json"))
    assert len(shards) > 90
    beaverton = json.loads((site / "assets" / "zips" / "97.json").read_text(encoding="utf-8"))
    assert beaverton["97006"] == pytest.approx([45.52, -122.86], abs=0.01)
    assert max(p.stat().st_size for p in shards) < 250_000


def test_the_front_matter_holds_the_name_as_text() -> None:
    clinic = _clinic(name="Smith & Jones's Clinic")
    page = render.clinic_page(clinic, TODAY, publish.json_ld(clinic, ""))
    front = yaml.safe_load(page.split("---\n", 2)[1])
    assert front["title"] == "Smith & Jones's Clinic"
    assert front["description"].startswith("Contact details, hours and services of Smith & Jones")


@pytest.mark.build
def test_a_clinic_name_is_escaped_once_in_the_page_title(site: Path) -> None:
    html = (site / "clinics" / "medipro-beaverton" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title is not None
    assert soup.title.get_text().startswith("MediPro Pain & Performance")
    assert "&amp;amp;" not in html
