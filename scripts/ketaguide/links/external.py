"""Outside links in the pages and clinic data, fetched by lychee: opt-in, never part of CI.

Timeouts, retries and concurrency are bounded, answers are cached for a week in
.cache/ketaguide/<host>/.lycheecache, and the whole run stops at a deadline: links are checked in
small batches per host (batches.py), so every answer found before the deadline is reported, and
each link left unchecked is listed as such. A host that cannot be reached is named.
"""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ketaguide.findings import Finding
from ketaguide.links import batches, lychee
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


def _args(settings: Settings, exclusions: list[Exclusion]) -> list[str]:
    args = ["--scheme", "http", "--scheme", "https", "--timeout", str(settings.timeout)]
    args += ["--max-retries", str(settings.retries), "--retry-wait-time", "2"]
    args += ["--max-concurrency", str(settings.concurrency), "--host-concurrency", "2"]
    args += ["--cache", "--max-cache-age", "7d", "--cache-exclude-status", "400.."]
    for exclusion in exclusions:
        args += ["--exclude", exclusion.pattern]
    return args


def _failure(failure: lychee.Failure, timeout: int) -> Finding:
    where = (shown(Path(failure.input)), failure.line, failure.col)
    if _classify(failure) == "broken":
        return Finding(*where, EXTERNAL_BROKEN, f"{failure.url}: {failure.text}")
    name = batches.host(failure.url)
    if failure.timeout:
        message = f"{failure.url}: {name} did not answer within {timeout} s"
    elif failure.code is None:
        why = failure.details or failure.text
        message = f"{failure.url}: could not reach the host {name}: {why}"
    else:
        message = f"{failure.url}: {failure.text}"
    return Finding(*where, EXTERNAL_UNREACHABLE, message)


def check_external(paths: list[Path], settings: Settings = Settings()) -> Iterator[Finding]:
    """Every outside link's result found before the deadline; the rest listed as not checked."""
    deadline_at = time.monotonic() + settings.deadline
    file = settings.exclusions or Path(str(resources.files("ketaguide") / "data" / EXCLUSIONS_FILE))
    exclusions, problems = _exclusions(file)
    if problems:
        yield from problems
        return
    inputs = [str(f.resolve()) for f in expand(paths, (".md", ".yml", ".yaml"))]
    if not inputs:
        return
    args = _args(settings, exclusions)
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    try:
        urls = lychee.dump(args, inputs, cwd=settings.cache_dir, timeout=settings.deadline)
        places = lychee.places(args, inputs, cwd=settings.cache_dir, timeout=settings.deadline)
    except subprocess.TimeoutExpired:
        message = f"the check was stopped after {settings.deadline:g} s; links were not checked"
        yield Finding(shown(paths[0]), None, None, EXTERNAL_UNREACHABLE, message)
        return

    def run(extra: list[str], cwd: Path, timeout: float) -> lychee.Report:
        return lychee.run([*args, *extra], inputs, cwd=cwd, timeout=timeout)

    outcome = batches.check(urls, run, settings.cache_dir, deadline_at)
    for report in outcome.reports:
        yield from (_failure(f, settings.timeout) for f in report.failures)
    for url in outcome.unchecked:
        source, line, col = places.get(url, (shown(paths[0]), None, None))
        message = f"{url}: not checked before the {settings.deadline:g} s deadline"
        yield Finding(shown(Path(source)), line, col, EXTERNAL_UNREACHABLE, message)
