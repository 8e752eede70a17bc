"""Front matter is read once, by the guarded loader, for `ketaguide check` and for the build.

Before, the build re-read it with MkDocs' own parser: `title: Off` became False and a bare date a
date object (an uncaught pydantic error), front matter nested 50,000 deep crashed libyaml, a 5 MB
page took a minute, and a byte-order mark gave a different verdict in check and build.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.pages import frontmatter
from tests import minisite
from tests.conftest import see

FRONT_RULES = {"CNT001", "CNT002", "YML005", "YML006"}
DEEP = "title: " + "[" * 50_000 + "]" * 50_000 + "\n"
DEEP_SMALL = "title: " + "[" * 30_000 + "]" * 30_000 + "\n"  # under the size limit
DEEP_BLOCK = "title:\n" + "".join(" " * n + "-\n" for n in range(1, 300))


def _check(
    root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, list[str]]:
    monkeypatch.chdir(root)
    code = main(["check", "--today", "2026-12-01", "docs"])
    return code, capsys.readouterr().out.splitlines()


def _hostile(body_front: str) -> str:
    return f"---\n{body_front}description: x\n---\n\n# Title\n"


@pytest.mark.build
def test_values_plain_yaml_would_change_read_the_same_in_check_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bom = "\ufeff" + minisite.page("With a byte-order mark", "# With a byte-order mark\n\nText.\n")
    pages = {
        "off.md": minisite.page("Off", "# Off\n\nText.\n"),
        "date.md": minisite.page("2026-03-01", "# A dated title\n\nText.\n"),
        "bom.md": bom,
    }
    root = minisite.project(tmp_path, pages)
    assert _check(root, capsys, monkeypatch) == (0, [])
    result = minisite.build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert "<title>Off - " in (site / "off" / "index.html").read_text(encoding="utf-8")
    assert "<title>2026-03-01 - " in (site / "date" / "index.html").read_text(encoding="utf-8")
    assert "<title>With a byte-order mark - " in (site / "bom" / "index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.build
def test_hostile_front_matter_is_the_same_located_finding_in_check_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: dict[str, str | bytes] = {
        "deep.md": _hostile(DEEP),
        "deep-block.md": _hostile(DEEP_BLOCK),
        "deep-small.md": _hostile(DEEP_SMALL),
        "big.md": minisite.page() + "word " * 1_000_000,
        "wrong.md": minisite.page().replace(
            "page_type: policy", "page_type: policy\ncrisis: maybe"
        ),
        "bom-only.md": b"\xef\xbb\xbf# No front matter\n",
    }
    root = minisite.project(tmp_path, pages)
    code, found = _check(root, capsys, monkeypatch)
    assert code == 1
    # The front matter's findings; check adds what the body rules find (the build stops first).
    lines = [line for line in found if line.split(" ")[2] in FRONT_RULES]
    assert lines == [
        see(line)
        for line in [
            "docs/big.md:1:1: error YML006 file-too-large file is 5,000,204 bytes; "
            "the limit is 1,048,576 bytes",
            "docs/bom-only.md:1:1: error CNT001 front-matter-missing no front matter; "
            "start the file with ---",
            "docs/deep-block.md:8:7: error YML005 too-deep nesting is deeper than 6 levels",
            "docs/deep-small.md:2:13: error YML005 too-deep nesting is deeper than 6 levels",
            "docs/deep.md:2:1: error YML006 file-too-large the YAML is 100,023 characters; "
            "the limit is 65,536",
            'docs/wrong.md:7:9: error CNT002 front-matter-invalid "crisis" "maybe": '
            "Input should be a valid boolean, unable to interpret input",
        ]
    ]
    started = time.monotonic()
    result = minisite.build(root)
    took = time.monotonic() - started
    assert result.returncode == 1  # not a crash (-11), not a pass
    out = result.stdout + result.stderr
    assert "Traceback" not in out
    shown = out.splitlines()
    for line in lines:  # the first follows MkDocs' "ERROR - " on its line
        assert any(s == line or s.endswith(f" {line}") for s in shown), line
    assert took < 60, "the 5 MB page is refused before it is parsed"


def test_a_large_page_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_text(minisite.page() + "word " * 1_000_000, encoding="utf-8")
    started = time.monotonic()
    read = frontmatter.read(big, "big.md")
    assert time.monotonic() - started < 1
    assert read.page is None
    assert [f.rule.id for f in read.problems] == ["YML006"]
