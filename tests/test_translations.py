"""Translations cannot fall behind silently: `ketaguide check` warns on a Spanish page whose
English page changed (an error with --strict), `ketaguide translations` lists every page as
current, behind (since when) or missing, and `--stamp` records what was translated."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.translations import fresh
from tests.spanish import ENGLISH, SPANISH, bilingual, fingerprint

PLAIN = (SPANISH / "spanish.md").read_text(encoding="utf-8")
EDITED = ENGLISH.replace("A claim with its source.", "A changed claim with its source.")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.fixture
def guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """docs/page.md and its current Spanish page; docs/other.md with none."""
    bilingual(tmp_path, PLAIN)
    (tmp_path / "docs" / "other.md").write_text(ENGLISH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_editing_one_english_sentence_puts_the_spanish_page_behind(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "check", "--today", "2026-11-22", "docs-es/page.md") == (
        0,
        [],
        "0 error(s), 0 warning(s)\n",
    )
    (guide / "docs" / "page.md").write_text(EDITED, encoding="utf-8")
    code, lines, _ = _run(capsys, "check", "--today", "2026-11-22", "docs-es/page.md")
    assert code == 0  # a warning
    today = dt.date.today()  # the file time: this folder is no git repository
    assert lines == [
        "docs-es/page.md:3:14: warning TRN002 translation-behind docs/page.md changed after "
        f"this translation (translated 2026-11-20; it changed on {today} (file time)); update the"
        " Spanish text, then run `ketaguide translations --stamp docs-es/page.md`; see"
        " docs/about/writing-rules.md#trn002"
    ]
    code, lines, _ = _run(capsys, "check", "--strict", "--today", "2026-11-22", "docs-es/page.md")
    assert code == 1
    assert lines[0].startswith("docs-es/page.md:3:14: error TRN002 translation-behind")
    code, lines, err = _run(capsys, "translations")
    assert code == 1
    assert lines == [
        "docs/other.md" + " " * 32 + "missing    docs-es/other.md",
        "docs/page.md" + " " * 33 + f"behind     since {today} (file time); translated "
        "2026-11-20: docs-es/page.md",
    ]
    assert err == "1 behind, 1 missing\n"


def test_whitespace_alone_does_not_put_a_page_behind(guide: Path) -> None:
    english = guide / "docs" / "page.md"
    english.write_text(
        ENGLISH.replace("A claim with", "A claim\n   with") + "\n\n", encoding="utf-8"
    )
    found = fresh.pair(guide / "docs-es" / "page.md")
    assert found is not None
    assert found.state == "current"


def test_translations_lists_current_and_orphans_as_json(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (guide / "docs-es" / "gone.md").write_text(PLAIN, encoding="utf-8")
    code, lines, err = _run(capsys, "translations", "--format", "json")
    assert code == 1
    assert json.loads("\n".join(lines)) == [
        {
            "english": "docs/other.md",
            "spanish": "docs-es/other.md",
            "state": "missing",
            "translated": None,
            "english_changed": None,
        },
        {
            "english": "docs/page.md",
            "spanish": "docs-es/page.md",
            "state": "current",
            "translated": "2026-11-20",
            "english_changed": None,
        },
        {"english": None, "spanish": "docs-es/gone.md", "state": "orphan"},
    ]
    assert err == "1 current, 1 missing, 1 without an English page\n"


def test_all_current_exits_0(guide: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (guide / "docs" / "other.md").unlink()
    assert _run(capsys, "translations")[0] == 0


def test_the_since_date_is_the_english_page_s_last_commit(guide: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=guide, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    env = "2026-11-25T12:00:00+00:00"
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"],
        cwd=guide,
        check=True,
        env={"GIT_COMMITTER_DATE": env, "GIT_AUTHOR_DATE": env, "PATH": "/usr/bin:/bin"},
    )
    english = guide / "docs" / "page.md"
    assert fresh.changed_on(english) == fresh.Changed(dt.date(2026, 11, 25), "last commit")
    english.write_text(EDITED, encoding="utf-8")  # not committed: the file's time is newer
    assert fresh.changed_on(english) == fresh.Changed(dt.date.today(), "file time")


def test_stamp_records_the_english_text_and_nothing_else(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, spanish = guide / "docs" / "page.md", guide / "docs-es" / "page.md"
    english.write_text(EDITED, encoding="utf-8")
    before = spanish.read_text(encoding="utf-8")
    code, lines, _ = _run(
        capsys, "translations", "--stamp", "docs-es/page.md", "--date", "2026-11-23"
    )
    assert code == 0
    digest = fingerprint(english)
    assert lines == [f"stamped docs-es/page.md: source_hash {digest[:12]}, translated 2026-11-23"]
    after = spanish.read_text(encoding="utf-8")
    old_hash = before.split("source_hash: ")[1][:64]
    assert after == before.replace(old_hash, digest).replace(
        "translated: 2026-11-20", "translated: 2026-11-23"
    )
    assert _run(capsys, "check", "--strict", "--today", "2026-11-23", "docs-es/page.md")[0] == 0
    code, lines, _ = _run(
        capsys, "translations", "--stamp", "docs-es/page.md", "--date", "2026-11-23"
    )
    assert lines == [
        f"unchanged: docs-es/page.md: source_hash {digest[:12]}, translated 2026-11-23"
    ]


def test_stamp_adds_missing_fields_and_keeps_line_endings(
    guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spanish = guide / "docs-es" / "other.md"
    spanish.write_bytes(PLAIN.replace("\n", "\r\n").encode())
    assert (
        _run(capsys, "translations", "--stamp", "docs-es/other.md", "--date", "2026-11-21")[0] == 0
    )
    text = spanish.read_bytes().decode()
    digest = fingerprint(guide / "docs" / "other.md")
    assert text == PLAIN.replace(
        "page_type: reference\n",
        "page_type: reference\ntranslation_of: other.md\n"
        f"source_hash: {digest}\ntranslated: 2026-11-21\n",
    ).replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("docs/page.md", "docs/page.md is not a Spanish page (under docs-es/)"),
        ("docs-es/gone.md", "docs-es/gone.md translates docs/gone.md, which does not exist"),
        ("docs-es/missing.md", "docs-es/missing.md cannot be read: No such file or directory"),
        ("docs-es/link.md", "docs-es/link.md is a symbolic link"),
        ("docs-es/bare.md", "docs-es/bare.md has no front matter; copy it from the English page"),
        (
            "docs-es/_shared/crisis.md",
            "docs-es/_shared/crisis.md is a shared statement, not a page",
        ),
    ],
)
def test_stamp_refuses_what_it_cannot_stamp(
    target: str, why: str, guide: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (guide / "docs-es" / "gone.md").write_text(PLAIN, encoding="utf-8")
    (guide / "docs-es" / "link.md").symlink_to(guide / "docs-es" / "page.md")
    (guide / "docs" / "bare.md").write_text(ENGLISH, encoding="utf-8")
    (guide / "docs-es" / "bare.md").write_text("# Sin encabezado\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (guide / "docs-es").glob("*.md") if not p.is_symlink()}
    code, lines, err = _run(capsys, "translations", "--stamp", target)
    assert (code, lines) == (1, [])
    assert err.startswith(f"ketaguide: {why}")
    assert before == {p: p.read_bytes() for p in before}


def test_a_new_row_in_the_english_review_log_leaves_the_spanish_log_current(tmp_path: Path) -> None:
    """The two logs have rows of their own; only the text around the table is translated."""
    log = tmp_path / "docs" / "about" / "review-log.md"
    log.parent.mkdir(parents=True)
    table = "| Date | Article | Claims checked | Corrections |\n| --- | --- | --- | --- |\n"
    row = "| 2026-12-01 | [Page](../page.md) | 3 | None |\n"
    log.write_text(ENGLISH + "\n" + table, encoding="utf-8")
    before = fresh.english_hash(log)
    log.write_text(ENGLISH + "\n" + table + row, encoding="utf-8")
    assert fresh.english_hash(log) == before
    log.write_text(EDITED + "\n" + table + row, encoding="utf-8")
    assert fresh.english_hash(log) != before
