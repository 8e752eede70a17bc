"""The clinic pages made beside the build (clinicwork.py): the fork's answer is what the build
would have made itself; a fork that fails leaves the work to the build, one that hangs stops it
in bounded time, and the clinic data's errors come back as errors, with no pages. Each fork
runs in a child Python (a fork of the test process itself would copy pytest's threads)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from ketaguide import clinicwork
from ketaguide.publish.words import EN
from tests import minisite
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 12, 1)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """`code` in a child Python, in the project, with the valid test clinics."""
    return minisite.build(ROOT, "-c", textwrap.dedent(code))


def test_the_fork_answers_with_what_the_build_makes_itself() -> None:
    done = _python("""
        import datetime as dt, os
        from pathlib import Path
        from ketaguide import clinicwork
        from ketaguide.publish.words import EN
        parent = os.getpid()
        def work():
            made = clinicwork.make(Path("."), dt.date(2026, 12, 1), Path("docs"),
                                   "https://example.org/guide/", EN)
            assert made.files and made.directory and not made.error
            return clinicwork.Made(made.files, made.directory, f"here: {os.getpid() == parent}")
        beside = clinicwork.Pending(work, beside=True).result()
        here = clinicwork.Pending(work, beside=False).result()
        print(beside.error)
        print(here.error)
        print((beside.files, beside.directory) == (here.files, here.directory))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["here: False", "here: True", "True"]


def test_a_fork_that_fails_leaves_the_work_to_the_build() -> None:
    done = _python("""
        import os
        from ketaguide import clinicwork
        parent = os.getpid()
        def work():
            if os.getpid() != parent:
                raise RuntimeError("only in the fork")
            return clinicwork.Made({"clinics/a.md": "text"}, "<div></div>")
        print(clinicwork.Pending(work, beside=True).result().files)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{'clinics/a.md': 'text'}"


def test_a_fork_that_hangs_stops_the_build_in_bounded_time() -> None:
    done = _python("""
        import os, time
        from ketaguide import clinicwork
        clinicwork.TIMEOUT_S = 0.5
        parent = os.getpid()
        def work():
            if os.getpid() != parent:
                time.sleep(60)
            return clinicwork.Made({}, "")
        pending = clinicwork.Pending(work, beside=True)
        pid = pending._fork.pid
        started = time.monotonic()
        print(pending.result().error)
        print(time.monotonic() - started < 10)
        try:
            os.kill(pid, 0)
            print("alive")
        except ProcessLookupError:
            print("gone")
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "the clinic pages were not made within 0.5 s",
        "True",
        "gone",
    ]


def test_bad_clinic_data_gives_its_findings_and_no_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETAGUIDE_CLINICS_DIR", str(FIXTURES / "clinics" / "invalid"))
    made = clinicwork.make(ROOT, TODAY, ROOT / "docs", "", EN)
    assert (made.files, made.directory) == ({}, "")
    assert ": error CLN" in made.error
    assert "hours-day-twice.yml" in made.error


def test_a_build_stops_on_bad_clinic_data_with_its_findings(tmp_path: Path) -> None:
    root = minisite.project(tmp_path / "project", {})
    folder = tmp_path / "clinics"
    folder.mkdir()
    shutil.copy(FIXTURES / "clinics" / "invalid" / "text-markup.yml", folder)
    done = minisite.build(root, env={"KETAGUIDE_CLINICS_DIR": str(folder)})
    assert done.returncode == 1
    assert "clinic data has errors:" in done.stderr
    assert "text-markup.yml" in done.stderr
    assert "error CLN005 unsafe-text" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (root / "site" / "index.html").exists()
