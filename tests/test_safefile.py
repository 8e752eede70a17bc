"""Symlinks and special files are refused before anything is read (issue 12, findings 3 and 4).

Every case is a located FIL001 finding in `ketaguide check`, and the build stops with the same
line; nothing hangs (FIFOs) or fills memory (/dev/zero). The files are made in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ketaguide import safefile
from ketaguide.cli import main
from tests.conftest import FIXTURES, ROOT, see

LINK = "only regular files are published: copy the file in or delete the link"
FIFO = "is a named pipe (FIFO), not a regular file; delete it"
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")


def _hostile_tree(root: Path) -> dict[str, str]:
    """docs/ and data/clinics/ with every kind of entry to refuse; the message each gets."""
    docs, clinics = root / "docs", root / "data" / "clinics"
    docs.mkdir(parents=True)
    clinics.mkdir(parents=True)
    os.mkfifo(docs / "x.md")
    os.mkfifo(clinics / "x.yml")
    (docs / "zero.md").symlink_to("/dev/zero")
    (clinics / "zero.yml").symlink_to("/dev/zero")
    (docs / "env.txt").symlink_to("/proc/self/environ")
    (docs / "gone.md").symlink_to(root / "nowhere.md")
    (docs / "everything").symlink_to("/")
    (docs / "ok.md").write_text("---\n", encoding="utf-8")
    return {
        "data/clinics/x.yml": FIFO,
        "data/clinics/zero.yml": f'is a symbolic link to "/dev/zero"; {LINK}',
        "docs/env.txt": f'is a symbolic link to "/proc/self/environ"; {LINK}',
        "docs/everything": f'is a symbolic link to "/"; {LINK}',
        "docs/gone.md": f'is a symbolic link to "{root / "nowhere.md"}", which does not exist; '
        f"{LINK}",
        "docs/x.md": FIFO,
        "docs/zero.md": f'is a symbolic link to "/dev/zero"; {LINK}',
    }


@needs_posix
def test_check_reports_each_link_and_special_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _hostile_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--today", "2026-11-22", "--format", "text", "docs", "data"])
    lines = capsys.readouterr().out.splitlines()
    fil = [line for line in lines if " FIL001 " in line]
    assert fil == [see(f"{path}: error FIL001 unsafe-file {m}") for path, m in expected.items()]
    assert code == 1


NAMED = ["docs/x.md", "docs/zero.md", "docs/gone.md", "data/clinics/x.yml"]


@needs_posix
@pytest.mark.parametrize("name", NAMED)
def test_a_named_special_file_is_a_finding_not_a_hang(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _hostile_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", name]) == 1
    assert capsys.readouterr().out.splitlines() == [
        see(line) for line in [f"{name}: error FIL001 unsafe-file {expected[name]}"]
    ]


@needs_posix
def test_read_bytes_refuses_before_reading(tmp_path: Path) -> None:
    expected = _hostile_tree(tmp_path)
    for name in ("docs/x.md", "docs/zero.md", "docs/gone.md", "docs/everything"):
        with pytest.raises(safefile.FileProblem) as problem:
            safefile.read_bytes(tmp_path / name, 1024)
        assert problem.value.message == expected[name]
        assert problem.value.rule is safefile.UNSAFE_FILE
    with pytest.raises(safefile.FileProblem) as problem:
        safefile.read_bytes(tmp_path / "docs", 1024)
    assert problem.value.message.startswith("is a folder")


def test_read_bytes_checks_the_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2000)
    assert safefile.read_bytes(big, 2000) == b"x" * 2000
    with pytest.raises(safefile.FileProblem) as problem:
        safefile.read_bytes(big, 1999)
    assert problem.value.message == "file is 2,000 bytes; the limit is 1,999 bytes"
    assert problem.value.rule.id == "YML006"


def _build(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@needs_posix
@pytest.mark.build
def test_the_build_stops_with_the_same_message(tmp_path: Path) -> None:
    """A copy of the project with a symlink and a FIFO in docs/ and in the clinic folder."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(FIXTURES / "clinics" / "valid", tmp_path / "data" / "clinics")
    hooks = str(ROOT / "scripts" / "ketaguide" / "mkdocs_hooks.py")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        config.replace("scripts/ketaguide/mkdocs_hooks.py", hooks), encoding="utf-8"
    )
    (tmp_path / "docs" / "env.txt").symlink_to("/proc/self/environ")
    os.mkfifo(tmp_path / "docs" / "x.md")
    os.mkfifo(tmp_path / "data" / "clinics" / "x.yml")
    (tmp_path / "overrides" / "passwd").symlink_to("/etc/passwd")
    result = _build(tmp_path, {})
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    for line in (
        f'docs/env.txt: error FIL001 unsafe-file is a symbolic link to "/proc/self/environ"; '
        f"{LINK}",
        f"docs/x.md: error FIL001 unsafe-file {FIFO}",
        f"data/clinics/x.yml: error FIL001 unsafe-file {FIFO}",
        f'overrides/passwd: error FIL001 unsafe-file is a symbolic link to "/etc/passwd"; {LINK}',
    ):
        assert line in out
    assert not (tmp_path / "site" / "env.txt").exists()
