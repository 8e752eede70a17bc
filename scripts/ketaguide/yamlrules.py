"""YAML's rules and limits: what a file must be before and while it is parsed.

The rules (YML001-YML007), the size and depth limits, the problem a parse raises, and decoding
a file's bytes (size and UTF-8 checked). yamlload.py parses; this module is what it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ketaguide.findings import Finding
from ketaguide.rules import Rule

MAX_BYTES = 64 * 1024
MAX_DEPTH = 6

YAML_SYNTAX = Rule(
    "YML001",
    "yaml-syntax",
    "error",
    "The file is not valid YAML.",
    why="A file that does not parse cannot be checked or published.",
    fix="Fix the syntax at the line shown: usually indentation, a missing colon or a quote.",
)
YAML_FEATURE = Rule(
    "YML002",
    "yaml-feature",
    "error",
    "Anchors, aliases, merge keys, tags and extra documents are not allowed.",
    why="These features hide where a value comes from and can smuggle in objects.",
    fix="Write every value out in full, in one document, without `&`, `*`, `<<` or `!`.",
)
YAML_DUPLICATE = Rule(
    "YML003",
    "duplicate-key",
    "error",
    "A key appears twice in the same mapping.",
    why="YAML silently keeps the last value, so the first is lost without a word.",
    fix="Delete one of the two lines named in the message.",
)
YAML_BARE_TIME = Rule(
    "YML004",
    "bare-time",
    "error",
    "A time such as 9:00 is written without quotes.",
    why="YAML 1.1 reads an unquoted 9:00 as the number 540.",
    fix='Quote the time in 24-hour form: "09:00".',
)
YAML_TOO_DEEP = Rule(
    "YML005",
    "too-deep",
    "error",
    "The data is nested deeper than the schema needs.",
    why="Deep nesting is never needed here and can be used to exhaust the parser.",
    fix="Flatten the structure to the shape shown in the template.",
)
YAML_TOO_LARGE = Rule(
    "YML006",
    "file-too-large",
    "error",
    f"The file is larger than {MAX_BYTES // 1024} KiB.",
    why="A clinic record or front matter is small; a huge file is a mistake or an attack.",
    fix="Split or shorten the file.",
)
YAML_ENCODING = Rule(
    "YML007",
    "not-utf8",
    "error",
    "The file is not valid UTF-8.",
    why="Pages are served as UTF-8; other bytes show up as garbage.",
    fix="Save the file as UTF-8 (most editors: File > Save with encoding).",
)

MAX_BYTES = 64 * 1024
MAX_DEPTH = 6


@dataclass
class YamlProblem(Exception):
    rule: Rule
    line: int
    col: int
    message: str

    @property
    def rule_id(self) -> str:
        return self.rule.id

    def finding(self, path: str) -> Finding:
        return Finding(path, self.line, self.col, self.rule, self.message)


def decode(raw: bytes, limit: int = MAX_BYTES) -> str:
    """Bytes to text, refusing files over `limit` bytes and bytes that are not UTF-8.

    A leading byte-order mark is dropped, as editors on Windows write it and MkDocs reads it.
    """
    if len(raw) > limit:
        raise YamlProblem(
            YAML_TOO_LARGE, 1, 1, f"file is {len(raw):,} bytes; the limit is {limit:,} bytes"
        )
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            YAML_ENCODING, line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8"
        ) from None


def pos_of(mark: Any, line_offset: int) -> tuple[int, int]:
    """The 1-based (line, col) of a parser's mark, `line_offset` lines into the file."""
    return (mark.line + 1 + line_offset, mark.column + 1)


def syntax_problem(
    err: yaml.MarkedYAMLError | yaml.reader.ReaderError, text: str, line_offset: int
) -> YamlProblem:
    """The parser's own error, as a YML001 problem at its line and column."""
    if isinstance(err, yaml.reader.ReaderError):  # a character YAML does not allow
        before = text[: err.position]
        line = before.count("\n") + 1 + line_offset
        col = err.position - (before.rfind("\n") + 1) + 1
        what = f"U+{err.character:04X}" if isinstance(err.character, int) else "here"
        return YamlProblem(YAML_SYNTAX, line, col, f"character {what} is not allowed in YAML")
    mark = err.problem_mark or err.context_mark
    line, col = pos_of(mark, line_offset) if mark else (1 + line_offset, 1)
    problem = err.problem or "invalid YAML"
    if err.context and err.context_mark:
        start_line, start_col = pos_of(err.context_mark, line_offset)
        problem += f" {err.context} that starts at line {start_line}, column {start_col}"
    return YamlProblem(YAML_SYNTAX, line, col, problem)
