"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site (issue 16).

`properdocs build --strict` runs on the real project, hooks and all, and its output is compared
with MkDocs' (the session build): the same files, the same bytes apart from the generator tag.
ProperDocs is installed once, at the version pinned in constraints.txt, into
.cache/properdocs/ (its dependencies are MkDocs' and already installed); the test skips, saying
why, only when that install fails.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pinned() -> str:
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    match = re.search(r"^properdocs==(\S+)$", text, re.M)
    assert match, "constraints.txt pins properdocs"
    return match.group(1)


def _installed() -> Path:
    """The folder holding ProperDocs at the pinned version, installed on first use."""
    version = _pinned()
    py = f"py{sys.version_info.major}{sys.version_info.minor}"
    target = ROOT / ".cache" / "properdocs" / f"{version}-{py}"
    if (target / "properdocs" / "__main__.py").is_file():
        return target
    partial = target.with_name(f"{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run(
        [*pip, "--no-deps", "--target", str(partial), f"properdocs=={version}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        pytest.skip(f"properdocs=={version} could not be installed: {last}")
    partial.rename(target)
    return target


def _files(root: Path) -> dict[str, bytes]:
    found = {}
    for file in sorted(root.rglob("*")):
        if file.is_file():
            data = file.read_bytes()
            if file.suffix == ".gz":
                data = gzip.decompress(data)  # the gzip header holds the time of writing
            found[file.relative_to(root).as_posix()] = GENERATOR.sub(b"", data)
    return found


@pytest.mark.build
def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": "https://guide.example.org/",  # as the session build
        "PYTHONPATH": os.pathsep.join([str(_installed()), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"]
    result = subprocess.run(
        [*command, "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs ' in home, "ProperDocs built it, not MkDocs"
    # The session build has the Spanish edition in es/ too (built by mkdocs.es.yml).
    ours = {name: data for name, data in _files(site).items() if not name.startswith("es/")}
    theirs = _files(out)
    assert sorted(theirs) == sorted(ours)
    assert [name for name in ours if ours[name] != theirs[name]] == []
