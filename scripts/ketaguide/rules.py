"""The rule registry: every rule's id, name, severity and summary, declared next to its check."""

from __future__ import annotations

from dataclasses import dataclass
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


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str, name: str, severity: Severity, summary: str, *, why: str = "", fix: str = ""
) -> Rule:
    """Declare a rule once; a second declaration of the same id is a programming error."""
    if id in REGISTRY:
        raise ValueError(f"rule {id} is declared twice")
    declared = Rule(id, name, severity, summary, why, fix)
    REGISTRY[id] = declared
    return declared


def all_rules() -> list[Rule]:
    """Every declared rule, sorted by id (imports every checker so that all are declared)."""
    from ketaguide import checks  # noqa: F401  (import declares the rules)

    return sorted(REGISTRY.values(), key=lambda r: r.id)
