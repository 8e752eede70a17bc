"""Every command and option of `ketaguide`: the grammar of the command line (cli.py runs it)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import NoReturn

from ketaguide import __version__, catalogue, clinic_cli, translations_cli
from ketaguide.editions import BY_CODE, SOURCE
from ketaguide.findings import printable


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-01-31") from None


def _seconds(value: str) -> int:
    """A per-request timeout: a whole number of seconds from 1 to 300."""
    if not value.isdigit() or not 1 <= int(value) <= 300:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number of seconds from 1 to 300"
        )
    return int(value)


def _deadline(value: str) -> float:
    """A whole run's deadline: seconds from 1 to a day."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 1 <= seconds <= 86400:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds from 1 to 86400")
    return seconds


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (the full usage is one `--help` away), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = _Parser(
        prog="ketaguide", description="Checks for the Ketamine Infusion Guide's content and data."
    )
    parser.add_argument("--version", action="version", version=f"ketaguide {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check pages and clinic data; exit 1 on any error")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders (default: docs docs-es data overrides)",
    )
    check.add_argument("--format", choices=["text", "github", "json"], default="text")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--today", type=_date, help="check as if today were this date")
    check.add_argument("--stats", action="store_true", help="show each page's grade, suppressions")
    schema = sub.add_parser("schema", help="the clinic and reviewer JSON Schemas for editors")
    mode = schema.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="write schemas/*.schema.json")
    mode.add_argument("--check", action="store_true", help="exit 1 when the file is stale")
    generate = sub.add_parser("generate", help="write the pages and data the build generates")
    generate.add_argument("out", type=Path, help="the folder to write them to")
    generate.add_argument("--site-url", help="the site's address (default: $SITE_URL, mkdocs.yml)")
    generate.add_argument("--today", type=_date, help="generate as if today were this date")
    generate.add_argument(
        "--lang", choices=list(BY_CODE), default=SOURCE.code, help="the edition (default: en)"
    )
    rules = sub.add_parser("rules", help="list the rules; --write or --check the rules page")
    mode = rules.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write {catalogue.PAGE}")
    mode.add_argument("--check", action="store_true", help="exit 1 when the page is stale")
    links = sub.add_parser("links", help="check the built site's links offline (or --external)")
    links.add_argument("paths", nargs="*", type=Path, help="with --external (default: docs data)")
    links.add_argument("--site", type=Path, default=Path("site"), help="the built site folder")
    links.add_argument("--external", action="store_true", help="fetch outside links (network)")
    links.add_argument("--timeout", type=_seconds, default=20, help="seconds per request")
    links.add_argument("--deadline", type=_deadline, default=900, help="seconds for the run")
    links.add_argument("--format", choices=["text", "github", "json"], default="text")
    orig = sub.add_parser("originality", help="hashes of the seed pages' 8-word runs")
    mode = orig.add_mutually_exclusive_group(required=True)
    mode.add_argument("--update", action="store_true", help="regenerate them from --shared")
    mode.add_argument("--check", action="store_true", help="exit 1 when they are stale")
    orig.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder")
    rev = sub.add_parser("review", help="clinical sign-offs: sign a page, or list every page")
    rev_sub = rev.add_subparsers(dest="review_command", required=True)
    signing = rev_sub.add_parser("sign", help="record a sign-off for the page's current text")
    signing.add_argument("page", type=Path, help="the page, e.g. docs/safety/evidence.md")
    signing.add_argument("--reviewer", required=True, help="the reviewer's id (data/reviewers.yml)")
    signing.add_argument("--date", type=_date, help="the day of the review (default: today)")
    rev_sub.add_parser("status", help="every page: signed and current, changed, never reviewed")
    clinic_cli.add_parser(sub)
    translations_cli.add_parser(sub, _date)
    return parser
