"""Clinic data for the build: on N worker processes, the same clinics and findings as on one."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ketaguide.clinics import checks, pool
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 11, 22)


def test_the_process_pool_finds_what_one_core_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    folders = [FIXTURES / "clinics", ROOT / "data" / "clinics"]
    clinics, expected = checks.validate(folders, TODAY, workers=1)  # one core
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)  # through the process pool
    assert checks.validate(folders, TODAY, workers=2) == (clinics, expected)
    assert list(checks.check(folders, TODAY, workers=2)) == expected
    assert expected  # the fixtures hold invalid files
    assert Path(expected[0].path).suffix == ".yml"
    assert {c.id for c in clinics} >= {"medipro-beaverton"}
    assert "every-problem-in-one-run" not in {c.id for c in clinics}  # partial: checked, not built


def _pid_after_a_moment(item: int, shared: float) -> int:
    time.sleep(shared)
    return os.getpid()


@pytest.mark.parametrize("workers", [2, 3])
def test_the_pool_runs_on_the_workers_it_is_given(
    workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    run = pool.each(_pid_after_a_moment, list(range(24)), 0.05, workers)
    assert run.workers == workers
    assert len(set(run.results)) == workers
    assert os.getpid() not in run.results
    assert pool.each(_pid_after_a_moment, list(range(24)), 0.0, 1).results == [os.getpid()] * 24


def test_the_pool_runs_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdocs serve builds in a thread beside its server: the workers do not fork this process,
    so the pool is safe there too, and does not quietly fall back to one core."""
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        run = pool.each(_pid_after_a_moment, list(range(16)), 0.05, 2)
        clinics, _ = checks.validate([ROOT / "data" / "clinics"], TODAY, workers=2)
    finally:
        stop.set()
        server.join()
    assert run.workers == 2
    assert clinics


def test_the_worker_count_comes_from_the_environment_or_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(pool.ENV_WORKERS, "3")
    assert pool.default_workers() == 3
    for wrong in ("0", "-2", "two", "٣", ""):
        monkeypatch.setenv(pool.ENV_WORKERS, wrong)
        assert pool.default_workers() == min(os.cpu_count() or 1, pool.MAX_WORKERS)


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _as_from_a_terminal() -> None:
    """Ctrl-C as a shell's job gets it: not ignored or blocked, whatever the test process
    inherited or another test left behind (both pass to a child through exec)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


ENDED_FIRST: list[str] = []  # how each try that ended before Ctrl-C ended, for the failure


def _interrupted_check(folder: Path) -> subprocess.Popen[str] | None:
    """Start a parallel check, Ctrl-C it while its workers run; None if it finished first."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ketaguide", "check", "--today", "2026-11-22", str(folder)],
        env={**os.environ, pool.ENV_WORKERS: "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=_as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(_children(child) for child in _children(process.pid)):  # the workers run
            break
        time.sleep(0.05)
    time.sleep(0.2)
    if process.poll() is not None:
        _, err = process.communicate()
        ENDED_FIRST.append(f"exit {process.returncode}: {err.strip()[-300:]}")
        return None
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches every process of the group
    return process


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")
def test_ctrl_c_during_a_parallel_check_exits_130_with_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "clinics"
    folder.mkdir()
    text = (FIXTURES / "clinics" / "valid" / "example-clinic.yml").read_text(encoding="utf-8")
    for n in range(20 * pool.PARALLEL_FROM):  # long enough to be stopped midway
        (folder / f"clinic-{n}.yml").write_text(
            text.replace("id: example-clinic", f"id: clinic-{n}"), encoding="utf-8"
        )
    # If the check still ends inside the wait, try again (3 times at most); a check that
    # ignored Ctrl-C would end every time and fail below.
    for _ in range(3):
        process = _interrupted_check(folder)
        if process is None:
            continue
        out, err = process.communicate(timeout=60)
        if process.returncode == 0 and "interrupted" not in err:
            ENDED_FIRST.append(f"exit 0 after the signal: {err.strip()[-300:]}")
            continue  # the check ended before the signal came: not the case under test
        break
    else:
        pytest.fail(f"the check was never interrupted while its workers ran: {ENDED_FIRST}")
    assert process.returncode == 130
    assert err == "ketaguide: interrupted\n"
    assert "Traceback" not in out
    for _ in range(200):  # the workers and the fork server end with it
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("processes of the interrupted check are still running")
