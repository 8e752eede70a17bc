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

from ketaguide.findings import Finding
from ketaguide.rules import Rule

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
    "The file is larger than 64 KiB.",
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
_BARE_TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_STR_TAG = "tag:yaml.org,2002:str"

Path_ = tuple[str | int, ...]


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


_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


@dataclass
class _Open:
    """A mapping or sequence being filled, with where it sits in the document."""

    value: dict[str, Any] | list[Any]
    path: Path_
    key: str | None = None  # a mapping's key waiting for its value


def _refuse_features(event: Any, pos: tuple[int, int]) -> None:
    if type(event) is yaml.AliasEvent:
        raise YamlProblem(YAML_FEATURE, *pos, f"alias *{event.anchor} is not allowed")
    anchor = getattr(event, "anchor", None)
    if anchor:
        raise YamlProblem(YAML_FEATURE, *pos, f"anchor &{anchor} is not allowed")
    tag = getattr(event, "tag", None)
    if tag and tag != _STR_TAG and not (type(event) is yaml.ScalarEvent and tag == "!"):
        raise YamlProblem(YAML_FEATURE, *pos, f"tag {tag} is not allowed")


def _scalar(event: yaml.ScalarEvent, pos: tuple[int, int]) -> Any:
    value: str = event.value
    if event.style or event.tag:  # quoted, block or !!str: always the text as written
        return value
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value in _NULL:
        return None
    if _BARE_TIME.match(value):
        hh, _, rest = value.partition(":")
        raise YamlProblem(
            YAML_BARE_TIME, *pos, f'time {value} must be quoted: write "{int(hh):02d}:{rest}"'
        )
    return value


def _key(event: Any, parent: _Open, out: Loaded, pos: tuple[int, int]) -> str:
    if not isinstance(event, yaml.ScalarEvent):
        raise YamlProblem(YAML_SYNTAX, *pos, "a key must be a plain word")
    key = str(event.value)
    if key == "<<" and not event.style:
        raise YamlProblem(YAML_FEATURE, *pos, "merge key << is not allowed")
    if (*parent.path, key) in out.keys:
        first = out.keys[(*parent.path, key)][0]
        raise YamlProblem(
            YAML_DUPLICATE, *pos, f'key "{key}" on line {pos[0]} repeats line {first}'
        )
    out.keys[(*parent.path, key)] = pos
    return key


def _place(parent: _Open | None, value: Any) -> Path_:
    """Put `value` into its parent and return its path."""
    if parent is None:
        return ()
    if isinstance(parent.value, list):
        parent.value.append(value)
        return (*parent.path, len(parent.value) - 1)
    key, parent.key = parent.key, None
    assert key is not None
    parent.value[key] = value
    return (*parent.path, key)


_SKIP = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)
_OPENERS: dict[type[yaml.Event], type[dict[str, Any]] | type[list[Any]]] = {
    yaml.MappingStartEvent: dict,
    yaml.SequenceStartEvent: list,
}
_CLOSERS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose(text: str, out: Loaded, line_offset: int) -> Any:
    """Build plain data straight from parser events in one pass, refusing YAML's traps."""
    stack: list[_Open] = []
    root: Any = None
    docs = 0
    for event in yaml.parse(text, Loader=_Parser):
        kind: type[yaml.Event] = type(event)
        if kind in _SKIP:
            continue
        if kind in _CLOSERS:
            stack.pop()
            continue
        pos = _pos(event.start_mark, line_offset)
        _refuse_features(event, pos)
        if kind is yaml.DocumentStartEvent:
            docs += 1
            if docs > 1:
                raise YamlProblem(YAML_FEATURE, *pos, "a second YAML document is not allowed")
            continue
        parent = stack[-1] if stack else None
        if parent is not None and parent.key is None and type(parent.value) is dict:
            parent.key = _key(event, parent, out, pos)
            continue
        opener = _OPENERS.get(kind)
        if opener is not None and len(stack) >= MAX_DEPTH:
            raise YamlProblem(YAML_TOO_DEEP, *pos, f"nesting is deeper than {MAX_DEPTH} levels")
        value: Any = opener() if opener is not None else _scalar(event, pos)  # type: ignore[arg-type]
        path = _place(parent, value)
        out.values[path] = pos
        if parent is None:
            root = value
        if opener is not None:
            stack.append(_Open(value, path))
    return root


def load(text: str, line_offset: int = 0) -> Loaded:
    """Parse one YAML document; raise YamlProblem with a 1-based line and column.

    Text over MAX_BYTES characters never reaches the parser. Depth is refused as the parser's
    events stream in, before anything deeper than MAX_DEPTH is built (libyaml's own composer
    recurses, and crashes on input nested some 50,000 levels deep; it is never used here).
    """
    if len(text) > MAX_BYTES:
        raise YamlProblem(
            YAML_TOO_LARGE,
            1 + line_offset,
            1,
            f"the YAML is {len(text):,} characters; the limit is {MAX_BYTES:,}",
        )
    out = Loaded(data=None)
    try:
        out.data = _compose(text, out, line_offset)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark, line_offset) if mark else (1 + line_offset, 1)
        problem = err.problem or "invalid YAML"
        if err.context and err.context_mark:
            start_line, start_col = _pos(err.context_mark, line_offset)
            problem += f" {err.context} that starts at line {start_line}, column {start_col}"
        raise YamlProblem(YAML_SYNTAX, line, col, problem) from None
    except yaml.reader.ReaderError as err:  # a character YAML does not allow
        before = text[: err.position]
        line = before.count("\n") + 1 + line_offset
        col = err.position - (before.rfind("\n") + 1) + 1
        what = f"U+{err.character:04X}" if isinstance(err.character, int) else "here"
        raise YamlProblem(
            YAML_SYNTAX, line, col, f"character {what} is not allowed in YAML"
        ) from None
    return out
