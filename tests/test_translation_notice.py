"""The built Spanish page says when its English page changed after it was translated, with a
link to the English page, until the translation is stamped again."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaguide.cli import main
from tests import minisite
from tests.spanish import fingerprint, front_fields

CONFIG = (
    "INHERIT: mkdocs.yml\ndocs_dir: docs-es\nsite_dir: site/es\ntheme:\n  language: es\n"
    "markdown_extensions:\n  pymdownx.snippets:\n    base_path: [docs-es/_shared, docs/_shared]\n"
)
SPANISH = minisite.page("Una página de prueba", "# Una página de prueba\n\nUn texto.\n")


def _spanish(root: Path, name: str) -> None:
    head, _, rest = SPANISH.partition("---\n")
    fields = front_fields(name, fingerprint(root / "docs" / name))
    (root / "docs-es" / name).write_text(f"{head}---\n{fields}{rest}", encoding="utf-8")


def test_one_english_sentence_puts_its_spanish_page_behind_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's test: in `ketaguide check`, in `ketaguide translations` and on the page."""
    root = minisite.project(tmp_path, {"page.md": minisite.page()})
    (root / "docs-es").mkdir()
    _spanish(root, "index.md")
    _spanish(root, "page.md")
    (root / "mkdocs.es.yml").write_text(CONFIG, encoding="utf-8")
    english = root / "docs" / "page.md"
    english.write_text(english.read_text().replace("Some text.", "Some other text."))
    monkeypatch.chdir(root)
    assert main(["check", "--today", "2026-11-22", "docs-es/page.md"]) == 0  # a warning
    assert "warning TRN002 translation-behind docs/page.md changed" in capsys.readouterr().out
    assert main(["translations"]) == 1
    assert "docs/page.md" + " " * 33 + "behind     since " in capsys.readouterr().out
    run = ["-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.es.yml"]
    result = minisite.build(root, *run)
    assert result.returncode == 0, result.stderr
    behind = (root / "site" / "es" / "page" / "index.html").read_text(encoding="utf-8")
    assert "Traducción pendiente de actualizar" in behind
    assert '<a href="../../page/" hreflang="en">versión en inglés más reciente</a>' in behind
    current = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert "Traducción pendiente" not in current
