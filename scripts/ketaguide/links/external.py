"""Outside links in the pages and clinic data, fetched by lychee: opt-in, never part of CI.

Timeouts, retries and concurrency are bounded, answers are cached for a week in
.cache/ketaguide/.lycheecache, and the whole run stops after a deadline. Without a network it
reports one warning and exits 0, rather than hanging or failing every link.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ketaguide.findings import Finding
from ketaguide.links import lychee
from ketaguide.modelerrors import load_model
from ketaguide.paths import expand, shown
from ketaguide.rules import Rule

EXTERNAL_BROKEN = Rule(
    "LNK003",
    "external-broken",
    "error",
    "An outside link answers 404 Not Found, 410 Gone or another client error.",
    why="A source the reader cannot open cannot support a claim.",
    fix="Find the document's new address (search its title, or use its DOI link), or cite "
    "another source for the claim.",
)
EXTERNAL_UNREACHABLE = Rule(
    "LNK004",
    "external-unreachable",
    "warning",
    "An outside link could not be checked: no answer in time, a server error, or a refusal.",
    why="It may be a passing outage or a site that turns robots away; a person should look.",
    fix="Open the link in a browser. If it works and robots are refused, add it to "
    "scripts/ketaguide/data/link-exclusions.yml with the reason.",
)
EXCLUSION_INVALID = Rule(
    "LNK005",
    "link-exclusion-invalid",
    "error",
    "An entry in the link exclusions file lacks a valid pattern or a reason.",
    why="An exclusion without a reason hides a link from checking with nobody knowing why.",
    fix="Give each entry a `pattern` (a regular expression) and a `why` of a sentence.",
)

EXCLUSIONS_FILE = "link-exclusions.yml"
# Client errors that mean "the robot was refused" or "slow down", not "this page is gone".
_NOT_BROKEN = {401, 403, 405, 408, 418, 429}


class Exclusion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    pattern: str = Field(min_length=2)
    why: str = Field(min_length=15)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class Exclusions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    exclude: list[Exclusion]


@dataclass(frozen=True, slots=True)
class Settings:
    timeout: int = 20  # seconds per request
    retries: int = 2
    concurrency: int = 8
    deadline: float = 900  # seconds for the whole run
    cache_dir: Path = Path(".cache/ketaguide")
    exclusions: Path | None = None  # None: the file shipped in the package


def _exclusions(file: Path) -> tuple[list[Exclusion], list[Finding]]:
    path = shown(file)
    text = file.read_text(encoding="utf-8")
    loaded, found = load_model(Exclusions, text, path, EXCLUSION_INVALID, EXCLUSION_INVALID)
    return (list(loaded[0].exclude) if loaded else []), found


def _classify(failure: lychee.Failure) -> str:
    code = failure.code
    if code is not None and 400 <= code < 500 and code not in _NOT_BROKEN:
        return "broken"
    return "unreachable"


def check_external(paths: list[Path], settings: Settings = Settings()) -> Iterator[Finding]:
    file = settings.exclusions or Path(str(resources.files("ketaguide") / "data" / EXCLUSIONS_FILE))
    exclusions, problems = _exclusions(file)
    if problems:
        yield from problems
        return
    inputs = [str(f.resolve()) for f in expand(paths, (".md", ".yml", ".yaml"))]
    if not inputs:
        return
    args = ["--scheme", "http", "--scheme", "https", "--timeout", str(settings.timeout)]
    args += ["--max-retries", str(settings.retries), "--retry-wait-time", "2"]
    args += ["--max-concurrency", str(settings.concurrency), "--host-concurrency", "2"]
    args += ["--cache", "--max-cache-age", "7d", "--cache-exclude-status", "400.."]
    for exclusion in exclusions:
        args += ["--exclude", exclusion.pattern]
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    where = shown(paths[0])
    try:
        report = lychee.run(args, inputs, cwd=settings.cache_dir, timeout=settings.deadline)
    except subprocess.TimeoutExpired:
        message = f"the check was stopped after {settings.deadline:g} s; links were not checked"
        yield Finding(where, None, None, EXTERNAL_UNREACHABLE, message)
        return
    answered = report.successful + sum(f.code is not None for f in report.failures)
    if report.failures and answered == 0:
        message = f"no link could be reached ({len(report.failures)} tried): is there a network?"
        yield Finding(where, None, None, EXTERNAL_UNREACHABLE, message)
        return
    for failure in report.failures:
        broken = _classify(failure) == "broken"
        yield Finding(
            shown(Path(failure.input)),
            failure.line,
            failure.col,
            EXTERNAL_BROKEN if broken else EXTERNAL_UNREACHABLE,
            f"{failure.url}: {failure.text}",
        )
