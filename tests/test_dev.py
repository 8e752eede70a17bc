"""scripts/dev.py: a one-line message on an old Python, and a .venv that is rebuilt when it was
made by another Python or cannot run pip."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

DEV = ROOT / "scripts" / "dev.py"


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", DEV)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_old_python_gets_one_line_before_anything_else(tmp_path: Path) -> None:
    # Python 3.10 as far as dev.py can tell: the first thing it does is say so, in one line.
    code = (
        "import sys; sys.version_info = (3, 10, 12, 'final', 0); sys.argv = ['dev.py', 'test']; "
        f"exec(compile(open({str(DEV)!r}).read(), 'dev.py', 'exec'), {{'__name__': '__main__'}})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("dev.py: Python 3.11 or newer is needed; ")
    assert "is 3.10." in lines[0]
    assert not (tmp_path / ".venv").exists()


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _dev()
    venv_dir = tmp_path / ".venv"
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", venv_dir)
    monkeypatch.setattr(module, "PYTHON", venv_dir / "bin" / "python")
    monkeypatch.setattr(module, "STAMP", venv_dir / ".installed")
    made: list[Path] = []

    def create(path: Path, with_pip: bool) -> None:
        made.append(path)
        (path / "bin").mkdir(parents=True)
        (path / "bin" / "python").write_text("")
        (path / "pyvenv.cfg").write_text(f"version = {module.VERSION}.1\n")

    monkeypatch.setattr(module.venv, "create", create)
    monkeypatch.setattr(module, "_run", lambda *cmd, env=None: 0)  # pip install: done
    monkeypatch.setattr(module, "_pip_runs", lambda: True)
    module.made = made  # type: ignore[attr-defined]
    return module


def _old_venv(dev: ModuleType, version: str) -> Path:
    (dev.VENV / "bin").mkdir(parents=True)
    dev.PYTHON.write_text("")
    (dev.VENV / "pyvenv.cfg").write_text(f"home = /usr/bin\nversion = {version}\n")
    (dev.VENV / "old-file").write_text("from the other Python")
    return dev.VENV / "old-file"


def test_a_venv_made_by_another_python_is_rebuilt(
    dev: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _old_venv(dev, "3.10.12")
    dev.STAMP.write_text(dev._digest("pyproject.toml", "constraints.txt"))
    dev.ensure_python_env()
    assert dev.made == [dev.VENV]
    assert not old.exists()
    assert "made by Python 3.10; rebuilding it with Python" in capsys.readouterr().out
    assert dev.venv_python_version() == dev.VERSION


def test_a_venv_without_pip_is_rebuilt_and_a_good_one_is_kept(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _old_venv(dev, f"{dev.VERSION}.0")
    monkeypatch.setattr(dev, "_pip_runs", lambda: False)
    dev.ensure_python_env()
    assert dev.made == [dev.VENV]
    assert not old.exists()
    assert ".venv is incomplete; rebuilding it" in capsys.readouterr().out
    monkeypatch.setattr(dev, "_pip_runs", lambda: True)
    dev.ensure_python_env()  # complete and stamped: nothing to do
    assert dev.made == [dev.VENV]


def test_the_pre_commit_config_is_valid_and_calls_installed_tools() -> None:
    config = ROOT / ".pre-commit-config.yaml"
    bin_dir = Path(sys.executable).parent
    found = subprocess.run(
        [str(bin_dir / "pre-commit"), "validate-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stdout + found.stderr
    entries = [
        line.split("entry:", 1)[1].split()[0]
        for line in config.read_text().splitlines()
        if "entry:" in line
    ]
    assert entries
    for entry in entries:
        assert entry.startswith(".venv/bin/")
        assert (bin_dir / Path(entry).name).exists(), entry  # installed by the dev extra


@pytest.mark.parametrize("failing", [None, "python", "ketaguide"])
def test_build_is_the_strict_build_into_site_then_its_link_check(
    failing: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = _dev()
    ran: list[list[str]] = []

    def run(*cmd: object, env: dict[str, str] | None = None) -> int:
        ran.append([Path(str(cmd[0])).name, *map(str, cmd[1:])])
        return 1 if ran[-1][0] == failing else 0

    monkeypatch.setattr(dev, "ensure_python_env", lambda: None)
    monkeypatch.setattr(dev, "_run", run)
    code = dev.build([])
    steps = [  # both editions, strict (ketaguide/buildall.py), then the links of both
        [Path(str(dev.PYTHON)).name, "-m", "ketaguide.buildall", "--site-dir", "site"],
        ["ketaguide", "links", "--site", "site"],
    ]
    err = capsys.readouterr().err
    if failing is None:
        assert (code, ran) == (0, steps)
    elif failing == "python":
        assert (code, ran) == (1, steps[:1])
        assert "FAILED: mkdocs build --strict" in err
    else:
        assert (code, ran) == (1, steps)
        assert "FAILED: ketaguide links" in err
