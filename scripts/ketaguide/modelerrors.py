"""YAML into a pydantic model, with every error a finding at the line that caused it."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ketaguide.findings import Finding
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded, load
from ketaguide.yamlrules import YamlProblem, decode

M = TypeVar("M", bound=BaseModel)


def _known_fields(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at `loc` (one level of nested models is enough here)."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part))
        annotation = getattr(info, "annotation", None)
        inner = getattr(annotation, "__args__", (annotation,))
        models = [a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)]
        if not models:
            return []
        current = models[0]
    return list(current.model_fields)


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The schema's own description of the field at `loc`, used to explain a format."""
    current: type[BaseModel] | None = model
    info = None
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        annotation = getattr(info, "annotation", None)
        inner = (annotation, *getattr(annotation, "__args__", ()))
        current = next((a for a in inner if isinstance(a, type) and issubclass(a, BaseModel)), None)
    return info.description if info is not None else None


def _message(model: type[BaseModel], err: dict[str, object], loc: tuple[str | int, ...]) -> str:
    kind = err["type"]
    name = ".".join(str(p) for p in loc) or "document"
    if kind == "missing":
        return f'"{name}" is missing'
    if kind == "extra_forbidden":
        known = _known_fields(model, loc)
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f'; did you mean "{guess[0]}"?' if guess else f"; allowed: {', '.join(known)}"
        return f'unknown field "{name}"{hint}'
    given = err.get("input")
    shown = f' "{given}"' if isinstance(given, str | int | float) else ""
    described = _description(model, loc) if kind == "string_pattern_mismatch" else None
    return f'"{name}"{shown}: {f"expected {described}" if described else err["msg"]}'


def findings_from(
    error: ValidationError,
    model: type[BaseModel],
    loaded: Loaded,
    path: str,
    missing_rule: Rule,
    invalid_rule: Rule,
    kinds: Mapping[str, Rule] = MappingProxyType({}),
) -> Iterator[Finding]:
    """A finding per error. An error whose type is a rule id in `kinds` (a field kind's own
    validator raised it) is that rule's finding, its message with {field} filled in."""
    for err in error.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not isinstance(p, str) or not p.startswith("function"))
        message = None
        if err["type"] == "missing":
            line, col = loaded.where(loc[:-1])
            rule = missing_rule
        else:
            line, col = loaded.where(loc, key=err["type"] == "extra_forbidden")
            rule = kinds.get(err["type"], invalid_rule)
            if err["type"] in kinds:
                message = err["msg"].replace("{field}", ".".join(str(p) for p in loc))
        yield Finding(path, line, col, rule, message or _message(model, dict(err), loc))


def load_model(
    model: type[M],
    source: str | bytes,
    path: str,
    missing: Rule,
    invalid: Rule,
    *,
    line_offset: int = 0,
    not_mapping: str = "",
    vet: Callable[[Loaded, str], Iterable[Finding]] | None = None,
    kinds: Mapping[str, Rule] = MappingProxyType({}),
) -> tuple[tuple[M, Loaded] | None, list[Finding]]:
    """The model and where each value was written, or the findings that say why not.

    Bytes are decoded first (size and UTF-8 checked). With `not_mapping`, a document that is not
    a mapping is that finding rather than the model's own error. `vet` finds problems in the
    loaded data that the model does not (front-matter text): any of them means no model.
    """
    try:
        loaded = load(decode(source) if isinstance(source, bytes) else source, line_offset)
    except YamlProblem as problem:
        return None, [problem.finding(path)]
    if not_mapping and not isinstance(loaded.data, dict):
        return None, [Finding(path, line_offset + 1, 1, invalid, not_mapping)]
    vetted = list(vet(loaded, path)) if vet else []
    try:
        parsed = model.model_validate(loaded.data)
    except ValidationError as err:
        return None, vetted + list(findings_from(err, model, loaded, path, missing, invalid, kinds))
    return (None, vetted) if vetted else ((parsed, loaded), [])
