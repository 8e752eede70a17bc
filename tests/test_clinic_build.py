"""Clinic data for the build: on every core, the same clinics and findings as on one."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from ketaguide.clinics import checks
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date.today()  # fixtures and the real data/clinics: the real date


def test_the_process_pool_finds_what_one_core_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [FIXTURES / "clinics", ROOT / "data" / "clinics"]
    monkeypatch.setattr(checks, "PARALLEL_FROM", 10_000)  # one core
    clinics, expected = checks.validate(folders, TODAY)
    monkeypatch.setattr(checks, "PARALLEL_FROM", 1)  # through the process pool
    assert checks.validate(folders, TODAY) == (clinics, expected)
    assert list(checks.check(folders, TODAY)) == expected
    assert expected  # the fixtures hold invalid files
    assert Path(expected[0].path).suffix == ".yml"
    assert {c.id for c in clinics} >= {"medipro-beaverton"}
    assert "every-problem-in-one-run" not in {c.id for c in clinics}  # partial: checked, not built


def test_no_process_pool_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs serve builds in a thread beside its server: forking there is unsafe."""

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a process pool was started in a threaded process")

    monkeypatch.setattr(checks, "PARALLEL_FROM", 1)
    monkeypatch.setattr(checks, "ProcessPoolExecutor", no_pool)
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        clinics, _ = checks.validate([ROOT / "data" / "clinics"], TODAY)
    finally:
        stop.set()
        server.join()
    assert clinics
