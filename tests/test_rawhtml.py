"""Generated HTML skips Markdown: the same bytes as Markdown's pass-through, anchors kept."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import markdown
import yaml

from ketaguide.clinics import checks
from ketaguide.pages.directives import CLINIC_DIRECTORY
from ketaguide.publish import render
from ketaguide.rawhtml import RawHtml
from tests.conftest import ROOT

DIRECTIVE = f"<!-- ketaguide: {CLINIC_DIRECTORY} -->"
TODAY = dt.date.today()  # the real data/clinics: the real date


def _page(src_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), present_anchor_ids={"top"})


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's extensions and settings, as MkDocs configures it."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    settings: dict[str, Any] = config["markdown_extensions"]  # a mapping: name -> options
    return markdown.Markdown(extensions=list(settings), extension_configs=settings)


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: "https://guide.example.org/")


def test_html_is_put_back_in_place_of_the_placeholder_with_its_anchors() -> None:
    raw = RawHtml()
    page = _page("clinics/index.md")
    html = '<div id="clinic-a&amp;b"><input name="zip" id="kg-zip"></div>'
    mark = raw.set_aside(page, html)
    assert mark.startswith("<!--")
    assert mark.endswith("-->")
    assert raw.put_back(page, f"<h1>Clinics</h1>\n{mark}\n<p>After</p>") == (
        f"<h1>Clinics</h1>\n{html}\n<p>After</p>"
    )
    assert page.present_anchor_ids == {"top", "clinic-a&b", "zip", "kg-zip"}


def test_a_page_with_nothing_set_aside_is_unchanged() -> None:
    raw = RawHtml()
    page = _page("other.md")
    assert raw.put_back(page, "<p>x</p>") == "<p>x</p>"
    assert page.present_anchor_ids == {"top"}


def test_markdown_would_have_passed_clinic_pages_and_the_directory_through_unchanged() -> None:
    """The reason skipping Markdown changes nothing: what it did with this HTML was nothing."""
    clinics, findings = checks.validate([ROOT / "data" / "clinics"], TODAY)
    assert clinics
    assert not [f for f in findings if f.level == "error"]
    md = _site_markdown()
    for clinic in clinics:
        source = render.clinic_page(clinic, TODAY, {"name": clinic.name})
        body = source.split("---\n", 2)[2]
        assert md.reset().convert(body) == body.strip()
    directory = render.directory(clinics, TODAY)
    text = f"# Clinics\n\nBefore.\n\n{DIRECTIVE}\n\nAfter.\n"
    through = md.reset().convert(text.replace(DIRECTIVE, directory))
    raw = RawHtml()
    page = _page("clinics/index.md")
    skipped = md.reset().convert(text.replace(DIRECTIVE, raw.set_aside(page, directory)))
    assert raw.put_back(page, skipped) == through
