"""Shared statements: includes expanded for the content rules, findings located in the shared
file, hostile includes refused with a location, and the build renders what the checker read."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
import yaml

from ketaguide import buildguards
from ketaguide.cli import main
from ketaguide.findings import format_text
from ketaguide.pages import shared
from ketaguide.pages.page import Page
from tests.conftest import ROOT, see

HEAD = """---
title: A page
description: A test page that includes shared statements for tests/test_shared.py.
last_reviewed: 2026-11-01
next_review: 2027-05-01
page_type: home
---

# A page

"""
FACT = "Rest for a day after a dose.[^src]\n\n[^src]: Example A. A source. 2020. [doi:10.1000/a](https://doi.org/10.1000/a)\n"
REGISTRY = "fact:\n  title: Rest after a dose\n  fingerprints:\n    - [rest, a day]\n"


def _tree(root: Path, pages: dict[str, str], statements: dict[str, str], registry: str) -> None:
    (root / "docs/_shared").mkdir(parents=True)
    for name, body in pages.items():
        (root / "docs" / name).write_text(HEAD + body, encoding="utf-8")
    for name, text in statements.items():
        (root / "docs/_shared" / name).write_text(text, encoding="utf-8")
    (root / "docs/_shared/statements.yml").write_text(registry, encoding="utf-8")


def _check(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[str]]:
    code = main(["check", "--today", "2026-11-22", *paths])
    return code, capsys.readouterr().out.splitlines()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_finding_in_a_shared_statement_points_at_its_file_once(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fact = "Rest for a day after a dose; teh rest can wait.[^src]\n" + FACT.split("\n", 1)[1]
    pages = {"a.md": 'Intro.\n\n--8<-- "fact.md"\n', "b.md": 'Intro.\n\n--8<-- "fact.md"\n'}
    _tree(in_tmp, pages, {"fact.md": fact}, REGISTRY)
    code, lines = _check(capsys, "docs")
    assert code == 1
    assert lines == [
        see(line)
        for line in [
            'docs/_shared/fact.md:1:30: error CNT020 spelling "teh" may be a misspelling of the'
        ]
    ]


def test_lines_after_an_include_keep_their_own_numbers(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = {"a.md": '--8<-- "fact.md"\n\nA claim.[^gone]\n'}
    _tree(in_tmp, pages, {"fact.md": FACT}, REGISTRY)
    code, lines = _check(capsys, "docs")
    assert lines == [
        see(line)
        for line in ["docs/a.md:13:9: error CNT009 footnote-undefined [^gone] has no definition"]
    ]
    assert code == 1


def test_an_include_loop_is_located_in_the_statement_that_closes_it(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statements = {"one.md": 'One.\n\n--8<-- "two.md"\n', "two.md": 'Two.\n\n--8<-- "one.md"\n'}
    registry = "".join(f"{n}:\n  title: T\n  fingerprints: [[zzz]]\n" for n in ("one", "two"))
    _tree(in_tmp, {"a.md": '--8<-- "one.md"\n'}, statements, registry)
    code, lines = _check(capsys, "docs")
    assert lines == [
        see(line)
        for line in [
            "docs/_shared/two.md:3:1: error CNT023 include-invalid the include repeats itself: "
            "one.md -> two.md -> one.md"
        ]
    ]
    assert code == 1


def test_links_and_special_files_are_refused_without_reading_them(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = "".join(f"{n}:\n  title: T\n  fingerprints: [[zzz]]\n" for n in ("link", "pipe"))
    _tree(in_tmp, {"a.md": '--8<-- "link.md"\n\n--8<-- "pipe.md"\n'}, {}, registry)
    (in_tmp / "secret.md").write_text("outside\n", encoding="utf-8")
    (in_tmp / "docs/_shared/link.md").symlink_to(in_tmp / "secret.md")
    os.mkfifo(in_tmp / "docs/_shared/pipe.md")  # opening it would block forever
    code, lines = _check(capsys, "docs/a.md")
    assert lines == [
        see(line)
        for line in [
            'docs/_shared/statements.yml:5:3: error CNT025 shared-statement-invalid "pipe" has no '
            "file pipe.md beside it",
            'docs/a.md:11:1: error CNT023 include-invalid "link.md" is a symbolic link; a shared '
            "statement must be a plain file",
            'docs/a.md:13:1: error CNT023 include-invalid "pipe.md" is not a regular file',
        ]
    ]
    assert code == 1


def test_registry_problems_are_located(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = "fact:\n  title: T\n  fingerprints: nope\ngone:\n  title: T\n  fingerprints: [[x]]\n"
    _tree(
        in_tmp,
        {"a.md": '--8<-- "fact.md"\n\n--8<-- "new.md"\n'},
        {"fact.md": FACT, "new.md": "New.\n"},
        registry,
    )
    code, lines = _check(capsys, "docs/a.md")
    assert lines == [
        see(line)
        for line in [
            "docs/_shared/statements.yml:1:1: error CNT025 shared-statement-invalid new.md is not "
            'declared; add "new:" with its title',
            'docs/_shared/statements.yml:2:3: error CNT025 shared-statement-invalid "fact": '
            "`fingerprints` is a list of word lists, such as [[24 hours, driv*]]",
            'docs/_shared/statements.yml:5:3: error CNT025 shared-statement-invalid "gone" has no '
            "file gone.md beside it",
        ]
    ]
    assert code == 1


def test_bad_yaml_in_the_registry_is_a_located_yaml_finding(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"a.md": '--8<-- "fact.md"\n'}, {"fact.md": FACT}, "fact: [unclosed\n")
    code, lines = _check(capsys, "docs/a.md")
    assert code == 1
    assert lines[0].startswith("docs/_shared/statements.yml:2:1: error YML001 yaml-syntax")


def test_an_unused_statement_is_reported_when_the_folder_is_checked(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = REGISTRY + "spare:\n  title: Spare\n  fingerprints: [[zzz]]\n"
    _tree(
        in_tmp, {"a.md": '--8<-- "fact.md"\n'}, {"fact.md": FACT, "spare.md": "Spare.\n"}, registry
    )
    assert _check(capsys, "docs/a.md") == (0, [])
    code, lines = _check(capsys, "docs")
    assert lines == [
        see(line)
        for line in [
            "docs/_shared/spare.md:1:1: warning CNT026 shared-statement-unused "
            "no page includes spare.md"
        ]
    ]
    assert code == 0


def test_the_build_stops_on_an_include_the_snippets_extension_would_skip(
    in_tmp: Path,
) -> None:
    statements = {"one.md": 'One.\n\n--8<-- "one.md"\n'}
    _tree(in_tmp, {"a.md": '--8<-- "one.md"\n'}, statements, "")
    page = Page.read(in_tmp / "docs/a.md", (in_tmp / "docs/a.md").read_text(encoding="utf-8"))
    found = buildguards.includes(page, "docs/a.md")
    assert [format_text(f) for f in found] == [
        see(line)
        for line in [
            "docs/_shared/one.md:3:1: error CNT023 include-invalid the include repeats itself: "
            "one.md -> one.md"
        ]
    ]


def _snippets_config() -> dict[str, object]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return dict(config["markdown_extensions"]["pymdownx.snippets"])


def test_the_build_reads_shared_statements_from_the_folder_the_checker_reads() -> None:
    config = _snippets_config()
    assert config["base_path"] == [shared.SHARED_DIR.as_posix()]
    assert config["check_paths"] == "true"
    assert config["url_download"] == "false"


def test_every_page_expands_exactly_as_the_build_expands_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the content rules read is what pymdownx.snippets gives the build."""
    monkeypatch.chdir(ROOT)
    config = _snippets_config()
    options = {"base_path": config["base_path"], "check_paths": True}
    pages = [p for p in Path("docs").rglob("*.md") if not shared.is_shared(p)]
    with_includes = 0
    for file in pages:
        page = Page.read(file, file.read_text(encoding="utf-8"))
        ours = shared.expand(page.body, file, file.as_posix(), page.body_line)
        assert ours.problems == []
        md = markdown.Markdown(
            extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
        )
        theirs = md.preprocessors["snippet"].run(page.body.split("\n"))
        assert ours.lines == theirs, file
        with_includes += bool(ours.used)
    assert with_includes >= 6


