"""The first-use pass (firstuse.py) gives the same page as the abbr extension's own pass
followed by the page's fixes and the tooltips: on hand-made cases and on random pages."""

from __future__ import annotations

import random
import re

import markdown  # type: ignore[import-untyped]
import pytest

from ketaguide import pagehtml, tooltips
from ketaguide.firstuse import FirstUseExtension, pattern

GLOSSARY = {"IV": "Into a vein.", "infusion": "A slow drip.", "IV infusion": "Both.", "CRPS": ""}
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
]
CONFIGS = {
    "abbr": {"glossary": GLOSSARY},
    "toc": {"permalink": True},
    "pymdownx.tasklist": {"custom_checkbox": True, "clickable_checkbox": True},
}


def _page(source: str, first_use: bool) -> str:
    extra = [FirstUseExtension()] if first_use else []
    md = markdown.Markdown(extensions=[*EXTENSIONS, *extra], extension_configs=CONFIGS)
    html = pagehtml.finish(md.convert(source), "treatment/x.md")
    return tooltips.add(html)


CASES = [
    "# An IV infusion\n\nAn [IV](x.md) link, then IV and an infusion, then IV again.",
    "- [ ] Ask about the IV\n- [x] An infusion\n    - [ ] nested IV\n\nIV infusion and IV.",
    '??? note "IV in a title"\n    An infusion in the body.\n\nLater IV.',
    "| IV | infusion |\n| --- | --- |\n| IV | CRPS |\n\nText[^1] with IV.\n\n[^1]: An IV note.",
    "*[KG]: Ketamine Guide\n\nThe KG says IV; `IV` in code; **bold infusion** and *IV*.",
    'Term\n:   An IV infusion, an infusion.\n\n!!! warning "IV"\n    infusion IV',
    "- [ ] An IV\n\n- [ ] An infusion\n\n    - [ ] IV\n\nIV and infusion.",
]


@pytest.mark.parametrize("source", CASES)
def test_the_same_page_as_marking_every_use(source: str) -> None:
    assert _page(source, first_use=True) == _page(source, first_use=False)


_PIECES = [
    "IV",
    "infusion",
    "IV infusion",
    "CRPS",
    "[an IV link](x.md)",
    "**IV**",
    "*infusion*",
    "`IV`",
    "plain words",
    "text[^n]",
]
_BLOCKS = [
    "# {s}",
    "## {s}",
    "{s}",
    "- {s}\n- {s}",
    "- [ ] {s}\n- [x] {s}",
    "- [ ] {s}\n    - [ ] {s}",
    "- [ ] {s}\n\n- [x] {s}",
    "- [ ] {s}\n\n    - [ ] {s}\n\n- [ ] {s}",
    "1. {s}\n    - [ ] {s}",
    '!!! note "{s}"\n    {s}',
    '??? note "{s}"\n    {s}',
    "| {s} | x |\n| --- | --- |\n| {s} | y |",
    "Term {s}\n:   {s}",
    "> {s}",
]


def _random_page(rng: random.Random) -> str:
    blocks = []
    for _ in range(rng.randint(1, 8)):
        words = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 6)))
        blocks.append(rng.choice(_BLOCKS).format(s=words))
    return "\n\n".join(blocks) + "\n\n[^n]: A note with IV and an infusion.\n"


def test_the_same_page_on_random_pages() -> None:
    rng = random.Random(20261201)
    for _ in range(1000):
        source = _random_page(rng)
        assert _page(source, first_use=True) == _page(source, first_use=False), source


def test_a_checklist_item_s_text_goes_inside_its_label_in_tight_and_loose_lists() -> None:
    tight = _page("- [ ] Ask about the IV\n- [ ] Ask about cost", first_use=True)
    assert '<span class="task-list-indicator"></span> Ask about the IV</label></li>' in tight
    loose = _page("- [ ] Ask about the IV\n\n- [ ] Ask about cost", first_use=True)
    assert "</span> Ask about the IV</label></p>" in loose  # not across the paragraph's end
    nested = _page("- [ ] Ask\n    - [ ] about the IV", first_use=True)
    assert "</span></label> Ask<ul" in nested  # an item holding a list keeps its text out


def test_the_tree_pattern_matches_as_the_abbr_extension_s_own() -> None:
    rng = random.Random(7)
    letters = "ab c-.é"
    for _ in range(500):
        terms = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))).strip() or "a"}
        terms |= {"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))) for _ in range(6)}
        terms.discard("")
        text = "".join(rng.choice(letters + "d") for _ in range(200))
        longest_first = sorted(terms, key=len, reverse=True)
        own = re.compile(f"\\b(?:{'|'.join(re.escape(t) for t in longest_first)})\\b")
        found = [(m.start(), m.group(0)) for m in pattern(tuple(terms)).finditer(text)]
        assert found == [(m.start(), m.group(0)) for m in own.finditer(text)], (terms, text)
