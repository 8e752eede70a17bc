"""Article bodies carry no scripts, script links or off-site loads (issue 12, finding 2).

The rules' fixtures are in tests/fixtures/rules/SEC002 and SEC003 (test_content_rules.py).
Here: how URLs are read (obfuscation), the guide's own HTML, and the build refusing the same
pages, twice over (the source, then the HTML Markdown made of it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ketaguide import htmlsafety, urlsafety
from ketaguide.cli import main
from ketaguide.content import bodysafety
from tests import minisite
from tests.conftest import FIXTURES, ROOT


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " \x01javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "jav&#x61;script:alert(1)",
        "jav&#97;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "java&Tab;script:alert(1)",
        "javascript&colon;alert(1)",
        "jav&amp;#x61;script:alert(1)",  # referenced twice over
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:image/svg+xml;base64,PHN2Zz4=",
    ],
)
def test_script_urls_are_refused_however_written(url: str) -> None:
    problem = urlsafety.problem(url)
    assert problem is not None
    assert "can run code" in problem


@pytest.mark.parametrize(
    ("url", "loads", "allowed"),
    [
        ("https://pubmed.ncbi.nlm.nih.gov/1/", False, True),
        ("mailto:editors@example.org", False, True),
        ("tel:+15038289265", False, True),
        ("../safety/evidence.md#risks", False, True),
        ("#sources", False, True),
        ("?q=1", False, True),
        ("http://example.org/", False, False),
        ("ftp://example.org/", False, False),
        ("//example.org/x", False, False),
        ("\\\\example.org/x", False, False),
        ("../assets/diagrams/x.svg", True, True),
        ("https://cdn.example.org/x.png", True, False),
        ("//cdn.example.org/x.png", True, False),
    ],
)
def test_url_policy(url: str, loads: bool, allowed: bool) -> None:
    assert (urlsafety.problem(url, loads=loads) is None) is allowed


def test_raw_html_problems_are_located() -> None:
    html = 'text\n<p>ok</p>  <svg><a xlink:href="javascript:x">a</a></svg>\n<b onclick="x">'
    found = [(p.line, p.col, p.kind) for p in htmlsafety.problems(html)]
    assert found == [(2, 17, "link"), (3, 1, "html")]


def test_the_guides_own_pages_and_diagrams_pass(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    main(["check", "docs"])
    assert [line for line in capsys.readouterr().out.splitlines() if " SEC00" in line] == []


def test_a_diagram_with_a_script_is_refused(tmp_path: Path) -> None:
    svg = tmp_path / "docs" / "x.svg"
    svg.parent.mkdir()
    svg.write_text('<svg onload="alert(1)"><title>x</title><script>alert(2)</script></svg>')
    found = [(f.line, f.col, f.rule.id) for f in bodysafety.check([tmp_path / "docs"])]
    assert found == [(1, 1, "SEC003"), (1, 40, "SEC003")]


HOSTILE = "# A test page\n\nA [link](javascript:alert(1)).\n"


@pytest.mark.build
def test_the_build_refuses_the_page_with_the_same_line(tmp_path: Path) -> None:
    root = minisite.project(tmp_path, {"hostile.md": minisite.page(body=HOSTILE)})
    result = minisite.build(root)
    assert result.returncode == 1
    line = (
        'docs/hostile.md:11:10: error SEC002 unsafe-link the link "javascript:alert(1)" is a '
        '"javascript:" URL, which can run code or hide what it shows'
    )
    assert line in result.stderr
    assert "Traceback" not in result.stderr
    assert list((root / "site").iterdir()) == []  # checked beside the build: nothing kept


@pytest.mark.build
def test_the_build_checks_the_html_markdown_made_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Were the source check to miss something, the rendered page is checked again."""
    root = minisite.project(tmp_path, {"hostile.md": minisite.page(body=HOSTILE)})
    monkeypatch.setattr(bodysafety, "problems", lambda lines: [])  # the source check misses
    monkeypatch.setenv("KETAGUIDE_CLINICS_DIR", str(FIXTURES / "clinics" / "valid"))
    monkeypatch.setenv("KETAGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(Abort):
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert (
        "docs/hostile.md: error SEC002 unsafe-link the page's HTML: <a href=...>: "
        '"javascript:alert(1)" is a "javascript:" URL, which can run code or hide what it shows'
    ) in caplog.text
