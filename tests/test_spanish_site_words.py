"""What a Spanish reader sees on the built Spanish site: crisis lines that give the Spanish
route, and the site's own labels in Spanish."""

from __future__ import annotations

import html
import re
from pathlib import Path

_BLOCK = re.compile(r"<(p|li|strong)\b[^>]*>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_FOOTNOTES = re.compile(r'<div class="footnote"[^>]*>.*?</div>', re.S)


def _spanish_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "es").rglob("index.html") if "clinics" not in p.parts)


def _blocks(page: Path) -> list[str]:
    text = _FOOTNOTES.sub("", page.read_text(encoding="utf-8"))
    return [html.unescape(_TAG.sub("", m.group(2))) for m in _BLOCK.finditer(text)]


def test_every_988_line_in_spanish_gives_the_spanish_route(site: Path) -> None:
    missing = [
        f"{page.relative_to(site)}: {block[:120]}"
        for page in _spanish_pages(site)
        if "about" not in page.parts
        for block in _blocks(page)
        if re.search(r"mensaje de texto al 988", block)
        and not ("marque 2" in block and "AYUDA" in block)
    ]
    assert not missing, "\n".join(missing)
    assert len(_spanish_pages(site)) >= 15  # the pages were found


def test_the_lifeline_has_its_spanish_name_in_the_text(site: Path) -> None:
    mixed = [
        str(page.relative_to(site))
        for page in _spanish_pages(site)
        if "about" not in page.parts
        for block in _blocks(page)
        if "Suicide and Crisis Lifeline" in block or "línea de ayuda para el suicidio" in block
    ]
    assert not mixed, mixed
    depression = site / "es" / "understanding" / "depression" / "index.html"
    assert "Línea 988 de Prevención del Suicidio y Crisis" in depression.read_text("utf-8")


def test_the_repository_link_is_labelled_in_spanish_and_the_privacy_page_names_it(
    site: Path,
) -> None:
    label = "Código fuente y correcciones"
    privacy = (site / "es" / "about" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert f'<div class="md-source__repository">\n    {label}' in privacy
    assert "Source and corrections" not in privacy
    assert "Código fuente y\ncorrecciones" in privacy or label in privacy.split("</header>")[1]


def test_footnote_back_links_are_titled_in_spanish(site: Path) -> None:
    page = (site / "es" / "understanding" / "depression" / "index.html").read_text("utf-8")
    assert 'title="Volver a la nota 1 en el texto"' in page
    assert "Jump back to footnote" not in page
    english = (site / "understanding" / "depression" / "index.html").read_text("utf-8")
    assert 'title="Jump back to footnote 1 in the text"' in english


def test_no_english_footer_credit_on_spanish_pages(site: Path) -> None:
    assert "Made with" in (site / "index.html").read_text("utf-8")
    for page in _spanish_pages(site):
        assert "Made with" not in page.read_text("utf-8"), page
