"""Shared fixtures: the repository root and one strict build of the whole site per test run."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ketaguide import buildall

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_RULE_IN_LINE = re.compile(r" (?:error|warning) ([A-Z]{3}\d{3}) ")


def see(line: str) -> str:
    """An expected `--format text` line with the ending every finding line has: the rules-page
    anchor of the rule the line names (test_cli.py checks the ending as written)."""
    match = _RULE_IN_LINE.search(line)
    assert match, f"no rule id in {line!r}"
    return f"{line}; see docs/about/writing-rules.md#{match.group(1).lower()}"


def stop_signals() -> tuple[object, ...]:
    """How this process treats Ctrl-C and SIGTERM: the handlers, and whether each is blocked.
    A child started with exec keeps an ignored or blocked signal, so a change here would reach
    every process a later test starts (the Ctrl-C test's check would never see its signal)."""
    if os.name == "nt":
        return ()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    stops = (signal.SIGINT, signal.SIGTERM)
    return (*(signal.getsignal(s) for s in stops), *(s in blocked for s in stops))


@pytest.fixture(autouse=True)
def _signals_as_they_were() -> Iterator[None]:
    """Every test leaves Ctrl-C and SIGTERM as it found them."""
    before = stop_signals()
    yield
    assert stop_signals() == before, "the test left SIGINT or SIGTERM ignored, handled or blocked"


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, both editions (English, and Spanish moved into es/), built once with
    --strict into a temporary folder, by the command `dev.py build` runs (ketaguide/buildall.py:
    the editions at once)."""
    site = tmp_path_factory.mktemp("site")
    # A root site URL, so that the 404 page's absolute asset paths resolve on the test server.
    env = {**buildall.environment(), "SITE_URL": "https://guide.example.org/"}
    command = [sys.executable, "-m", "ketaguide.buildall", "--site-dir", str(site)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return Build(site, done.returncode, done.stdout + done.stderr)


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    if build.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{build.log}")
    return build.site


def mkdocs_build(site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A strict build of the real site into `site`, with these environment variables."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def build_with_clinics(folder: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A strict build of the real site with the clinic files of `folder` instead of data/."""
    return mkdocs_build(site, KETAGUIDE_CLINICS_DIR=str(folder))
