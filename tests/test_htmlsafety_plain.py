"""The safety net's quick reading of plain tags gives what html.parser gives, for any tag."""

from __future__ import annotations

import random

import pytest

from ketaguide import htmlsafety

PIECES = [
    "<", ">", "/>", "a", "img", "script", "A", " ", "\t", "\n", "\v", "\u00a0", "=", '"', "'",
    "href", "src", "onclick", "ONLOAD", "style", "title", "x:y", "data-x", "#fn:1", "//evil",
    "javascript:", "java&#x73;cript:", "&amp;", "https://example.org", "../a/", "url(x)",
    "é", "-", "_", ".", ":", "\\",
]  # fmt: skip


def _slow(raw: str) -> tuple[tuple[str, str], ...]:
    parser = htmlsafety._OneTag()
    parser.feed(raw if raw.endswith(">") else raw + ">")
    parser.close()
    return () if parser.tag is None else htmlsafety._judge(*parser.tag)


@pytest.mark.parametrize("seed", range(4))
def test_plain_tags_read_as_html_parser_reads_them(seed: int) -> None:
    rng = random.Random(seed)
    plain = 0
    for _ in range(4000):
        raw = "<" + rng.choice(["a", "img", "p", "script", "IMG"])
        raw += "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) + ">"
        raw = raw if rng.random() < 0.5 else _well_formed(rng)
        if htmlsafety._plain_tag(raw) is not None:
            plain += 1
            assert htmlsafety._read_tag(raw) == _slow(raw), raw
    assert plain > 1000  # the quick path was taken, not skipped


def _well_formed(rng: random.Random) -> str:
    names = ["href", "src", "onclick", "Style", "title", "id", "class", "xlink:href", "srcset"]
    values = ["../x/", "#fn:1", "javascript:alert(1)", "//evil.test/x.js", "https://a.b", "",
              "url(//x)", "a b", "data:text/html,x", " javascript:x", "fn\u00a0ref"]  # fmt: skip
    attrs = ""
    for _ in range(rng.randint(0, 4)):
        quote = rng.choice(['"', "'", None])
        value = "" if quote is None else f"={quote}{rng.choice(values)}{quote}"
        attrs += rng.choice([" ", "\n", "  "]) + rng.choice(names) + value
    tag = rng.choice(["a", "img", "abbr", "script", "IFRAME"])
    return f"<{tag}{attrs}{rng.choice(['>', ' />', '/>'])}"
