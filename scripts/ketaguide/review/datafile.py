"""Read one small YAML data file (a list of records) into a model, every error with a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from ketaguide import safefile
from ketaguide.findings import Finding
from ketaguide.modelerrors import findings_from
from ketaguide.paths import shown
from ketaguide.rules import Rule
from ketaguide.yamlload import Loaded, load
from ketaguide.yamlrules import MAX_BYTES, YamlProblem, decode

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[M]):
    """One record that passed its model, with where it was written."""

    index: int
    value: M
    loaded: Loaded

    def at(self, *key: str) -> tuple[int, int]:
        return self.loaded.where((self.index, *key))


def read_list(
    file: Path, model: type[M], missing: Rule, invalid: Rule
) -> tuple[list[Entry[M]], list[Finding]]:
    """The valid records of a YAML list file and a located finding for each invalid one.

    A missing file is an empty list: the data files ship empty until there is something true
    to put in them."""
    path = shown(file)
    if not file.exists() and not file.is_symlink():
        return [], []
    try:
        loaded = load(decode(safefile.read_bytes(file, MAX_BYTES)))
    except (safefile.FileProblem, YamlProblem) as problem:
        return [], [problem.finding(path)]
    if loaded.data is None:
        return [], []
    if not isinstance(loaded.data, list):
        return [], [Finding(path, 1, 1, invalid, "the file must be a list of entries (- ...)")]
    entries: list[Entry[M]] = []
    findings: list[Finding] = []
    for index, item in enumerate(loaded.data):
        if not isinstance(item, dict):
            line, col = loaded.where((index,))
            findings.append(
                Finding(path, line, col, invalid, "each entry must be key: value lines")
            )
            continue
        try:
            entries.append(Entry(index, model.model_validate(item), loaded))
        except ValidationError as err:
            findings += _located(err, model, loaded, path, index, missing, invalid)
    return entries, findings


def _located(
    err: ValidationError,
    model: type[BaseModel],
    loaded: Loaded,
    path: str,
    index: int,
    missing: Rule,
    invalid: Rule,
) -> list[Finding]:
    """Findings for one entry: positions come from the entry's own place in the list."""
    shifted = Loaded(
        loaded.data[index],
        {k[1:]: v for k, v in loaded.values.items() if k[:1] == (index,)},
        {k[1:]: v for k, v in loaded.keys.items() if k[:1] == (index,)},
    )
    found = findings_from(err, model, shifted, path, missing, invalid)
    return [
        Finding(f.path, f.line, f.col, f.rule, f"entry {index + 1}: {f.message}") for f in found
    ]
