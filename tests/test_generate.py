"""`ketaguide generate OUT` writes what the build's hook generates, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.publish import generate, lists
from tests.conftest import FIXTURES, ROOT

SITE_URL = "https://guide.example.org/"  # as the session's build (conftest.py)


def _body(markdown: str) -> str:
    return markdown.split("---\n", 2)[2].strip()


@pytest.mark.build
def test_generate_writes_what_the_build_publishes(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    assert main(["generate", str(out), "--site-url", SITE_URL]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert capsys.readouterr().out == f"wrote {len(written)} file(s) to {out.as_posix()}\n"
    ids = sorted(p.stem for p in (ROOT / "data" / "clinics").glob("*.yml"))
    assert [f"clinics/{i}.md" for i in ids] == [
        p for p in written if p.count("/") == 1 and p.endswith(".md")
    ]
    for path in written:
        text = (out / path).read_text(encoding="utf-8")
        if path.endswith(".json"):
            assert (site / path).read_text(encoding="utf-8") == text, path
        elif path == generate.DIRECTORY:
            page = (site / "clinics" / "index.html").read_text(encoding="utf-8")
            assert text in page
        else:  # a page: its HTML is in the built page as generated
            built = site / path.removesuffix(".md") / "index.html"
            assert _body(text) in built.read_text(encoding="utf-8"), path


@pytest.mark.build
def test_generate_writes_what_the_spanish_build_publishes(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    assert main(["generate", str(out), "--site-url", SITE_URL, "--lang", "es"]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    # Its own pages, directory and list files (their entries in Spanish); the data files
    # (clinics.json, the ZIP index) are the English build's.
    own = ("clinics/states/", f"clinics/{lists.FOLDER}/")
    assert not [p for p in written if p.endswith(".json") and not p.startswith(own)]
    assert any(p.startswith("clinics/states/") for p in written)
    assert f"clinics/{lists.FOLDER}/{lists.INDEX}" in written
    for path in written:
        text = (out / path).read_text(encoding="utf-8")
        if path.endswith(".json"):
            assert (site / "es" / path).read_text(encoding="utf-8") == text, path
        elif path == generate.DIRECTORY:
            page = (site / "es" / "clinics" / "index.html").read_text(encoding="utf-8")
            assert text in page
            assert "Su código postal (ZIP)" in text
        else:
            built = site / "es" / path.removesuffix(".md") / "index.html"
            assert _body(text) in built.read_text(encoding="utf-8"), path
            assert f"{SITE_URL}es/clinics/" in text or "states/" in path, path  # its own URL


def test_generate_refuses_a_language_without_an_edition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["generate", str(tmp_path / "out"), "--lang", "fr"])
    assert stop.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_generate_stops_on_clinic_data_with_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "clinics"
    folder.mkdir()
    shutil.copy(FIXTURES / "clinics" / "invalid" / "text-markup.yml", folder / "text-markup.yml")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("KETAGUIDE_CLINICS_DIR", str(folder))
    assert main(["generate", str(tmp_path / "out"), "--today", "2026-11-22"]) == 1
    err = capsys.readouterr().err
    assert "error CLN005 unsafe-text" in err
    assert not (tmp_path / "out").exists()
