"""The `ketaguide` command: the only module that prints or exits."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from ketaguide import __version__, checks
from ketaguide.findings import Finding, format_github, format_text, to_json

DEFAULT_PATHS = ["docs", "data"]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-01-31") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ketaguide", description="Checks for the Ketamine Infusion Guide's content and data."
    )
    parser.add_argument("--version", action="version", version=f"ketaguide {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check pages and clinic data; exit 1 on any error")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: docs data)")
    check.add_argument("--format", choices=["text", "github", "json"], default="text")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--today", type=_date, help="check as if today were this date")
    return parser


def _report(findings: list[Finding], fmt: str) -> None:
    if fmt == "json":
        print(to_json(findings))
        return
    render = format_github if fmt == "github" else format_text
    for finding in findings:
        print(render(finding))
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    if fmt == "text":
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"ketaguide: no such file or folder: {missing[0]}", file=sys.stderr)
        return 2
    today = args.today or dt.date.today()
    findings = sorted(checks.run(paths, today), key=Finding.sort_key)
    if args.strict:
        findings = [f.escalated() for f in findings]
    _report(findings, args.format)
    return 1 if any(f.level == "error" for f in findings) else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
    except Exception as err:  # an internal failure: say so plainly, exit 2, no traceback
        print(f"ketaguide: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return 2
    return 2
