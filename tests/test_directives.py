"""Directives: one pattern finds them and the build replaces exactly what it found (issue 16,
knot 3). Spacing variants work; an unknown, malformed or lost directive stops the build."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from ketaguide.pages import directives
from ketaguide.rawhtml import RawHtml
from tests import minisite

VARIANTS = [
    "<!-- ketaguide:clinic-directory -->",
    "<!-- ketaguide: clinic-directory -->",
    "<!--ketaguide:clinic-directory-->",
    "<!--   ketaguide:   clinic-directory   -->",
]


def _clinics_page(directive: str) -> str:
    return minisite.page("Find a clinic", f"# Find a clinic\n\nBefore.\n\n{directive}\n\nAfter.\n")


@pytest.mark.parametrize("written", VARIANTS)
def test_find_reads_every_spacing_with_its_place(written: str) -> None:
    text = f"# Title\n\nText.\n\n{written}\n"
    [found] = directives.find(text, first_line=8)
    assert (found.name, found.args, found.line, found.col) == ("clinic-directory", "", 12, 1)
    assert text[slice(*found.span)] == written


def test_find_skips_code_and_reports_a_malformed_opening() -> None:
    text = (
        "Write `<!-- ketaguide: clinic-directory -->` on its own line.\n\n"
        "```\n<!-- ketaguide: clinic-directory -->\n```\n\n"
        "<!-- ketaguide clinic-directory -->\n"
    )
    assert [(d.line, d.col, d.name) for d in directives.find(text)] == [(7, 1, "")]


@pytest.mark.build
def test_every_spacing_builds_the_directory_and_code_stays_text(tmp_path: Path) -> None:
    pages: dict[str, str | bytes] = {
        f"v{n}.md": _clinics_page(written) for n, written in enumerate(VARIANTS)
    }
    pages["example.md"] = _clinics_page("`<!-- ketaguide: clinic-directory -->`")
    root = minisite.project(tmp_path, pages)
    result = minisite.build(root)
    assert result.returncode == 0, result.stderr
    for n in range(len(VARIANTS)):
        html = (root / "site" / f"v{n}" / "index.html").read_text(encoding="utf-8")
        assert 'id="kg-zip"' in html
        assert "ketaguide-raw-html" not in html
        assert "ketaguide:" not in html
    example = (root / "site" / "example" / "index.html").read_text(encoding="utf-8")
    assert 'id="kg-zip"' not in example
    assert "&lt;!-- ketaguide: clinic-directory --&gt;" in example


@pytest.mark.build
@pytest.mark.parametrize(
    ("directive", "message"),
    [
        (
            "<!-- ketaguide: clinic-directry -->",
            "docs/x.md:13:1: error CNT031 directive-invalid unknown directive 'clinic-directry'; "
            "known: clinic-directory, disable-next-line, publisher, funding, report-error, "
            "reviewers",
        ),
        (
            "<!-- ketaguide: clinic-directory all -->",
            "docs/x.md:13:1: error CNT031 directive-invalid clinic-directory takes nothing after "
            "its name: 'clinic-directory all'",
        ),
        (
            "<!-- ketaguide: clinic-directory",
            "docs/x.md:13:1: error CNT031 directive-invalid unknown directive "
            "'<!-- ketaguide: clinic-directory'; "
            "known: clinic-directory, disable-next-line, publisher, funding, report-error, "
            "reviewers",
        ),
        (
            "    <!-- ketaguide: clinic-directory -->",  # an indented code block: the HTML is lost
            "docs/x.md:13:5: the generated HTML could not be put in place; write the directive "
            "on a line of its own, with a blank line before and after, outside any list, quote "
            "or code block",
        ),
    ],
)
def test_an_unknown_malformed_or_lost_directive_stops_the_build(
    tmp_path: Path, directive: str, message: str
) -> None:
    root = minisite.project(tmp_path, {"x.md": _clinics_page(directive)})
    result = minisite.build(root)
    assert result.returncode == 1
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def _page(src_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), present_anchor_ids=set())


def test_put_back_refuses_a_missing_or_doubled_placeholder() -> None:
    raw = RawHtml()
    page = _page("clinics/index.md")
    mark = raw.set_aside(page, "<div>directory</div>", "docs/clinics/index.md:33:1")
    with pytest.raises(PluginError, match=r"^docs/clinics/index.md:33:1: the generated HTML"):
        raw.put_back(page, "<p>the placeholder was escaped: &lt;!-- ... --&gt;</p>")
    raw.set_aside(page, "<div>directory</div>")
    with pytest.raises(PluginError, match=r"^docs/clinics/index.md: the generated HTML"):
        raw.put_back(page, mark + mark)
