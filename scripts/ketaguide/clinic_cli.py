"""`ketaguide clinic ...`: the issue forms, and a clinic file from an issue. (Part of the CLI:
it prints and returns exit codes; cli.py calls it.)"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ketaguide import checks, safefile
from ketaguide.clinics import correct, fromissue, issueform
from ketaguide.findings import Finding
from ketaguide.paths import shown
from ketaguide.yamlload import load
from ketaguide.yamlrules import YamlProblem, decode

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    clinic = sub.add_parser("clinic", help="clinic tools: issue forms, a clinic from an issue")
    tools = clinic.add_subparsers(dest="clinic_command", required=True)
    issue = tools.add_parser(
        "from-issue", help="write data/clinics/<id>.yml from an issue form's body, then check it"
    )
    issue.add_argument("file", help="the issue body as GitHub renders it, or - for stdin")
    issue.add_argument("--update", action="store_true", help="replace an existing clinic file")
    issue.add_argument("--folder", type=Path, default=Path("data/clinics"), help=argparse.SUPPRESS)
    issue.add_argument("--format", choices=["text", "github", "json"], default="text")
    forms = tools.add_parser("forms", help=f"the issue forms in {issueform.FORMS}")
    mode = forms.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="write them")
    mode.add_argument("--check", action="store_true", help="exit 1 when they are stale")


def _body(file: str) -> tuple[str, str | None, list[Finding]]:
    if file == "-":
        raw = sys.stdin.buffer.read(fromissue.MAX_BODY + 1)
        return "<stdin>", raw.decode("utf-8", "replace"), []
    path = Path(file)
    try:
        raw = safefile.read_bytes(path, fromissue.MAX_BODY)
    except safefile.FileProblem as problem:
        return shown(path), None, [problem.finding(shown(path))]
    return shown(path), raw.decode("utf-8", "replace"), []


def from_issue(args: argparse.Namespace, finish: Callable[[Iterable[Finding], str], int]) -> int:
    where, body, found = _body(args.file)
    if body is None:
        return finish(found, args.format)
    clinic_id, text, found = fromissue.build(where, body)
    if text is None or clinic_id is None or not _ID.match(clinic_id) or len(clinic_id) > 60:
        if clinic_id is not None and text is not None:
            found.append(Finding(where, 1, 1, fromissue.ISSUE, f'"{clinic_id[:80]}" is not an id'))
        return finish(found, args.format)
    dest = args.folder / f"{clinic_id}.yml"
    if dest.exists() and not args.update:
        print(f"ketaguide: {shown(dest)} exists; add --update to correct it", file=sys.stderr)
        return 1
    if dest.exists():  # a correction: what the form leaves empty keeps its value
        current, problems = _current(dest)
        if problems:
            return finish(problems, args.format)  # the file to correct comes first
        clinic_id, text, found = fromissue.build(where, body, correct.kept(current))
        if text is None:
            return finish(found, args.format)
    args.folder.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    print(f"wrote {shown(dest)}", file=sys.stderr)
    about = shown(dest)
    found += [f for f in checks.run([args.folder], dt.date.today()) if f.path == about]
    return finish(found, args.format)


def _current(file: Path) -> tuple[object, list[Finding]]:
    """The clinic file being corrected, read by the guarded loader (or why it cannot be)."""
    try:
        return load(decode(safefile.read_bytes(file, fromissue.MAX_BODY))).data, []
    except (safefile.FileProblem, YamlProblem) as problem:
        return None, [problem.finding(shown(file))]


def forms(args: argparse.Namespace) -> int:
    stale = [p for p, text in issueform.forms().items() if _read(p) != text]
    if args.write:
        for path, text in issueform.forms().items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.as_posix()}")
        return 0
    for path in stale:
        print(
            f"{path.as_posix()}: error: stale; run `ketaguide clinic forms --write`",
            file=sys.stderr,
        )
    return 1 if stale else 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None
