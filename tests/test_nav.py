"""A page missing from the nav is a located `ketaguide check` error with the fix, as it is a
failure of MkDocs' strict build; not_in_nav, exclude_docs and the config that owns the page
(mkdocs.es.yml for docs-es/) are read as MkDocs reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaguide.cli import main
from tests import minisite
from tests.conftest import see

NAV = "nav:\n  - Home: index.md\n  - Guide:\n      - guide/in-nav.md\n"


def _project(root: Path, extra: str = "") -> Path:
    pages: dict[str, str | bytes] = {
        "guide/in-nav.md": minisite.page("In the nav"),
        "guide/left-out.md": minisite.page("Left out"),
        "guide/reached-another-way.md": minisite.page("Reached another way"),
        "_shared/statement.md": "A shared statement.\n",
    }
    minisite.project(root, pages)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "not_in_nav: |\n", "not_in_nav: |\n  /guide/reached-another-way.md\n"
    )
    config.write_text(text + extra + NAV, encoding="utf-8")
    return root


def _nav_line(root: Path, name: str = "mkdocs.yml") -> int:
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    return lines.index("nav:") + 1


def _check(capsys: pytest.CaptureFixture[str], *paths: str) -> list[str]:
    main(["check", "--today", "2026-12-01", *paths])
    return [line for line in capsys.readouterr().out.splitlines() if " CNT032 " in line]


def test_a_page_left_out_of_the_nav_is_a_located_error_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    assert _check(capsys, "docs") == [
        see(
            "docs/guide/left-out.md:1:1: error CNT032 not-in-nav the page is not in the nav of "
            f'mkdocs.yml (line {_nav_line(root)}); add "guide/left-out.md" under its section '
            "there, or list it in not_in_nav if readers reach it another way"
        )
    ]
    assert _check(capsys, "docs/guide/left-out.md") != []  # a page named alone too


def test_a_page_in_the_nav_or_in_not_in_nav_or_excluded_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    assert _check(capsys, "docs/guide/in-nav.md", "docs/guide/reached-another-way.md") == []
    assert _check(capsys, "docs/index.md", "docs/_shared") == []


def test_without_a_nav_every_page_is_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    minisite.project(tmp_path, {"guide/any.md": minisite.page("Any page")})
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs") == []


def test_a_spanish_page_is_judged_by_the_spanish_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs.es.yml builds docs-es/ and inherits the nav of mkdocs.yml (its own nav if it has
    one): a Spanish page outside that nav is named with the file where the nav is written."""
    root = _project(tmp_path)
    for name in ("index.md", "guide/in-nav.md", "guide/solo-en-espanol.md"):
        file = root / "docs-es" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(minisite.page("Una página"), encoding="utf-8")
    (root / "mkdocs.es.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: docs-es\n", "utf-8")
    monkeypatch.chdir(root)
    assert _check(capsys, "docs-es") == [
        see(
            "docs-es/guide/solo-en-espanol.md:1:1: error CNT032 not-in-nav the page is not in "
            f'the nav of mkdocs.yml (line {_nav_line(root)}); add "guide/solo-en-espanol.md" '
            "under its section there, or list it in not_in_nav if readers reach it another way"
        )
    ]
    (root / "mkdocs.es.yml").write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: docs-es\n" + NAV.replace("in-nav", "solo-en-espanol"),
        "utf-8",
    )
    assert [line.split(":")[0] for line in _check(capsys, "docs-es")] == ["docs-es/guide/in-nav.md"]
    assert "nav of mkdocs.es.yml (line 3)" in _check(capsys, "docs-es")[0]


@pytest.mark.build
def test_mkdocs_strict_build_fails_on_the_same_page(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = minisite.build(root)
    assert result.returncode == 1
    assert "guide/left-out.md" in result.stdout + result.stderr
    assert "guide/reached-another-way.md" not in result.stdout + result.stderr
