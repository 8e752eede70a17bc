"""Rules: what a finding is about. Each rule is declared once, as a constant next to its check.

This module sits at the bottom and imports nothing of the package. The list of every rule is
`checks.RULES`, gathered from the modules that `checks.RULE_MODULES` names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    why: str = ""
    fix: str = ""


def declared_in(modules: Iterable[ModuleType]) -> dict[str, Rule]:
    """The rules the modules declare at their top level, by id, sorted by id.

    One id declared twice (two different rules) is a programming error.
    """
    found: dict[str, Rule] = {}
    for module in modules:
        for value in vars(module).values():
            if not isinstance(value, Rule):
                continue
            if found.get(value.id, value) != value:
                raise ValueError(f"rule {value.id} is declared twice")
            found[value.id] = value
    return dict(sorted(found.items()))
