"""A clinic's id cannot take a name the site uses: its page would replace that page or file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.clinics import ids
from ketaguide.clinics.load import read
from ketaguide.publish import build
from tests.conftest import FIXTURES, ROOT, build_with_clinics, see

TODAY = "2026-11-22"
EXAMPLE = FIXTURES / "clinics" / "valid" / "example-clinic.yml"


def _tree(tmp_path: Path, clinic_id: str) -> Path:
    """A project folder with the real docs/clinics/ and one clinic file named by its id."""
    shutil.copytree(ROOT / "docs" / "clinics", tmp_path / "docs" / "clinics")
    (tmp_path / "docs" / "clinics" / "open-data-notes.md").write_text("# Notes\n", "utf-8")
    folder = tmp_path / "data" / "clinics"
    folder.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8").replace("id: example-clinic", f"id: {clinic_id}")
    (folder / f"{clinic_id}.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("clinic_id", "taken_by"),
    [
        ("index", "docs/clinics/index.md"),
        ("clinics", "the open data file (clinics/clinics.json)"),
        ("open-data-notes", "docs/clinics/open-data-notes.md"),
    ],
)
def test_an_id_the_site_uses_is_a_located_error(
    clinic_id: str,
    taken_by: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(_tree(tmp_path, clinic_id))
    assert main(["check", "--today", TODAY, "data"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        see(
            f'data/clinics/{clinic_id}.yml:1:5: error CLN011 clinic-id id "{clinic_id}" is taken '
            f"by {taken_by}; its page would replace it: choose another (and rename the file), "
            f'e.g. "{clinic_id}-<city>"'
        )
    ]


def test_other_ids_are_free(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_tree(tmp_path, "example-clinic"))
    assert main(["check", "--today", TODAY, "data"]) == 0
    assert set(ids.reserved()) == {"index", "clinics", "states", "near", "open-data-notes"}


def test_the_reserved_names_are_what_the_build_writes_into_clinics() -> None:
    record, _ = read(EXAMPLE)
    assert record is not None
    written = build.generated_files([record.clinic], dt.date(2026, 11, 22), "")
    others = {
        g.path.split("/")[1].split(".", 1)[0]  # the name it takes in clinics/
        for g in written
        if g.path.startswith(f"{ids.PAGES}/") and g.path != f"{ids.PAGES}/example-clinic.md"
    }
    assert others | {"index"} == set(ids.GENERATED)  # index: the hand-written directory page


@pytest.mark.build
def test_the_build_refuses_a_clinic_called_index(tmp_path: Path) -> None:
    folder = _tree(tmp_path, "index") / "data" / "clinics"
    result = build_with_clinics(folder, tmp_path / "site")
    assert result.returncode == 1
    assert 'index.yml:1:5: error CLN011 clinic-id id "index" is taken by' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "clinics" / "index.html").exists()
