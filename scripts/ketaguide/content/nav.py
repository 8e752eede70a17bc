"""Every page is in the nav of the MkDocs config that builds it, or listed in its not_in_nav.

MkDocs' strict build fails on a page missing from the nav (validation.nav.omitted_files); this
rule says the same in `ketaguide check`, located, with the fix. The config that owns a page is
the `mkdocs.yml` or `mkdocs.<name>.yml` beside the folder it builds (`docs_dir`, default docs/;
`INHERIT` followed as MkDocs does), so docs-es/ is judged by mkdocs.es.yml when that exists.
Pages outside any config's folder (fixtures, single files) are not judged.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pathspec
import yaml

from ketaguide.findings import Finding
from ketaguide.paths import expand, shown
from ketaguide.rules import Rule

NOT_IN_NAV = Rule(
    "CNT032",
    "not-in-nav",
    "error",
    "Every page is in the `nav:` of the MkDocs config that builds it, or listed in `not_in_nav`.",
    why="Readers find pages through the menu; the strict build fails on a page left out of it.",
    fix="Add the page's path under the right section of `nav:` in mkdocs.yml (mkdocs.es.yml for "
    "docs-es/), or list it in `not_in_nav` when readers reach it another way.",
)
_ALWAYS_EXCLUDED = (".*", "/templates/")  # MkDocs' own exclude_docs defaults


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' own tags (!ENV, !relative, python names) as nothing."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Config:
    file: Path  # the config file that states the nav
    nav_line: int  # where `nav:` is written in it (0: nowhere: MkDocs lists every page)
    docs: Path
    nav: frozenset[str]
    not_in_nav: pathspec.GitIgnoreSpec
    excluded: pathspec.GitIgnoreSpec


def _merged(file: Path, depth: int = 0) -> tuple[dict[str, Any], Path]:
    """The config with INHERIT applied (the child wins, key by key), and the file with nav."""
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe)
    data = data if isinstance(data, dict) else {}
    parent = data.pop("INHERIT", None)
    if not isinstance(parent, str) or depth > 5:
        return data, file
    base, nav_file = _merged(file.parent / parent, depth + 1)
    return {**base, **data}, (file if "nav" in data else nav_file)


def _pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        if "://" not in nav and not nav.startswith("/"):
            yield nav.replace("\\", "/")
    elif isinstance(nav, list):
        for item in nav:
            yield from _pages(item)
    elif isinstance(nav, dict):
        for item in nav.values():
            yield from _pages(item)


def _spec(text: Any, *always: str) -> pathspec.GitIgnoreSpec:
    lines = [*always, *(text.splitlines() if isinstance(text, str) else [])]
    return pathspec.GitIgnoreSpec.from_lines(lines)


@functools.cache
def _config(file: Path, mtime_ns: int) -> Config | None:
    try:
        data, nav_file = _merged(file)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None  # a broken config is the build's to report
    if "nav" not in data:
        return None
    text = nav_file.read_text(encoding="utf-8")
    line = re.search(r"^nav:", text, re.M)
    return Config(
        nav_file,
        text.count("\n", 0, line.start()) + 1 if line else 0,
        (file.parent / str(data.get("docs_dir") or "docs")).resolve(),
        frozenset(_pages(data["nav"])),
        _spec(data.get("not_in_nav")),
        _spec(data.get("exclude_docs"), *_ALWAYS_EXCLUDED),
    )


@functools.cache
def _configs_in(folder: Path, mtime_ns: int) -> list[Path]:
    return sorted(folder.glob("mkdocs*.yml"))


def _owner(page: Path) -> tuple[Config, str] | None:
    """The config that builds the page, and the page's path in its docs folder."""
    page = page.resolve()
    for folder in page.parents:
        try:
            files = _configs_in(folder, folder.stat().st_mtime_ns)
        except OSError:
            continue
        for file in files:
            config = _config(file, file.stat().st_mtime_ns)
            if config and config.docs in page.parents:
                return config, page.relative_to(config.docs).as_posix()
    return None


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for file in expand(paths, (".md",)):
        owned = _owner(file)
        if owned is None:
            continue
        config, uri = owned
        if uri in config.nav or config.excluded.match_file(uri):
            continue
        if config.not_in_nav.match_file(uri):
            continue
        where = f"{shown(config.file)}" + (f" (line {config.nav_line})" if config.nav_line else "")
        message = (
            f'the page is not in the nav of {where}; add "{uri}" under its section there, or '
            "list it in not_in_nav if readers reach it another way"
        )
        yield Finding(shown(file), 1, 1, NOT_IN_NAV, message)
