"""Contributing without the repository: the issue forms follow the clinic model, and
`ketaguide clinic from-issue` turns a form's answers into a clinic file that passes the checks,
with a located finding for each bad answer and never a malformed file or an overwrite."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from ketaguide.cli import main
from ketaguide.clinics import issueform
from ketaguide.yamlload import load
from tests.conftest import ROOT

TODAY = dt.date.today().isoformat()  # the file is checked on the real date
EXAMPLE = {
    "Clinic name": "Riverside Ketamine Clinic",
    "Street address": "4800 SW Griffith Drive, Suite 100",
    "City": "Beaverton",
    "State": "OR",
    "ZIP code": "97005",
    "Where did you find the address?": "the clinic's contact page, read today",
    "Phone number": "(503) 644-1000",
    "Where did you find the phone number?": "the same page, and a call to the front desk",
    "Website": "https://www.riverside-ketamine-clinic.com/",
    "Opening hours": "Mo Tu We Th 09:00-17:00\nFr 08:00-12:00",
    "Where did you find the hours?": "the contact page",
    "Services": "- [X] iv_ketamine\n- [ ] esketamine_spravato\n- [x] psychiatry",
    "Where did you find the services?": "the clinic's services page",
    "Treatment by telehealth?": "no",
    "Wheelchair accessible?": "not stated",
    "Payment": "- [X] self_pay",
    "Languages": "en, es",
    "Date you checked": TODAY,
    "How you checked": "phone",
}

KEYS = set(
    [
        "id",
        "name",
        "address",
        "geo",
        "phone",
        "website",
        "hours",
        "services",
        "telehealth",
        "wheelchair_accessible",
        "payment",
        "languages",
        "last_verified",
        "verified_by",
        "source",
    ]
)


def body(answers: dict[str, str], correcting: bool = False) -> str:
    """An issue body as GitHub renders a form's answers (unanswered: _No response_)."""
    labels = [q.label for q in ((issueform.CORRECT_ID,) if correcting else ()) + issueform.FIELDS]
    return "\n\n".join(f"### {label}\n\n{answers.get(label, '_No response_')}" for label in labels)


def run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, *extra: str
) -> tuple[int, list[str], str]:
    issue = tmp_path / "issue.md"
    issue.write_text(text, encoding="utf-8")
    folder = tmp_path / "clinics"
    code = main(["clinic", "from-issue", str(issue), "--folder", str(folder), *extra])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_the_forms_are_generated_from_the_model_and_fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    asked = {q.id for q in issueform.FIELDS if not q.id.endswith("_source")}
    assert asked | issueform.DERIVED == issueform.model_fields()
    assert main(["clinic", "forms", "--check"]) == 0
    for path in (*issueform.forms(), issueform.FORMS / "report-error.yml"):
        form = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
        assert form["name"]
        assert form["description"]
        assert form["body"]


def test_each_fact_is_asked_with_its_source() -> None:
    labels = [q.label for q in issueform.FIELDS]
    for fact in ("address", "phone number", "hours", "services"):
        assert f"Where did you find the {fact}?" in labels


def test_the_add_form_example_becomes_a_clinic_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, tmp_path, body(EXAMPLE))
    file = tmp_path / "clinics" / "riverside-ketamine-clinic-beaverton.yml"
    assert (code, lines) == (0, []), err
    assert main(["check", str(tmp_path / "clinics")]) == 0
    data = load(file.read_text(encoding="utf-8")).data
    assert data["name"] == "Riverside Ketamine Clinic"
    assert data["hours"][1] == {"days": ["Fr"], "opens": "08:00", "closes": "12:00"}
    assert data["geo"]["precision"] == "zip"  # no coordinates given: the ZIP code's center
    assert "Phone number: the same page" in data["source"]


def test_the_correct_form_example_replaces_the_clinic_only_with_update(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, tmp_path, body(EXAMPLE))[0] == 0
    file = tmp_path / "clinics" / "riverside-ketamine-clinic-beaverton.yml"
    before = file.read_text(encoding="utf-8")
    fixed = {**EXAMPLE, "Clinic id": file.stem, "Phone number": "(503) 644-1001"}
    code, lines, err = run(capsys, tmp_path, body(fixed, correcting=True))
    assert code == 1
    assert "exists; add --update to correct it" in err
    assert file.read_text(encoding="utf-8") == before
    code, lines, err = run(capsys, tmp_path, body(fixed, correcting=True), "--update")
    assert (code, lines) == (0, []), err
    assert '"(503) 644-1001"' in file.read_text(encoding="utf-8")


