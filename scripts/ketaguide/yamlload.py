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

from ketaguide.yamlrules import (
    MAX_BYTES,
    MAX_DEPTH,
    YAML_BARE_TIME,
    YAML_DUPLICATE,
    YAML_FEATURE,
    YAML_SYNTAX,
    YAML_TOO_DEEP,
    YAML_TOO_LARGE,
    YamlProblem,
    pos_of,
    syntax_problem,
)

_BARE_TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_STR_TAG = "tag:yaml.org,2002:str"

Path_ = tuple[str | int, ...]


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
        pos = pos_of(event.start_mark, line_offset)
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
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as err:
        raise syntax_problem(err, text, line_offset) from None
    return out
