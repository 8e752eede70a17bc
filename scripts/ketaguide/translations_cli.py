"""`ketaguide translations`: every English page and its Spanish page (current, behind since
when, missing), or `--stamp` a Spanish page. Part of the CLI: it prints and returns exit codes.

Exit status: 0 when every English page has a current Spanish page (or every stamp was written);
1 when any is behind, missing or unreadable, a Spanish page has no English page, or a stamp was
refused; 2 on usage errors (no docs/ folder here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

from ketaguide.findings import printable
from ketaguide.pages.language import ENGLISH_DIR, SPANISH_DIR
from ketaguide.paths import shown
from ketaguide.translations import fresh
from ketaguide.translations.stamp import StampError, stamp


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], date: Callable[[str], dt.date]
) -> None:
    tr = sub.add_parser(
        "translations",
        help="each English page's Spanish page: current, behind or missing; or --stamp one",
        description="Lists every English page with its Spanish page: current, behind (since "
        "when) or missing. Exit 0 when all are current, 1 when any is not.",
    )
    tr.add_argument(
        "--stamp",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="record in these "
        "Spanish pages the English text they translate (source_hash, translated)",
    )
    tr.add_argument("--date", type=date, help="the translated date to stamp (default: today)")
    tr.add_argument("--format", choices=["text", "json"], default="text")


def _note(found: fresh.Pair) -> str:
    if found.state == "behind" and found.changed:
        changed = found.changed
        return (
            f"since {changed.date} ({changed.how}); translated {found.translated}: "
            f"{shown(found.spanish)}"
        )
    if found.state == "current":
        return f"translated {found.translated}: {shown(found.spanish)}"
    return shown(found.spanish)


def _stamp(files: list[Path], day: dt.date) -> int:
    code = 0
    for file in files:
        try:
            done = stamp(file, day)
        except StampError as err:
            print(f"ketaguide: {printable(str(err))}", file=sys.stderr)
            code = 1
            continue
        verb = "stamped" if done.changed else "unchanged:"
        print(f"{verb} {done.path}: source_hash {done.source_hash[:12]}, translated {day}")
    return code


def run(args: argparse.Namespace) -> int:
    if args.stamp:
        return _stamp(args.stamp, args.date or dt.date.today())
    docs, spanish = Path(ENGLISH_DIR), Path(SPANISH_DIR)
    if not docs.is_dir():
        print(f"ketaguide: no {ENGLISH_DIR}/ folder here", file=sys.stderr)
        return 2
    pairs = fresh.every_pair(docs, spanish)
    orphans = fresh.orphans(docs, spanish) if spanish.is_dir() else []
    if args.format == "json":
        rows = [
            {
                "english": p.english_path,
                "spanish": shown(p.spanish),
                "state": p.state,
                "translated": p.translated and p.translated.isoformat(),
                "english_changed": p.changed and p.changed.date.isoformat(),
            }
            for p in pairs
        ]
        rows += [{"english": None, "spanish": shown(o), "state": "orphan"} for o in orphans]
        print(json.dumps(rows, indent=2))
    else:
        for found in pairs:
            print(f"{found.english_path:<44} {found.state:<10} {_note(found)}")
        for orphan in orphans:
            print(f"{shown(orphan):<44} {'orphan':<10} no English page")
    counts = {state: sum(p.state == state for p in pairs) for state in fresh.STATE_TEXT}
    summary = ", ".join(f"{n} {fresh.STATE_TEXT[s]}" for s, n in counts.items() if n)
    print(
        summary + (f", {len(orphans)} without an English page" if orphans else ""), file=sys.stderr
    )
    return 0 if counts["current"] == len(pairs) and not orphans else 1
