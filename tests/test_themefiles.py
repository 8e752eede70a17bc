"""The theme's files are listed without walking its dot-folders (themefiles.py): MkDocs adds the
same files to the site, and every template still loads, the icons in `.icons/` too."""

from __future__ import annotations

import os

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from ketaguide import themefiles
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def _theme_files(use: bool) -> tuple[list[str], jinja2.Environment]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    if use:
        themefiles.use(config.theme)
    env = config.theme.get_env()
    files = Files([])
    files.add_files_from_theme(env, config)
    return [f"{f.src_uri} {f.abs_src_path}" for f in files], env


def test_mkdocs_adds_the_same_theme_files() -> None:
    mkdocs_own, env = _theme_files(use=False)
    listed, pruned = _theme_files(use=True)
    assert isinstance(pruned.loader, themefiles.ThemeLoader)
    assert not isinstance(env.loader, themefiles.ThemeLoader)
    assert len(listed) > 20
    assert listed == mkdocs_own
    assert not any("/." in name or name.startswith(".") for name in pruned.list_templates())


def test_templates_in_dot_folders_still_load() -> None:
    _, env = _theme_files(use=True)
    assert "<svg" in env.get_template(".icons/material/weather-night.svg").render()


def test_the_list_is_jinja_s_without_dot_folders(tmp_path: os.PathLike[str]) -> None:
    root = os.fspath(tmp_path)
    for name in ("a.html", "sub/b.css", "sub/.hidden/c.svg", ".icons/x/d.svg", "sub/.e.txt"):
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write("x")
    everything = jinja2.FileSystemLoader(root).list_templates()
    in_dot_folder = [n for n in everything if any(p.startswith(".") for p in n.split("/")[:-1])]
    assert in_dot_folder == [".icons/x/d.svg", "sub/.hidden/c.svg"]
    assert themefiles.ThemeLoader(root).list_templates() == [
        name for name in everything if name not in in_dot_folder
    ]
    assert "sub/.e.txt" in themefiles.ThemeLoader(root).list_templates()  # a file, not a folder
