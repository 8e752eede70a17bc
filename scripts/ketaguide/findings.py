"""Findings: what a check reports, and the three ways to print them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ketaguide.rules import Rule, Severity


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int | None
    col: int | None
    rule: Rule
    message: str
    severity: Severity | None = None  # None: the rule's own severity

    @property
    def level(self) -> Severity:
        return self.severity or self.rule.severity

    def escalated(self) -> Finding:
        return replace(self, severity="error")

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.col or 0, self.rule.id)


def printable(value: str) -> str:
    """`value` safe to print on a terminal: control, bidirectional and other invisible
    characters (whatever str.isprintable() refuses) shown as Python escapes, so a
    value like "\\x1b]0;title\\x07" cannot retitle, clear or reorder the reader's terminal."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else _escape(c) for c in value)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _where(f: Finding) -> str:
    path = printable(f.path)
    if f.line is None:
        return f"{path}:"
    return f"{path}:{f.line}:{f.col or 1}:"


def format_text(f: Finding, see: bool = True) -> str:
    """One line: where, severity, rule, message and (unless see=False) the rule's page anchor."""
    line = f"{_where(f)} {f.level} {f.rule.id} {f.rule.name} {printable(f.message)}"
    return f"{line}; see {f.rule.see}" if see else line


def _github_escape(value: str) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(value)


def _github_property(value: str) -> str:
    return _github_escape(value).replace(":", "%3A").replace(",", "%2C")


def format_github(f: Finding) -> str:
    kind = "error" if f.level == "error" else "warning"
    props = [f"file={_github_property(f.path)}"]
    if f.line is not None:
        props += [f"line={f.line}", f"col={f.col or 1}"]
    props.append(f"title={f.rule.id} {f.rule.name}")
    return f"::{kind} {','.join(props)}::{_github_escape(f.message)}; see {f.rule.see}"


def to_json(findings: Iterable[Finding]) -> str:
    rows = [
        {
            "path": f.path,
            "line": f.line,
            "col": f.col,
            "severity": f.level,
            "rule": f.rule.id,
            "name": f.rule.name,
            "message": f.message,
            "see": f.rule.see,
        }
        for f in findings
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False)
