"""Clinic data for the build: the same clinics and findings as validate(), on every core."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from ketaguide.clinics import checks
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("parallel_from", [1, 10_000])
def test_for_build_finds_what_validate_finds(
    parallel_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "PARALLEL_FROM", parallel_from)  # 1: through the process pool
    folders = [FIXTURES / "clinics", ROOT / "data" / "clinics"]
    records, expected = checks.validate(folders, TODAY)
    clinics, findings = checks.for_build(folders, TODAY)
    assert clinics == [r.clinic for r in records]
    assert findings == expected
    assert findings  # the fixtures hold invalid files
    assert Path(findings[0].path).suffix == ".yml"


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
        clinics, _ = checks.for_build([ROOT / "data" / "clinics"], TODAY)
    finally:
        stop.set()
        server.join()
    assert clinics
