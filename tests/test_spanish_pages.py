"""Spanish pages (docs-es/): the translation fields, the includes from both shared folders, and
which rules run on them (structural rules do; English wording rules do not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.pages.language import english_page, language
from tests.conftest import see
from tests.spanish import ENGLISH, SPANISH, bilingual

PLAIN = (SPANISH / "spanish.md").read_text(encoding="utf-8")


def _check(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, list[str]]:
    code = main(["check", "--today", "2026-11-22", *paths])
    return code, capsys.readouterr().out.splitlines()


def test_the_language_comes_from_the_folder(tmp_path: Path) -> None:
    assert language(tmp_path / "docs-es" / "a" / "b.md") == "es"
    assert language(tmp_path / "docs" / "a" / "b.md") == "en"
    assert english_page(tmp_path / "docs-es" / "a" / "b.md") == (
        tmp_path / "docs" / "a" / "b.md",
        "a/b.md",
    )
    assert english_page(tmp_path / "docs" / "b.md") is None


def test_a_stamped_spanish_page_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bilingual(tmp_path, PLAIN)
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs/page.md", "docs-es/page.md") == (0, [])


def test_a_spanish_page_needs_the_translation_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bilingual(tmp_path, "")
    (tmp_path / "docs-es" / "page.md").write_text(PLAIN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "docs-es/page.md")
    assert code == 1
    assert [line.split(" a Spanish")[0] for line in lines] == [
        f'docs-es/page.md:1:1: error CNT001 front-matter-missing "{name}" is missing;'
        for name in ("translation_of", "source_hash", "translated")
    ]


def test_an_english_page_may_not_set_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spanish = bilingual(tmp_path, PLAIN)
    (tmp_path / "docs" / "page.md").write_text(spanish.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "docs")
    assert code == 1
    assert lines == [
        see(
            f'docs/page.md:{n}:{col}: error CNT002 front-matter-invalid "{name}" is only for '
            "Spanish pages (under docs-es/); delete it"
        )
        for n, col, name in (
            (2, 17, "translation_of"),
            (3, 14, "source_hash"),
            (4, 13, "translated"),
        )
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "other.md",
            '"other.md": this page translates page.md (Spanish pages keep the English path)',
        ),
        ("page.md", '"page.md": there is no English page docs/page.md'),
    ],
)
def test_translation_of_names_the_english_page_it_mirrors(
    given: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spanish = bilingual(tmp_path, PLAIN)
    (tmp_path / "docs" / "other.md").write_text(ENGLISH, encoding="utf-8")
    text = spanish.read_text(encoding="utf-8").replace(
        "translation_of: page.md", f"translation_of: {given}"
    )
    spanish.write_text(text, encoding="utf-8")
    if given == "page.md":
        (tmp_path / "docs" / "page.md").unlink()
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs-es/page.md") == (
        1,
        [see(f"docs-es/page.md:2:17: error TRN001 translation-source {message}")],
    )


@pytest.mark.parametrize(
    "value", ["../docs/page.md", "/etc/passwd", "_shared/driving.md", "page", "a\\b.md"]
)
def test_translation_of_is_a_plain_path_under_docs(
    value: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spanish = bilingual(tmp_path, PLAIN)
    text = spanish.read_text(encoding="utf-8").replace(
        "translation_of: page.md", f"translation_of: '{value}'"
    )
    spanish.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, lines = _check(capsys, "docs-es/page.md")
    assert code == 1
    assert len(lines) == 1
    assert "error CNT002 front-matter-invalid" in lines[0]
    assert "expected the English page's path under docs/" in lines[0]


def test_english_wording_rules_do_not_misread_spanish_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # English misspellings (codespell: posible, responsable), English claims and crisis words
    # are not read on a Spanish page; the Spanish rules (tests/test_spanish_rules.py) are.
    words = "Es posible y responsable. Cure, miracle, not addictive, depressed. " * 50
    page = PLAIN.replace("Una afirmación con su fuente.", words)
    bilingual(tmp_path, page.replace("page_type: reference", "page_type: article"))
    monkeypatch.chdir(tmp_path)
    _, lines = _check(capsys, "docs-es/page.md")
    rules = {line.split()[2] for line in lines}
    assert "CNT012" in rules  # structural rules run: an article needs 6 sources
    assert not rules & {"CNT015", "CNT018", "CNT020"}


def test_spanish_includes_read_both_shared_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs" / "_shared" / "sources").mkdir(parents=True)
    source = "[^known]: Example A. A source. 2020. [doi:10.1000/a](https://doi.org/10.1000/a)\n"
    (tmp_path / "docs" / "_shared" / "sources" / "a.md").write_text(source, encoding="utf-8")
    body = 'Una afirmación con su fuente.[^known]\n\n--8<-- "crisis.md"\n\n--8<-- "sources/a.md"\n'
    page = PLAIN.split("Una afirmación")[0].replace("page_type", "crisis: true\npage_type") + body
    bilingual(tmp_path, page)
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs-es/page.md") == (0, [])
    missing = page.replace("sources/a.md", "sources/b.md")
    bilingual(tmp_path, missing)
    code, lines = _check(capsys, "docs-es/page.md")
    assert code == 1
    assert lines[-1].startswith(
        'docs-es/page.md:19:1: error CNT023 include-invalid "sources/b.md" is not in '
        "docs-es/_shared/ or docs/_shared/ (shared statements: crisis.md)"
    )


def test_a_kept_suppression_for_an_english_only_rule_is_not_unused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The translation keeps the English page's comments; spelling (CNT020) reads English only.
    comment = "<!-- ketaguide: disable-next-line CNT020 a drug name codespell does not know -->"
    page = PLAIN.replace("# Una página en español\n", f"# Una página en español {comment}\n")
    bilingual(tmp_path, page, english=page)
    monkeypatch.chdir(tmp_path)
    assert _check(capsys, "docs-es/page.md") == (0, [])
    _, lines = _check(capsys, "docs/page.md")
    assert [line.split()[2] for line in lines] == ["CNT017"]


def test_a_translated_date_in_the_future_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bilingual(tmp_path, PLAIN)
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--today", "2026-11-19", "docs-es/page.md"])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "docs-es/page.md:4:13: error CNT003 review-dates translated 2026-11-20 is in the future"
    ) in out