def test_a_correction_keeps_every_value_its_form_leaves_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Correct a clinic" says "Leave empty to keep it as it is": a correction of the phone alone
    changes the phone and adds its source; every other value stays exactly as it was."""
    with_coordinates = {**EXAMPLE, "Latitude": "45.4871", "Longitude": "-122.8034"}
    assert run(capsys, tmp_path, body(with_coordinates))[0] == 0
    file = tmp_path / "clinics" / "riverside-ketamine-clinic-beaverton.yml"
    before = load(file.read_text(encoding="utf-8")).data
    fix = {
        "Clinic id": file.stem,
        "Phone number": "(503) 644-1001",
        "Where did you find the phone number?": "a call to the clinic",
    }
    code, lines, _ = run(capsys, tmp_path, body(fix, correcting=True), "--update")
    assert (code, lines) == (0, []), "\n".join(lines)
    after = load(file.read_text(encoding="utf-8")).data
    assert after["phone"] == "(503) 644-1001"
    assert after["source"] == f"Phone number: a call to the clinic. {before['source']}"
    unchanged = {k: v for k, v in after.items() if k not in ("phone", "source")}
    assert unchanged == {k: v for k, v in before.items() if k not in ("phone", "source")}
    assert after["geo"] == {"lat": "45.4871", "lon": "-122.8034", "precision": "address"}


def test_a_correction_of_a_broken_clinic_file_says_why_it_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "clinics").mkdir()
    (tmp_path / "clinics" / "broken.yml").write_text("name: [unclosed\n", encoding="utf-8")
    fix = {"Clinic id": "broken", "Phone number": "(503) 644-1001"}
    code, lines, _ = run(capsys, tmp_path, body(fix, correcting=True), "--update")
    assert code == 1
    assert [line.split(" ")[2] for line in lines] == ["YML001"]
    assert lines[0].startswith("clinics/broken.yml:2:1: error YML001 yaml-syntax ")


def test_a_bad_answer_gives_a_located_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {**EXAMPLE, "Phone number": "555-0100", "Opening hours": "weekdays nine to five"}
    code, lines, _ = run(capsys, tmp_path, body(bad))
    assert code == 1
    issue = "issue.md"  # as the writer named it, relative to the current folder
    hours_line = body(bad).splitlines().index("weekdays nine to five") + 1
    assert (
        f'{issue}:{hours_line}:1: error CLN014 issue-form hours line "weekdays nine to five"'
        in ("\n".join(lines))
    )
    phone = [line for line in lines if " CLN003 " in line]
    assert len(phone) == 1
    assert re.match(r".*riverside-ketamine-clinic-beaverton\.yml:\d+:\d+: error CLN003", phone[0])


def test_yaml_injection_stays_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "x\"\\nid: evil' # !!python/object:os.system [ls] &a *a {{ }}"
    run(capsys, tmp_path, body({**EXAMPLE, "Clinic name": name}))
    file = next((tmp_path / "clinics").glob("*.yml"))
    data = load(file.read_text(encoding="utf-8")).data  # guarded: no tags, aliases or dup keys
    assert data["name"] == name
    assert data["id"] == file.stem
    assert set(data) == KEYS  # no key added by the answer


def test_a_multi_line_answer_to_a_one_line_question_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, _ = run(capsys, tmp_path, body({**EXAMPLE, "Clinic name": "x\nid: evil"}))
    assert code == 1
    assert any('"Clinic name" must be one line' in line for line in lines)
    data = load(next((tmp_path / "clinics").glob("*.yml")).read_text(encoding="utf-8")).data
    assert data["name"] == "x id: evil"
    assert data["id"] != "evil"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * 70_000, "the limit is 65,536 bytes"),
        ("### Unknown question\n\n<script>alert(1)</script>", "is not a question of the form"),
        ("", '"Clinic name" is not answered'),
        ("\u202e### Clinic name\n\n```\n# not a heading\n```", '"Phone number" is not answered'),
    ],
)
def test_hostile_bodies_give_findings_and_no_traceback(
    text: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines, err = run(capsys, tmp_path, text)
    assert code == 1
    assert "Traceback" not in err
    assert any(expected in line for line in lines), lines


def test_stdin_is_read_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body(EXAMPLE).encode())))
    code = main(["clinic", "from-issue", "-", "--folder", str(tmp_path / "clinics")])
    assert code == 0
    assert list((tmp_path / "clinics").glob("*.yml"))
