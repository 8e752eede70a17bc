"""templatewarm.py: a cold build's templates compiled ahead, into the cache Jinja reads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader

from ketaguide import templatewarm

TEMPLATES = {
    "main.html": '{% extends "base.html" %}{% block body %}{{ x }}{% endblock %}',
    "base.html": '<p>{% block body %}{% endblock %}</p>{% include "partials/foot.html" %}',
    "partials/foot.html": '<i>foot</i>{% include "icons/" ~ icon ~ ".svg" %}',
    "icons/a.svg": "<svg></svg>",
    "broken.html": "{% if %}",
}


def _env(tmp_path: Path) -> Environment:
    for name, text in TEMPLATES.items():
        (tmp_path / "t" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "t" / name).write_text(text)
    (tmp_path / "cache").mkdir(exist_ok=True)
    cache = FileSystemBytecodeCache(str(tmp_path / "cache"))
    return Environment(loader=FileSystemLoader(tmp_path / "t"), bytecode_cache=cache)


def test_the_named_templates_and_those_they_name_are_compiled_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = templatewarm.compile_all(_env(tmp_path), ["main.html", "broken.html"])
    assert done == ["main.html", "base.html", "partials/foot.html"]  # not the computed name
    assert templatewarm.compile_all(_env(tmp_path), ["main.html"]) == []  # already there
    build = _env(tmp_path)
    compiled: list[str | None] = []
    original = build.compile

    def compile_(source: Any, name: str | None = None, filename: str | None = None) -> Any:
        compiled.append(name)
        return original(source, name, filename)

    monkeypatch.setattr(build, "compile", compile_)
    html = build.get_template("main.html").render(x="hi", icon="a")
    assert html == "<p>hi</p><i>foot</i><svg></svg>"
    assert compiled == ["icons/a.svg"]  # the rest came from the cache


def test_a_cold_cache_is_filled_by_a_second_process_and_a_warm_one_left_alone(
    tmp_path: Path,
) -> None:
    _env(tmp_path)
    script = f"""
        import os
        from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader
        from ketaguide import templatewarm
        env = Environment(loader=FileSystemLoader({str(tmp_path / "t")!r}),
                          bytecode_cache=FileSystemBytecodeCache({str(tmp_path / "cache")!r}))
        pid = templatewarm.start([(env, ["main.html"])])
        os.waitpid(pid, 0)
        print(templatewarm.start([(env, ["main.html"])]))
        print(templatewarm.start([(Environment(), ["main.html"])]))
    """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "None"]  # warm now; no cache at all
    assert len(list((tmp_path / "cache").glob("*.cache"))) == 3


def test_the_partials_a_cold_build_compiles_ahead_are_those_the_pages_render() -> None:
    from ketaguide.review import site

    source = Path(site.__file__).read_text(encoding="utf-8")
    rendered = set(re.findall(r'_render\(\s*"([^"]+)"', source))
    assert rendered == set(site.PARTIALS)