def test_a_linked_registry_is_refused_without_reading_it(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(in_tmp, {"a.md": '--8<-- "fact.md"\n'}, {"fact.md": FACT}, REGISTRY)
    registry = in_tmp / "docs/_shared/statements.yml"
    registry.rename(in_tmp / "elsewhere.yml")
    registry.symlink_to(in_tmp / "elsewhere.yml")
    code, lines = _check(capsys, "docs/a.md")
    assert code == 1
    assert any(
        line.startswith("docs/_shared/statements.yml: error FIL001 unsafe-file is a symbolic link")
        for line in lines
    ), lines


def test_one_source_under_two_keys_on_two_pages_is_found(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = "A claim.[^other]\n\n[^other]: Example A. A source. 2020. [doi:10.1000/a](https://doi.org/10.1000/a)\n"
    pages = {"a.md": '--8<-- "fact.md"\n', "b.md": other}
    _tree(in_tmp, pages, {"fact.md": FACT}, REGISTRY)
    code, lines = _check(capsys, "docs")
    assert lines == [
        see(line)
        for line in [
            "docs/b.md:13:1: error CNT033 source-two-keys [^other] cites the same source as "
            "[^src] (docs/_shared/fact.md:3); one source has one key: use one of the two on "
            "every page"
        ]
    ]
    assert code == 1
    (in_tmp / "docs/b.md").write_text(HEAD + "A claim.[^src]\n\n" + FACT.split("\n", 1)[1])
    assert _check(capsys, "docs/b.md")[0] == 0  # the same key on another page is fine
