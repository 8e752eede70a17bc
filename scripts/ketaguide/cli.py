"""The `ketaguide` command: runs what cliargs.py parses; the only module that prints or exits."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from ketaguide import catalogue, catalogue_es, checks, cliargs, clinic_cli, translations_cli
from ketaguide.clinics import schema as clinic_schema
from ketaguide.content import originality, stats, suppress
from ketaguide.editions import BY_CODE
from ketaguide.findings import Finding, format_github, format_text, printable, to_json
from ketaguide.links import external, internal
from ketaguide.paths import shown
from ketaguide.publish import build, generate
from ketaguide.review import schema as reviewer_schema
from ketaguide.review import sign as review

DEFAULT_PATHS = ["docs", "docs-es", "data", "overrides"]


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


def _finish(found: Iterable[Finding], fmt: str, strict: bool = False) -> int:
    findings = sorted(found, key=Finding.sort_key)
    if strict:
        findings = [f.escalated() for f in findings]
    _report(findings, fmt)
    return 1 if any(f.level == "error" for f in findings) else 0


def _paths(given: list[Path]) -> list[Path] | None:
    paths = given or [Path(p) for p in DEFAULT_PATHS if Path(p).exists()]
    missing = [p for p in paths if not os.path.lexists(p)]  # a dangling link gets a finding
    if missing:
        print(f"ketaguide: no such file or folder: {printable(str(missing[0]))}", file=sys.stderr)
        return None
    return paths


def _stats(paths: list[Path]) -> None:
    print(f"{'page':<44} {'type':<10} {'words':>6} {'grade':>6} {'sources':>8}")
    pages = stats.pages(paths)
    for page in pages:
        row = f"{page.page_type:<10} {page.measure.words:>6} {page.level:>6} {page.sources:>8}"
        print(f"{page.path:<44} {row}")
    if any(page.level.startswith("I") for page in pages):
        print("I: a Spanish page's INFLESZ score (higher is easier; see rule CNT013)")
    generated = [page for page in pages if page.generator]
    if generated:
        print(f"{len(generated)} generated page(s), exempt from the rules on wording and sources")
    for page in generated:
        print(f"{page.path}: written by {page.generator}")
    found = suppress.collect(paths, checks.RULES)
    print(f"{len(found)} suppression(s)")
    for s in found:
        note = f"invalid: {s.problem}" if s.problem else s.reason
        print(f"{s.at or f'{s.path}:{s.line}:{s.col}'}: {','.join(s.rules) or '-'} {note}")


def _check(args: argparse.Namespace) -> int:
    paths = _paths(args.paths)
    if paths is None:
        return 2
    if args.stats and args.format == "json":
        print("ketaguide: --stats prints text; use --format text or github", file=sys.stderr)
        return 2
    code = _finish(checks.run(paths, args.today or dt.date.today()), args.format, args.strict)
    if args.stats:
        _stats(paths)
    return code


def _rules(args: argparse.Namespace) -> int:
    pages = ((catalogue, catalogue.PAGE), (catalogue_es, catalogue_es.PAGE))  # English first
    if args.write:
        for module, page in pages:
            print(f"{'wrote' if module.write(dt.date.today()) else 'unchanged:'} {page}")
        return 0
    if args.check:
        stale = [page for module, page in pages if not module.is_fresh()]
        for page in stale:
            print(f"{page}: error: stale; run `ketaguide rules --write`", file=sys.stderr)
        return 1 if stale else 0
    for r in checks.all_rules():
        print(f"{r.id} {r.name} {r.severity}: {r.summary}")
    return 0


def _links(args: argparse.Namespace) -> int:
    if args.external:
        paths = _paths(args.paths)
        settings = external.Settings(timeout=args.timeout, deadline=args.deadline)
        return (
            2 if paths is None else _finish(external.check_external(paths, settings), args.format)
        )
    if not (args.site / "index.html").is_file():
        print(f"ketaguide: no built site in {args.site}; run mkdocs build first", file=sys.stderr)
        return 2
    return _finish(internal.check_site(args.site), args.format)


def _originality(args: argparse.Namespace) -> int:
    if not (args.shared / "seeds").is_dir():
        print(f"ketaguide: no seed pages in {args.shared / 'seeds'}", file=sys.stderr)
        return 2
    text, path = originality.render(args.shared), originality.runs_path()
    if args.update:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {shown(path)}")
        return 0
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return 0
    print(f"{shown(path)}: error: stale; run `ketaguide originality --update`", file=sys.stderr)
    return 1


def _schema(args: argparse.Namespace) -> int:
    stale = 0
    for schema in (clinic_schema, reviewer_schema):
        if args.write:
            schema.write()
            print(f"wrote {schema.SCHEMA_PATH}")
        elif not schema.is_fresh():
            stale = 1
            print(
                f"{schema.SCHEMA_PATH}: error: stale or missing; run `ketaguide schema --write`",
                file=sys.stderr,
            )
    return stale


def _review(args: argparse.Namespace) -> int:
    root, today = Path("."), dt.date.today()
    if args.review_command == "sign":
        try:
            signed = review.sign(root, args.page, args.reviewer, args.date or today, today)
        except review.SignError as err:
            print(f"ketaguide: {err}", file=sys.stderr)
            return 1
        print(f"signed {signed.page}: {signed.reviewer}, {signed.date} ({signed.body_sha256[:12]})")
        return 0
    rows, problems = review.status(root)
    for row in rows:
        c = row.clinical
        who = f": {c.reviewer.name}, {c.reviewer.credentials}, {c.date}" if c.reviewer else ""
        print(f"docs/{row.page:<44} {review.STATE_TEXT[c.state]}{who}")
    counts = {state: sum(r.clinical.state == state for r in rows) for state in review.STATE_TEXT}
    print(", ".join(f"{n} {review.STATE_TEXT[s]}" for s, n in counts.items()), file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _generate(args: argparse.Namespace) -> int:
    try:
        today, lang = args.today or dt.date.today(), BY_CODE[args.lang]
        made = generate.files(Path.cwd(), today, args.site_url, lang)
    except build.ClinicDataError as err:
        print(f"ketaguide: clinic data has errors:\n{err}", file=sys.stderr)
        return 1
    print(f"wrote {len(generate.write(args.out, made))} file(s) to {shown(args.out)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = cliargs.parser().parse_args(argv)
    try:
        if args.command == "clinic":
            if args.clinic_command == "forms":
                return clinic_cli.forms(args)
            return clinic_cli.from_issue(args, _finish)
        commands = {"check": _check, "schema": _schema, "rules": _rules, "links": _links}
        commands |= {"originality": _originality, "review": _review, "generate": _generate}
        commands["translations"] = translations_cli.run
        return commands[args.command](args)
    except KeyboardInterrupt:  # Ctrl-C: one line, the shell's code for an interrupted command
        print("ketaguide: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # an internal failure: say so plainly, exit 2, no traceback
        detail = printable(f"{type(err).__name__}: {err}")
        print(f"ketaguide: internal error: {detail}", file=sys.stderr)
        return 2
