"""Clinic files: every invalid fixture gives its exact findings; nothing gives a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ketaguide.checks import all_rules
from ketaguide.cli import main
from tests.conftest import FIXTURES, ROOT, see

CLINICS = FIXTURES / "clinics"
INVALID = sorted((CLINICS / "invalid").glob("*.yml"))
TODAY = "2026-11-22"


def _expected(file: Path) -> list[str]:
    return re.findall(r"^# expect: (.+)$", file.read_text(encoding="utf-8"), flags=re.M)


def _check(capsys: pytest.CaptureFixture[str], *paths: Path | str) -> tuple[int, list[str]]:
    code = main(["check", "--today", TODAY, *map(str, paths)])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_there_are_at_least_40_invalid_files_each_with_expectations() -> None:
    assert len(INVALID) >= 40
    assert [f.name for f in INVALID if not _expected(f)] == []


@pytest.mark.parametrize("file", INVALID, ids=lambda f: f.stem)
def test_invalid_file_gives_exact_findings(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = file.relative_to(ROOT).as_posix()
    code, lines = _check(capsys, path)
    assert lines == [see(f"{path}:{expect}") for expect in _expected(file)]
    errors = any(" error " in line for line in lines)
    assert code == (1 if errors else 0)


def test_every_clinic_and_yaml_rule_has_an_invalid_fixture() -> None:
    covered = {
        m.group(1)
        for f in INVALID
        for m in re.finditer(r"(?:error|warning) ([A-Z]{3}\d{3}) ", f.read_text(encoding="utf-8"))
    }
    covered |= {"CLN012"}  # cross-file: tested below with two files
    covered |= {"CLN014"}  # about an issue body, not a clinic file: tests/test_from_issue.py
    covered |= {"YML006", "YML007"}  # byte-level: tested below with generated files
    covered |= {"CLN015"}  # about where a file is: tested below with folders of a project
    wanted = {r.id for r in all_rules() if r.id.startswith(("CLN", "YML"))}
    assert wanted - covered == set()


@pytest.mark.parametrize("folder", ["Clinics", "clinic", "CLINICS", "_clinics"])
def test_a_clinic_folder_not_named_clinics_is_a_finding_not_a_silent_skip(
    folder: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = ROOT / "data" / "clinics" / "medipro-beaverton.yml"
    (tmp_path / "data" / folder).mkdir(parents=True)
    (tmp_path / "data" / folder / source.name).write_bytes(source.read_bytes())
    (tmp_path / "data" / "stray.yml").write_bytes(source.read_bytes())
    (tmp_path / "data" / "reviewers.yml").write_text("[]\n", encoding="utf-8")  # a record
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "data")
    assert code == 1
    assert [line for line in lines if " CLN015 " in line] == [
        see(
            f"data/{folder}/medipro-beaverton.yml: error CLN015 clinic-folder the folder "
            f'"{folder}" is not read: clinic files go in a folder named "clinics"'
        ),
        see(
            "data/stray.yml: error CLN015 clinic-folder no tool reads a YAML file directly in "
            "data/: a clinic file goes in clinics/"
        ),
    ]


def test_the_real_data_has_no_unread_yaml_file(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "data", "docs"])  # the real data: the real date
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if " CLN015 " in line] == []


def test_valid_clinics_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(capsys, "tests/fixtures/clinics/valid") == (0, [])


def test_the_published_clinics_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "data/clinics"])  # the real data, checked on the real date
    lines = capsys.readouterr().out.splitlines()
    assert (code, [line for line in lines if " error " in line]) == (0, [])


def test_a_shared_phone_number_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    folder = "tests/fixtures/clinics/cross/shared-phone"
    code, lines = _check(capsys, folder)
    assert code == 0
    assert lines == [
        see(
            f'{folder}/second-clinic.yml:9:8: warning CLN012 shared-phone "(503) 828-9265" is '
            f"also the number of {folder}/first-clinic.yml"
        )
    ]


def test_two_clinics_with_one_id_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    folder = "tests/fixtures/clinics/cross/duplicate-id"
    code, lines = _check(capsys, folder)
    assert code == 1
    assert lines == [
        see(
            f'{folder}/b/same-clinic.yml:1:5: error CLN011 clinic-id id "same-clinic" is also '
            f"used by {folder}/a/same-clinic.yml"
        )
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", ":1:1: error CLN002 clinic-field-invalid a clinic file must be a mapping of fields"),
        (b"# only a comment\n", ":1:1: error CLN002 clinic-field-invalid a clinic file must be a"),
        (b"just a sentence\n", ":1:1: error CLN002 clinic-field-invalid a clinic file must be a"),
        (b"\xff\xfe\x00binary", ":1:1: error YML007 not-utf8 byte 0xff is not valid UTF-8"),
        (b"a: " + b"x" * 70000, ":1:1: error YML006 file-too-large file is 70,003 bytes"),
        (b"[" * 5000, ":1:7: error YML005 too-deep nesting is deeper than 6 levels"),
        (b"\xef\xbb\xbfid: x\n", ":1:1: error CLN001 clinic-field-missing"),
        (b"{{{{", ":1:2: error YML001 yaml-syntax a key must be a plain word"),
        (b"? [a, b]\n: c\n", ":1:3: error YML001 yaml-syntax a key must be a plain word"),
    ],
)
def test_odd_input_gives_a_finding_never_a_traceback(
    content: bytes, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "clinics" / "odd.yml"
    file.parent.mkdir()
    file.write_bytes(content)
    code, lines = _check(capsys, file)
    assert code == 1
    assert lines[0].startswith(f"{file.as_posix()}{expected}")


@pytest.mark.parametrize(
    ("url", "problem"),
    [("https://[oops", "Invalid IPv6 URL"), ("https://a.org:99999/", "Port out of range")],
)
def test_an_unreadable_website_is_a_finding_beside_the_other_fields_findings(
    url: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "clinics" / "odd.yml"
    file.parent.mkdir()
    file.write_text(f'id: odd\nwebsite: "{url}"\n', encoding="utf-8")
    code, lines = _check(capsys, file)
    assert code == 1
    assert f"{file.as_posix()}:2:10: error CLN004 unsafe-url the address cannot be read: " in (
        "\n".join(lines)
    )
    assert problem in "\n".join(lines)
    assert any(" CLN001 " in line for line in lines)  # and the missing fields, in the same run
