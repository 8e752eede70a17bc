"""The built Spanish page says when its English page changed after it was translated, with a
link to the English page, until the translation is stamped again."""

from __future__ import annotations

from pathlib import Path

from tests import minisite
from tests.spanish import fingerprint, front_fields

CONFIG = "INHERIT: mkdocs.yml\ndocs_dir: docs-es\nsite_dir: site/es\ntheme:\n  language: es\n"
SPANISH = minisite.page("Una página de prueba", "# Una página de prueba\n\nUn texto.\n")


def _spanish(root: Path, name: str) -> None:
    head, _, rest = SPANISH.partition("---\n")
    fields = front_fields(name, fingerprint(root / "docs" / name))
    (root / "docs-es" / name).write_text(f"{head}---\n{fields}{rest}", encoding="utf-8")


def test_a_spanish_page_behind_shows_the_notice(tmp_path: Path) -> None:
    root = minisite.project(tmp_path, {"page.md": minisite.page()})
    (root / "docs-es").mkdir()
    _spanish(root, "index.md")
    _spanish(root, "page.md")
    (root / "mkdocs.es.yml").write_text(CONFIG, encoding="utf-8")
    english = root / "docs" / "page.md"
    english.write_text(english.read_text().replace("Some text.", "Some other text."))
    run = ["-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.es.yml"]
    result = minisite.build(root, *run)
    assert result.returncode == 0, result.stderr
    behind = (root / "site" / "es" / "page" / "index.html").read_text(encoding="utf-8")
    assert "Traducción pendiente de actualizar" in behind
    assert '<a href="../../page/" hreflang="en">versión en inglés más reciente</a>' in behind
    current = (root / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert "Traducción pendiente" not in current
