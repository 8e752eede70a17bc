"""buildall: every edition at once, output in build order, a translation moved in only when
every edition built (fake builds stand in for MkDocs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ketaguide import buildall
from ketaguide.editions import EDITIONS

# Each fake build writes its page, then waits (WAIT s at most) for every other edition's start:
# run one after another, the first would time out and fail.
_FAKE = """
import os, pathlib, sys, time
print(sys.argv[2], "shares the machine with", os.environ.get("KETAGUIDE_BUILDS_AT_ONCE"), "builds")
target, me, others, code = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3:-2], int(sys.argv[-1])
target.mkdir(parents=True, exist_ok=True)
(target / "index.html").write_text(me)
(pathlib.Path(sys.argv[-2]).parent / f"{me}.started").write_text("")
deadline = time.monotonic() + WAIT
marks = pathlib.Path(sys.argv[-2]).parent
while not all((marks / f"{o}.started").exists() for o in others):
    if time.monotonic() > deadline:
        print(me, "built alone"); sys.exit(3)
    time.sleep(0.01)
print(me, "built"); sys.exit(code)
"""


def _fake(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codes: dict[str, int], wait: float = 30
) -> None:
    names = [e.config for e in EDITIONS]
    marks = tmp_path / "marks"
    marks.mkdir()

    def command(config: str, target: Path, options: list[str]) -> list[str]:
        others = [n for n in names if n != config]
        code = str(codes.get(config, 0))
        fake = _FAKE.replace("WAIT", str(wait))
        return [sys.executable, "-c", fake, str(target), config, *others, str(marks / "x"), code]

    monkeypatch.setattr(buildall, "_command", command)


def test_every_edition_builds_at_once_and_lands_in_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, monkeypatch, {})
    site = tmp_path / "site"
    assert buildall.main(["--site-dir", str(site)]) == 0
    assert (site / "index.html").read_text() == "mkdocs.yml"
    assert (site / "es" / "index.html").read_text() == "mkdocs.es.yml"
    assert not buildall.staging(str(site), "es/").exists()
    out = capfd.readouterr().out
    assert out.index("mkdocs.yml built") < out.index("mkdocs.es.yml built")
    together = f"shares the machine with {len(EDITIONS)} builds"  # so no renderer forks
    assert out.count(together) == len(EDITIONS)


def test_a_failed_translation_is_not_moved_in_and_its_status_is_the_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, monkeypatch, {"mkdocs.es.yml": 1})
    site = tmp_path / "site"
    (site / "es").mkdir(parents=True)
    (site / "es" / "old.html").write_text("an earlier build")
    assert buildall.main(["--site-dir", str(site)]) == 1
    assert not buildall.staging(str(site), "es/").exists()
    assert not (site / "es" / "index.html").exists()
    assert "mkdocs.es.yml built" in capfd.readouterr().out


def test_the_first_failure_in_build_order_gives_the_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake(tmp_path, monkeypatch, {"mkdocs.yml": 4, "mkdocs.es.yml": 5})
    assert buildall.main(["--site-dir", str(tmp_path / "site")]) == 4


def test_one_at_a_time_still_runs_the_builds_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake(tmp_path, monkeypatch, {}, wait=0.5)
    assert buildall.main(["--site-dir", str(tmp_path / "site"), "--one-at-a-time"]) == 3
    out = capfd.readouterr().out
    assert "mkdocs.yml built alone" in out
    assert "mkdocs.yml shares the machine with 1 builds" in out


@pytest.mark.parametrize("form", [["-d", "{}"], ["--site-dir={}"], ["--site-dir", "{}"]])
def test_the_site_folder_is_taken_in_each_of_mkdocs_forms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: list[str]
) -> None:
    _fake(tmp_path, monkeypatch, {})
    site = tmp_path / "out"
    assert buildall.main([part.format(site) for part in form]) == 0
    assert (site / "index.html").read_text() == "mkdocs.yml"
    assert (site / "es" / "index.html").read_text() == "mkdocs.es.yml"


@pytest.mark.parametrize("args", [["-f", "mkdocs.yml"], ["--config-file=x.yml"], ["-d"]])
def test_an_option_that_cannot_apply_to_every_edition_is_refused_with_usage(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        buildall.main(args)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("usage: python -m ketaguide.buildall")
