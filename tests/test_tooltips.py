"""Glossary tooltips: one per term, on its first use outside a link; every other use plain."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ketaguide import tooltips

NMDA = '<abbr title="A switch on brain cells">NMDA receptor</abbr>'
IV = '<abbr title="Into a vein">IV</abbr>'


def _tips(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [tip.abbr.get_text() for tip in soup.select("span.kg-term")]


def test_only_the_first_use_of_a_term_gets_a_tooltip() -> None:
    html = tooltips.add(f"<p>{NMDA} and {IV}.</p><p>Again {NMDA}, {IV}, {NMDA}.</p>")
    assert _tips(html) == ["NMDA receptor", "IV"]
    assert html.count("<abbr") == 2
    assert "<p>Again NMDA receptor, IV, NMDA receptor.</p>" in html


def test_tooltip_is_focusable_and_described_by_its_definition() -> None:
    html = tooltips.add(f"<p>{NMDA} {IV}</p>")
    soup = BeautifulSoup(html, "html.parser")
    for abbr in soup.find_all("abbr"):
        assert abbr["tabindex"] == "0"
        tip = soup.find(id=abbr["aria-describedby"])
        assert tip is not None
        assert tip["role"] == "tooltip"
    assert soup.find(id="kg-tip-1").get_text() == "A switch on brain cells"
    assert soup.find(id="kg-tip-2").get_text() == "Into a vein"


def test_a_term_inside_a_link_stays_plain_and_the_next_use_gets_the_tooltip() -> None:
    html = tooltips.add(f'<p><a href="/x/">the {NMDA} page</a> then {NMDA}.</p>')
    assert '<a href="/x/">the NMDA receptor page</a>' in html
    assert _tips(html) == ["NMDA receptor"]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("a abbr, a .kg-term") == []


def test_nothing_focusable_inside_any_interactive_element() -> None:
    html = tooltips.add(
        f"<details><summary>About {IV}</summary><p>{IV}</p></details>"
        f"<button>{NMDA}</button><label>{NMDA}</label>"
        f'<a class="x"\nhref="/y/">{IV} {NMDA}</a>'
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("summary abbr, button abbr, label abbr, a abbr") == []
    assert _tips(html) == ["IV"]  # inside the details body, not its summary


def test_anchors_and_similar_tags_are_not_mistaken_for_links() -> None:
    html = tooltips.add(f"<aside>{IV}</aside><abbr>x</abbr><article>{NMDA}</article>")
    assert _tips(html) == ["IV", "NMDA receptor"]


def test_plain_removes_every_abbr() -> None:
    assert tooltips.plain(f"<h2>{NMDA} and <abbr>IV</abbr></h2>") == "<h2>NMDA receptor and IV</h2>"


def test_tip_ids_are_unique_on_a_page() -> None:
    html = tooltips.add(" ".join(f'<abbr title="d{i}">t{i}</abbr>' for i in range(30)) * 2)
    ids = re.findall(r'id="(kg-tip-\d+)"', html)
    assert len(ids) == 30
    assert len(set(ids)) == 30


def test_a_finished_page_gets_tooltips_in_its_article_only() -> None:
    term = '<abbr title="A drug.">ketamine</abbr>'
    page = f"<nav><a href='x'>{term}</a></nav><article><p>{term}</p></article><footer>{term}"
    done = tooltips.add_to_article(page)
    assert done.count('role="tooltip"') == 1
    assert done.startswith(f"<nav><a href='x'>{term}</a></nav><article><p><span class=")
    assert done.endswith(f"</article><footer>{term}")
    assert tooltips.add_to_article(f"<p>{term}</p>") == tooltips.add(f"<p>{term}</p>")
