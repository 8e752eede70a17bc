"""The whole site builds strictly, every nav page is written, and nothing loads from elsewhere."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from ketaguide import search
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.build

# Attributes through which a page makes the browser fetch something by itself.
FETCHING = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "input": ["src"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""", re.I)


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_build_is_strict_and_clean(build: Build) -> None:
    assert build.returncode == 0, build.log
    warnings = [line for line in build.log.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_nav_page_is_written(site: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    nav = get_navigation(get_files(config), config)
    assert len(nav.pages) >= 5
    for page in nav.pages:
        out = site / page.file.dest_uri
        assert out.is_file(), f"{page.file.src_uri} was not written to {page.file.dest_uri}"
        assert "<h1" in out.read_text(encoding="utf-8")


def _fetched_urls(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    urls: list[str] = []
    for tag, attrs in FETCHING.items():
        for element in soup.find_all(tag):
            if (
                tag == "link"
                and "stylesheet" not in element.get("rel", [])
                and not {
                    "icon",
                    "preload",
                    "prefetch",
                    "modulepreload",
                    "manifest",
                    "preconnect",
                    "dns-prefetch",
                    "apple-touch-icon",
                }
                & set(element.get("rel", []))
            ):
                continue
            for attr in attrs:
                value = element.get(attr)
                if value:
                    urls += [part.strip().split(" ")[0] for part in value.split(",")]
    for style in soup.find_all("style"):
        urls += _CSS_URL.findall(style.text) + _CSS_IMPORT.findall(style.text)
    for element in soup.find_all(style=True):
        urls += _CSS_URL.findall(element["style"])
    return urls


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = []
    for page in _html_pages(site):
        for url in _fetched_urls(page.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                offenders.append(f"{page.relative_to(site)}: {url}")
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            if _EXTERNAL.match(url):
                offenders.append(f"{sheet.relative_to(site)}: {url}")
    assert offenders == []


def test_the_external_resource_detector_catches_what_it_should() -> None:
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example.org/x.js"></script><img src="/ok.png">'
        '<a href="https://doi.org/10.1/x">a source link is fine</a>'
        '<div style="background:url(https://t.example/p.gif)"></div>'
    )
    external = sorted(u for u in _fetched_urls(html) if _EXTERNAL.match(u))
    assert external == [
        "//cdn.example.org/x.js",
        "https://fonts.googleapis.com/css",
        "https://t.example/p.gif",
    ]


def _soup(site: Path, dest: str) -> BeautifulSoup:
    return BeautifulSoup((site / dest).read_text(encoding="utf-8"), "html.parser")


def test_article_shows_review_dates_under_its_title(site: Path) -> None:
    soup = _soup(site, "about/editorial-policy/index.html")
    h1 = soup.find("h1")
    byline = h1.find_next_sibling() if h1 else None
    assert byline is not None
    assert "kg-byline" in byline.get("class", [])
    text = " ".join(byline.get_text(" ").split())
    # The page's own dates, so that a new review of the policy does not break this test.
    source = (ROOT / "docs" / "about" / "editorial-policy.md").read_text(encoding="utf-8")
    last, next_ = (
        dt.date.fromisoformat(re.search(rf"^{key}: (\S+)$", source, re.M).group(1))  # type: ignore[union-attr]
        for key in ("last_reviewed", "next_review")
    )
    assert f"Last reviewed by the editorial team on {last:%B} {last.day}, {last.year}" in text
    assert f"Next review due {next_:%B} {next_.day}, {next_.year}" in text
    assert byline.find("time", attrs={"datetime": last.isoformat()}) is not None


def test_crisis_pages_show_the_help_box_and_others_do_not(site: Path) -> None:
    crisis = _soup(site, "about/disclaimer/index.html").select("aside.kg-urgent")
    assert len(crisis) == 1
    assert crisis[0].find("a", href="tel:988") is not None
    assert crisis[0].find("a", href="tel:911") is not None
    assert _soup(site, "about/privacy/index.html").select("aside.kg-urgent") == []


def test_every_page_has_the_disclaimer_footer(site: Path) -> None:
    for page in _html_pages(site):
        if page.name == "404.html":
            continue
        spanish = page.relative_to(site).parts[0] == "es"
        words = "no consejos médicos" if spanish else "not medical advice"
        assert words in page.read_text(encoding="utf-8"), page


def test_glossary_terms_carry_their_definition_except_on_the_glossary_page(site: Path) -> None:
    article = (site / "treatment" / "how-ketamine-works" / "index.html").read_text("utf-8")
    focusable = r'<abbr tabindex="0" aria-describedby="(kg-tip-\d+)">NMDA receptor</abbr>'
    first = re.search(focusable, article)
    assert first, "the first 'NMDA receptor' on the mechanism page has no focusable tooltip"
    tip = re.search(
        rf'<span class="kg-tip" role="tooltip" id="{first.group(1)}"[^>]*>([^<]+)', article
    )
    assert tip
    assert "glutamate" in tip.group(1)
    glossary_page = (site / "practical" / "glossary" / "index.html").read_text("utf-8")
    assert "NMDA" in glossary_page
    assert "<abbr" not in glossary_page
    assert "kg-tip" not in glossary_page


def test_each_term_has_one_tooltip_per_page_and_none_inside_a_link(site: Path) -> None:
    tipped = 0
    for path in _html_pages(site):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert soup.select("a abbr, a .kg-tip, summary abbr, button abbr") == [], path
        terms = [tip.abbr.get_text() for tip in soup.select(".kg-term")]
        assert len(terms) == len(set(terms)), f"{path}: a term has more than one tooltip"
        assert len(soup.find_all("abbr")) == len(terms), f"{path}: an <abbr> without a tooltip"
        tipped += len(terms)
    assert tipped > 20  # the site does use its glossary


def test_search_finds_a_definition_only_on_the_glossary_page(site: Path) -> None:
    definition = "A switch on brain cells that glutamate turns on"
    pages = search.indexed_pages(site)
    assert {url for url, text in pages.items() if definition in text} == {"/practical/glossary/"}
    article = (site / "treatment" / "how-ketamine-works" / "index.html").read_text("utf-8")
    assert definition in article  # the tooltip is on the page, just not in its search entry


def test_search_leaves_out_sources_bylines_urgent_help_and_the_review_log(site: Path) -> None:
    pages = search.indexed_pages(site)
    assert "/treatment/infusion-process/" in pages
    assert "/about/review-log/" not in pages
    assert "/404.html" not in pages
    article = pages["/treatment/how-ketamine-works/"]
    html = (site / "treatment" / "how-ketamine-works" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for kept_out in ("div.footnote", "div.kg-byline", "aside.kg-urgent"):
        element = soup.select_one(kept_out)
        assert element is not None, kept_out
        assert element.has_attr("data-pagefind-ignore"), kept_out
    assert "Last reviewed" not in article  # the byline
    assert "Need help now?" not in article  # the urgent-help box
    sources = soup.select_one("div.footnote").get_text(" ", strip=True)
    first_source = sources.split(".")[0]
    assert len(first_source) > 10
    assert first_source not in article


def test_search_bundle_holds_only_what_the_dialog_uses(site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert list(bundle.glob("wasm.en.pagefind"))
    assert list(bundle.glob("*-ui.*")) == []
    assert not (site / "search" / "search_index.json").exists()


def test_a_normal_build_has_no_preview_panel(site: Path) -> None:
    """The findings panel is for `dev.py serve` only (KETAGUIDE_PREVIEW=1), never published."""
    assert os.environ.get("KETAGUIDE_PREVIEW") != "1"
    pages = list(site.rglob("*.html"))
    assert pages
    assert [p for p in pages if "kg-preview-findings" in p.read_text(encoding="utf-8")] == []


def test_pages_hold_no_script_back_and_load_search_only_when_used(site: Path) -> None:
    """Every script file waits for the page (defer), Material's bundle too; search.js is not
    among them (guide.js loads it when the reader opens search); the light/dark switch is the
    guide's, not Material's palette component, whose start-up restyled the whole page."""
    for page in _html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(site)
        sources = [script for script in soup.find_all("script") if script.get("src")]
        assert any("/bundle." in s["src"] for s in sources), where
        assert [s["src"] for s in sources if not s.has_attr("defer")] == [], where
        assert [s["src"] for s in sources if s["src"].endswith("search.js")] == [], where
        assert soup.select('[data-md-component="palette"]') == [], where
        assert len(soup.select("form[data-kg-palette] input[name=__palette]")) == 2, where
        assert soup.select_one("meta[name=color-scheme]"), where
    # main.html sets the polyfill's class early because no stylesheet uses it: keep it so.
    assert [p for p in site.rglob("*.css") if "js-focus-visible" in p.read_text("utf-8")] == []


@pytest.mark.parametrize("prefix", ["", "es"])
def test_the_index_written_during_the_build_is_pagefind_s_index_of_the_finished_site(
    site: Path, tmp_path: Path, prefix: str
) -> None:
    """The build gives Pagefind each page's content as the hooks made it, before the theme
    wraps it (search.article_for_index); Pagefind run over the finished pages finds the same."""
    edition = site / prefix if prefix else site
    copy = tmp_path / "site"
    shutil.copytree(edition, copy, ignore=shutil.ignore_patterns("pagefind", "es"))
    search.index(copy)
    assert search.indexed_pages(edition) == search.indexed_pages(copy)
    assert _bundle(edition) == _bundle(copy)  # the same pieces


def _bundle(site: Path) -> set[str]:
    """The bundle's files; the index's own hashes (which follow the order pages came in, here
    the build's, there the folder walk's) left out, the fragments' (their text) kept."""
    names = {p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*")}
    return {re.sub(r"(index/|pagefind\.)(en|es)_[0-9a-f]+", r"\1\2_*", n) for n in names}
