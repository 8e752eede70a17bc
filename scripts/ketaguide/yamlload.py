"""A guarded YAML loader that keeps every value as written and remembers where it was written.

Plain `yaml.safe_load` turns `9:00` into 540 and `07030` into 3608. Here every scalar stays the
string the writer typed, except `true`/`false` and `null`; the model converts types. Anchors,
aliases, merge keys, tags, several documents, deep nesting and duplicate keys are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ketaguide.rules import rule

YAML_SYNTAX = rule(
    "YML001",
    "yaml-syntax",
    "error",
    "The file is not valid YAML.",
    why="A file that does not parse cannot be checked or published.",
    fix="Fix the syntax at the line shown: usually indentation, a missing colon or a quote.",
)
YAML_FEATURE = rule(
    "YML002",
    "yaml-feature",
    "error",
    "Anchors, aliases, merge keys, tags and extra documents are not allowed.",
    why="These features hide where a value comes from and can smuggle in objects.",
    fix="Write every value out in full, in one document, without `&`, `*`, `<<` or `!`.",
)
YAML_DUPLICATE = rule(
    "YML003",
    "duplicate-key",
    "error",
    "A key appears twice in the same mapping.",
    why="YAML silently keeps the last value, so the first is lost without a word.",
    fix="Delete one of the two lines named in the message.",
)
YAML_BARE_TIME = rule(
    "YML004",
    "bare-time",
    "error",
    "A time such as 9:00 is written without quotes.",
    why="YAML 1.1 reads an unquoted 9:00 as the number 540.",
    fix='Quote the time in 24-hour form: "09:00".',
)
YAML_TOO_DEEP = rule(
    "YML005",
    "too-deep",
    "error",
    "The data is nested deeper than the schema needs.",
    why="Deep nesting is never needed here and can be used to exhaust the parser.",
    fix="Flatten the structure to the shape shown in the template.",
)
YAML_TOO_LARGE = rule(
    "YML006",
    "file-too-large",
    "error",
    "The file is larger than 64 KiB.",
    why="A clinic record or front matter is small; a huge file is a mistake or an attack.",
    fix="Split or shorten the file.",
)
YAML_ENCODING = rule(
    "YML007",
    "not-utf8",
    "error",
    "The file is not valid UTF-8.",
    why="Pages are served as UTF-8; other bytes show up as garbage.",
    fix="Save the file as UTF-8 (most editors: File > Save with encoding).",
)

MAX_BYTES = 64 * 1024
MAX_DEPTH = 6
_BARE_TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_STR_TAG = "tag:yaml.org,2002:str"

Path_ = tuple[str | int, ...]


@dataclass
class YamlProblem(Exception):
    rule_id: str
    line: int
    col: int
    message: str


@dataclass
class Loaded:
    """Plain data plus the 1-based (line, col) of every key and value, by path."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest written ancestor."""
        table = self.keys if key else self.values
        for n in range(len(path), -1, -1):
            probe = path[:n]
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
        return (1, 1)


def _pos(mark: Any, line_offset: int) -> tuple[int, int]:
    return (mark.line + 1 + line_offset, mark.column + 1)


def decode(raw: bytes, limit: int = MAX_BYTES) -> str:
    """Bytes to text, refusing files over `limit` bytes and bytes that are not UTF-8."""
    if len(raw) > limit:
        raise YamlProblem(
            "YML006", 1, 1, f"file is {len(raw):,} bytes; the limit is {limit:,} bytes"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = err.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            "YML007", line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8"
        ) from None


def _check_events(text: str, line_offset: int) -> None:
    depth = 0
    docs = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line, col = _pos(event.start_mark, line_offset)
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem("YML002", line, col, f"alias *{event.anchor} is not allowed")
        anchor = getattr(event, "anchor", None)
        if anchor:
            raise YamlProblem("YML002", line, col, f"anchor &{anchor} is not allowed")
        tag = getattr(event, "tag", None)
        if tag and tag not in ("!", _STR_TAG) and not getattr(event, "implicit", (True,))[0]:
            raise YamlProblem("YML002", line, col, f"tag {tag} is not allowed")
        if isinstance(event, yaml.DocumentStartEvent):
            docs += 1
            if docs > 1:
                raise YamlProblem("YML002", line, col, "a second YAML document is not allowed")
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem("YML005", line, col, f"nesting is deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _scalar(node: yaml.ScalarNode, line_offset: int) -> Any:
    value = node.value
    if node.style is not None:  # quoted or block scalar: always the text as written
        return value
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value in _NULL:
        return None
    if _BARE_TIME.match(value):
        line, col = _pos(node.start_mark, line_offset)
        hh, _, rest = value.partition(":")
        raise YamlProblem(
            "YML004", line, col, f'time {value} must be quoted: write "{int(hh):02d}:{rest}"'
        )
    return value


def _build(node: yaml.Node, path: Path_, out: Loaded, line_offset: int) -> Any:
    out.values[path] = _pos(node.start_mark, line_offset)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, line_offset)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, line_offset) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, col = _pos(key_node.start_mark, line_offset)
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem("YML001", line, col, "a key must be a plain word")
        key = key_node.value
        if key == "<<" and key_node.style is None:
            raise YamlProblem("YML002", line, col, "merge key << is not allowed")
        if key in result:
            first = out.keys[(*path, key)][0]
            raise YamlProblem(
                "YML003", line, col, f'key "{key}" on line {line} repeats line {first}'
            )
        out.keys[(*path, key)] = (line, col)
        result[key] = _build(value_node, (*path, key), out, line_offset)
    return result


def load(text: str, line_offset: int = 0) -> Loaded:
    """Parse one YAML document; raise YamlProblem with a 1-based line and column."""
    try:
        _check_events(text, line_offset)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark, line_offset) if mark else (1 + line_offset, 1)
        problem = err.problem or "invalid YAML"
        if err.context and err.context_mark:
            start_line, start_col = _pos(err.context_mark, line_offset)
            problem += f" {err.context} that starts at line {start_line}, column {start_col}"
        raise YamlProblem("YML001", line, col, problem) from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        before = text[: err.position]
        line = before.count("\n") + 1 + line_offset
        col = err.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(
            "YML001",
            line,
            col,
            f"character U+{err.character:04X} is not allowed in YAML"
            if isinstance(err.character, int)
            else "a character here is not allowed in YAML",
        ) from None
    out = Loaded(data=None)
    if node is not None:
        out.data = _build(node, (), out, line_offset)
    return out
