"""Reading level works offline, and the page text it reads leaves out what it should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ketaguide.content.readability import Measure, measure, sentences, syllables
from ketaguide.pages import markdown
from ketaguide.pages.page import Page

SAMPLE = "The cat sat on the mat. It was a sunny day, and everyone felt happy."


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("every", 3),  # the dictionary's first pronunciation
        ("anesthesia", 4),
        ("dissociation", 5),
        ("idea", 3),
        ("ketamine", 3),  # not in the dictionary: counted by vowel groups, silent e
        ("esketamine", 4),
        ("ketamine's", 3),
        ("2019", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_kincaid_grade_is_the_published_formula() -> None:
    m = measure(SAMPLE)
    assert (m.words, m.sentences) == (15, 2)
    expected = 0.39 * 15 / 2 + 11.8 * m.syllables / 15 - 15.59
    assert m.grade == pytest.approx(expected)
    assert Measure().grade == 0.0


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Some drugs, e.g. lithium, help. Others do not, i.e. in trials. Smith et al. agree."
    assert len(sentences(text)) == 3
    assert len(sentences("A list item without a full stop")) == 1


def test_grading_needs_no_download(tmp_path: Path) -> None:
    """With an empty home and NLTK data folder, and no network, the grade still computes."""
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import sys\n"
        "from ketaguide.content.readability import measure\n"
        f"print(round(measure({SAMPLE!r}).grade, 2))\n"
        "assert 'nltk' not in sys.modules and 'textstat' not in sys.modules\n"
    )
    env = {"HOME": str(home), "NLTK_DATA": str(home), "PATH": "", "no_proxy": "*"}
    env |= {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) == round(measure(SAMPLE).grade, 2)


def _lines(text: str) -> list[markdown.Line]:
    return markdown.parse(Page.read(Path("x.md"), text))


def test_lines_are_labelled_and_masked_in_place() -> None:
    text = (
        "---\ntitle: T\n---\n"
        "# Title\n"
        "Read [the *label*](https://a.example/x(1)) now.[^a] See `code` and <b>bold</b>.\n"
        '!!! tip "Talk to your clinician"\n'
        "| Drug | Dose |\n"
        "| --- | --- |\n"
        "```\n# not a heading\n```\n"
        "[^a]: A source. [doi:10.1/x](https://doi.org/10.1/x)\n"
        "    continued.\n"
    )
    lines = _lines(text)
    kinds = [line.kind for line in lines]
    assert kinds == [
        "front", "front", "front", "heading", "text", "admonition", "table", "table",
        "code", "code", "code", "footnote", "footnote",
    ]  # fmt: skip
    prose = lines[4]
    assert len(prose.text) == len(prose.raw)
    assert prose.text.split() == ["Read", "the", "label", "now.", "See", "and", "bold", "."]
    assert prose.text.index("label") == prose.raw.index("label")
    assert lines[5].text.strip() == "Talk to your clinician"
    assert lines[7].text.strip() == ""
    assert lines[3].level == 1


def test_blocks_split_at_list_items_and_blank_lines() -> None:
    lines = _lines("# T\n\nOne line\ncontinues.\n\n- item one\n- item two\n  wraps\n")
    blocks = markdown.blocks(lines, frozenset({"text"}))
    assert [(b.first_line, b.text.split()) for b in blocks] == [
        (3, ["One", "line", "continues."]),
        (6, ["item", "one"]),
        (7, ["item", "two", "wraps"]),
    ]
    assert blocks[2].where(blocks[2].text.index("wraps")) == (8, 3)
