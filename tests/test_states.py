"""The directory by state: a list per state, the boxes the script uses, names no clinic may take."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ketaguide.clinics import zips
from ketaguide.clinics.load import read
from ketaguide.clinics.model import Clinic
from ketaguide.publish import build, lists, render
from ketaguide.publish.words import EN
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 22)


def _fixtures() -> list[Clinic]:
    clinics = []
    for file in sorted((FIXTURES / "clinics" / "valid").glob("*.yml")):
        record, problems = read(file)
        assert record is not None
        assert problems == []
        clinics.append(record.clinic)
    return clinics


def test_every_state_code_has_a_name() -> None:
    assert set(EN.states) == zips.USPS_STATES


def test_each_state_has_its_name_and_count() -> None:
    clinics = _fixtures()
    states = {s["code"]: s for s in render.states(clinics)}
    assert sorted(states) == sorted({c.address.state for c in clinics})
    for code, state in states.items():
        assert state["count"] == len([c for c in clinics if c.address.state == code])
        assert state["name"] == EN.states[code]


def test_the_lists_by_zip_prefix_hold_every_clinic_once_inside_its_groups_box() -> None:
    clinics = _fixtures()
    items = [i for s in ("NJ", "OR") for i in render.state_items(s, clinics, TODAY)]
    made = lists.files(items)
    index = json.loads(made[f"{lists.FOLDER}/{lists.INDEX}"])["groups"]
    assert [g["prefix"] for g in index] == sorted({c.address.zip[:3] for c in clinics})
    seen = []
    for group in index:
        rows = json.loads(made[f"{lists.FOLDER}/{group['prefix']}/{lists.LIST_FILE}"])
        south, north, west, east = group["box"]
        for row in rows["clinics"]:
            clinic = next(c for c in clinics if c.id == row["id"])
            assert clinic.address.zip.startswith(group["prefix"])
            assert south <= row["lat"] <= north
            assert west <= row["lon"] <= east
            assert set(clinic.services) <= set(group["services"])
            assert row["html"] == str(dict((c.id, h) for c, h in items)[clinic.id])
            seen.append(row["id"])
        assert group["telehealth"] is any(r["telehealth"] for r in rows["clinics"])
    assert sorted(seen) == sorted(c.id for c in clinics)


def test_a_state_page_lists_only_its_clinics_and_stays_out_of_search() -> None:
    clinics = _fixtures()
    page = render.state_page("NJ", clinics, TODAY)
    assert "search:\n  exclude: true" in page.split("---\n", 2)[1]
    nj = [c for c in clinics if c.address.state == "NJ"]
    assert page.count('class="kg-clinic"') == len(nj) > 0
    assert all(c.name in page for c in nj)
    assert not any(c.name in page for c in clinics if c.address.state != "NJ")


def test_the_build_writes_a_page_per_state() -> None:
    clinics = _fixtures()
    paths = {g.path for g in build.generated_files(clinics, TODAY, "")}
    states = {c.address.state.lower() for c in clinics}
    assert {p for p in paths if p.startswith("clinics/states/")} == {
        f"clinics/states/{s}{end}" for s in states for end in (".md", f"/{lists.LIST_FILE}")
    }


def test_a_state_list_file_holds_the_entries_of_its_page_in_the_same_order() -> None:
    clinics = _fixtures()
    page, listed = render.state_files("OR", render.state_items("OR", clinics, TODAY))
    rows = json.loads(listed)["clinics"]
    oregon = sorted((c for c in clinics if c.address.state == "OR"), key=lambda c: c.name)
    assert len(rows) == len(oregon) > 1
    for row in rows:
        assert row["html"] in page  # the same entry, rendered once for both
        clinic = next(c for c in oregon if c.id == row["id"])
        assert (row["lat"], row["lon"]) == (clinic.geo.lat, clinic.geo.lon)
        assert row["services"] == list(clinic.services)
        assert row["telehealth"] is (clinic.telehealth is True)
    assert [page.index(row["html"]) for row in rows] == sorted(page.index(r["html"]) for r in rows)
    # The page's links read the same from the list file beside it (states/or/list.json).
    assert all(f'href="../../{row["id"]}/"' in row["html"] for row in rows)


def test_a_state_list_file_holds_a_clinic_name_as_escaped_text() -> None:
    clinic = _fixtures()[0]
    evil = clinic.model_copy(update={"name": 'A & B <img src=x onerror="alert(1)">'})
    state = clinic.address.state
    _, listed = render.state_files(state, render.state_items(state, [evil], TODAY))
    html = json.loads(listed)["clinics"][0]["html"]
    assert "<img" not in html
    assert "A &amp; B &lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


@pytest.mark.parametrize("name", sorted(build.GENERATED_NAMES))
def test_a_clinic_id_that_the_build_uses_stops_it(name: str) -> None:
    clinic = _fixtures()[0].model_copy(update={"id": name})
    with pytest.raises(build.ClinicDataError, match=name):
        build.generated_files([clinic], TODAY, "")
