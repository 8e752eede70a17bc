"""Includes indented in a box, and lines after includes: the checker reads what the build renders
and locates every finding on the line of the file it is in."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from ketaguide.cli import main
from tests.conftest import FIXTURES, see
from tests.spanish import bilingual

CRISIS = FIXTURES / "rules-es" / "CNT018"
BOX = '!!! warning "Si piensa en el suicidio"\n\n    --8<-- "crisis.md"\n'


def _check(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[str]]:
    code = main(["check", "--today", "2026-11-22", *paths])
    return code, capsys.readouterr().out.splitlines()


def _boxed(root: Path, after: str = "") -> Path:
    """The crisis fixture's Spanish page with its crisis statement inside a warning box."""
    text = (CRISIS / "valid.md").read_text(encoding="utf-8")
    text = text.replace('--8<-- "crisis.md"\n', BOX + after)
    return bilingual(root, text, (CRISIS / "english.md").read_text(encoding="utf-8"))


def test_a_statement_included_in_a_box_keeps_its_footnote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _boxed(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs-es/page.md") == (0, [])
    # The build renders the footnote inside the box: what the checker now reads.
    md = markdown.Markdown(
        extensions=["admonition", "footnotes", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": ["docs-es/_shared"]}},
    )
    html = md.convert(page.read_text(encoding="utf-8").split("---\n", 2)[2])
    assert 'href="#fn:lifeline-es"' in html
    assert 'id="fn:lifeline-es"' in html
    assert "[^lifeline-es]" not in html


def test_box_text_after_an_indented_footnote_is_still_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _boxed(tmp_path, "\n    Llame ahora, no espere.[^nada]\n")
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "docs-es/page.md")
    assert lines == [
        see(line)
        for line in [
            "docs-es/page.md:21:28: error CNT009 footnote-undefined [^nada] has no definition",
            "docs-es/page.md:21:28: error TRN003 translation-footnote-keys [^nada] is not cited "
            "on the English page docs/page.md; a Spanish page cites the same sources",
        ]
    ]
    assert code == 1


UNUSED = "Una frase. <!-- ketaguide: disable-next-line CNT015 a quoted word -->\n"


def test_an_unused_suppression_after_an_include_names_its_file_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The crisis statement (3 lines) is included on line 17, the comment is on line 19.
    text = (CRISIS / "valid.md").read_text(encoding="utf-8")
    bilingual(tmp_path, text.replace("La depresión resp", UNUSED + "La depresión resp"))
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs-es/page.md") == (
        0,
        [
            see(
                "docs-es/page.md:19:12: warning CNT017 suppression-unused nothing on line 20 "
                "breaks CNT015"
            )
        ],
    )
    main(["check", "--stats", "docs-es/page.md"])
    assert "docs-es/page.md:19:12: CNT015 a quoted word" in capsys.readouterr().out


def test_a_heading_message_names_the_file_line_of_the_heading_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (CRISIS / "valid.md").read_text(encoding="utf-8")
    text = text.replace(
        "La depresión resp", "## Ayuda {#help}\n\n#### Más {#more}\n\nLa depresión resp"
    )
    bilingual(tmp_path, text)
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "docs-es/page.md")
    assert lines == [
        see(
            "docs-es/page.md:21:1: error CNT006 heading-skip H4 follows the H2 on line 19; "
            "use ### here"
        )
    ]
    assert code == 1
