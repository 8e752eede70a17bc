"""English inside Spanish pages is marked lang="en", in the build, so a screen reader reads it
as English (WCAG 3.1.2): the lists of sources and the rules catalogue."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bs4 import BeautifulSoup

from ketaguide import catalogue_es, pagehtml
from ketaguide.checks import all_rules
from ketaguide.editions import EN, ES

_NOTE = (
    '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:cohen-2018">\n<p>Cohen SP. Title.&#160;'
    '<a class="footnote-backref" href="#fnref:cohen-2018" title="Volver">&#8617;</a></p>\n'
    "</li>\n</ol>\n</div>"
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_translated_page_marks_its_sources_english_and_its_back_links_its_own() -> None:
    out = pagehtml.finish(_NOTE, "faq.md", ES)
    assert '<li id="fn:cohen-2018" lang="en">' in out
    assert '<a class="footnote-backref" lang="es" href="#fnref:cohen-2018"' in out
    assert "lang=" not in pagehtml.finish(_NOTE, "faq.md", EN)  # English pages: no marks


def test_every_source_on_the_built_spanish_pages_is_marked_english(site: Path) -> None:
    pages = [p for p in (site / "es").rglob("index.html") if "fn:" in p.read_text("utf-8")]
    assert len(pages) >= 10
    for page in pages:
        soup = _soup(page)
        items = soup.select('div.footnote li[id^="fn:"]')
        assert items, page
        assert {li.get("lang") for li in items} == {"en"}, page
        assert {a.get("lang") for a in soup.select("a.footnote-backref")} == {"es"}, page
    english = _soup(site / "practical" / "faq" / "index.html")
    assert not [li for li in english.select('div.footnote li[id^="fn:"]') if li.get("lang")]


def test_the_spanish_rules_page_marks_the_english_catalogue_and_not_its_introduction(
    site: Path,
) -> None:
    soup = _soup(site / "es" / "about" / "writing-rules" / "index.html")
    rules = all_rules()
    for rule in rules:
        heading = soup.find(id=rule.anchor)
        assert heading is not None, rule.id
        assert heading.get("lang") == "en", rule.id
        assert heading.find_next("p").get("lang") == "en", rule.id  # its summary
    marked = [p for p in soup.select("article p") if p.get("lang") == "en"]
    assert len(marked) >= 3 * len(rules) - 5  # summary, why and fix of (nearly) each
    intro = [p for p in soup.select("article p") if "revisa cada página" in p.get_text()]
    assert len(intro) == 1
    assert intro[0].get("lang") is None


def test_the_generated_spanish_catalogue_marks_each_heading_and_paragraph() -> None:
    day = dt.date(2026, 12, 1)
    text = catalogue_es.render("0" * 64, day, day)
    headings = re.findall(r"^### .*$", text, re.M)
    assert len(headings) == len(all_rules())
    assert all(h.endswith(" lang=en}") for h in headings)
    for block in text.split("\n\n"):  # every English paragraph, and nothing of the intro
        english = block.startswith(
            ("**error**", "**warning**", "**Why:**", "**Fix:**", "**Pages:**")
        )
        assert block.rstrip().endswith('{: lang="en" }') == english, block[:80]
