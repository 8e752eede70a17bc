"""The package's import graph: no circle, and every rule a module declares is in the registry."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import ketaguide
from ketaguide.checks import RULES
from ketaguide.rules import Rule, declared_in
from tests.conftest import ROOT

PACKAGE = ROOT / "scripts" / "ketaguide"


def _module(file: Path) -> str:
    parts = file.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, wherever the import
    stands (a function-level import counts: that is how a circle hides)."""
    files = {_module(f): f for f in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, file in files.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
                    for _ in range(node.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}".rstrip(".")
                found |= {f"{base}.{a.name}" for a in node.names} | {base}
        graph[name] = {m for m in found if m in files and m != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_walk_sees_imports_and_finds_a_circle() -> None:
    graph = imports()
    assert "ketaguide.rules" in graph["ketaguide.findings"]
    assert "ketaguide.content.frontmatter" in graph["ketaguide.checks"]
    made_up = {**graph, "ketaguide.rules": {"ketaguide.checks"}}
    assert any("ketaguide.rules" in group for group in circles(made_up))


def test_no_module_of_the_package_is_in_an_import_circle() -> None:
    assert circles(imports()) == []


# The package's layers, bottom first. A module may import from its own layer or below, never
# above. A folder's modules share its layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("ketaguide", "rules", "paths", "dates", "text", "diskcache", "rawhtml", "pagetext"),
    ("tooltips", "search"),  # (these two import nothing of the package either)
    ("findings",),
    ("yamlrules",),
    ("yamlload", "safefile"),
    ("modelerrors",),
    ("pages", "editions"),
    ("clinics", "review", "translations"),
    ("content", "links", "publish", "pagehtml", "untranslated"),
    ("checks",),
    ("catalogue",),
    ("cliargs", "buildhooks", "buildpages", "buildedition", "buildall", "clinicwork"),
    ("mkdocs_hooks",),
    ("cli",),
    ("__main__",),
)


def _layers(graph: dict[str, set[str]]) -> dict[str, int]:
    """Each module's layer: its folder's (or its own) place in LAYERS; a module not placed there
    sits just above the highest it imports (the circle test keeps that well defined)."""
    placed: dict[str, int] = {}

    def layer(module: str) -> int:
        if module not in placed:
            part = module.split(".")[1] if "." in module else "ketaguide"
            found = [n for n, names in enumerate(LAYERS) if part in names]
            if found:
                placed[module] = found[0]
            else:
                placed[module] = max((layer(m) for m in graph[module]), default=0) + 1
        return placed[module]

    for module in graph:
        layer(module)
    return placed


def test_no_module_imports_one_above_its_layer() -> None:
    graph = imports()
    layer = _layers(graph)
    upward = [f"{a} -> {b}" for a, bs in graph.items() for b in bs if layer[b] > layer[a]]
    assert upward == []
    assert layer["ketaguide.pages.source"] < layer["ketaguide.content.citations"]
    made_up = {**graph, "ketaguide.rules": {"ketaguide.checks"}}
    made_up_layer = _layers(made_up)
    assert made_up_layer["ketaguide.checks"] > made_up_layer["ketaguide.rules"]  # would be found


def test_the_bottom_layer_imports_nothing_of_the_package() -> None:
    graph = imports()
    for bottom in ("ketaguide.rules", "ketaguide.paths", "ketaguide.dates"):
        assert graph[bottom] == set(), bottom


def test_every_declared_rule_is_in_the_registry() -> None:
    declared: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(ketaguide.__path__, "ketaguide."):
        if info.name == "ketaguide.__main__":
            continue  # running it runs the command
        module = importlib.import_module(info.name)
        declared |= {v.id: v for v in vars(module).values() if isinstance(v, Rule)}
    assert declared == RULES
    assert list(RULES) == sorted(RULES)


def test_an_id_declared_twice_is_refused() -> None:
    one, two = ModuleType("one"), ModuleType("two")
    one.A = Rule("XYZ001", "a", "error", "A.")  # type: ignore[attr-defined]
    two.B = Rule("XYZ001", "b", "error", "B.")  # type: ignore[attr-defined]
    assert declared_in([one, one]) == {"XYZ001": one.A}  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="XYZ001 is declared twice"):
        declared_in([one, two])
