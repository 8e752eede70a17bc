"""Each Spanish content rule both ways: the invalid fixture gives exactly these findings, the
valid none. Fixtures live in tests/fixtures/rules-es/<RULE-ID>/{valid,invalid}.md, written as a
translator writes them; tests/spanish.py puts each in docs-es/ beside an English page and stamps
it, so the only findings are the rule's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaguide.cli import main
from tests.conftest import FIXTURES
from tests.spanish import bilingual

RULES = FIXTURES / "rules-es"
SEE = "; see docs/about/writing-rules.md#"

EXPECTED: dict[str, list[str]] = {
    "CNT013": [
        '12:1: warning CNT013 reading-level INFLESZ 53.0 ("algo difícil": somewhat hard: upper '
        "secondary school, popular science) is below 55 (21.8 words per sentence, 2.12 syllables "
        "per word); hardest paragraphs: line 15 (53.0)",
    ],
    "CNT014": [
        '12:1: error CNT014 reading-level-too-high INFLESZ -58.2 ("muy difícil": very hard: '
        "university, scientific papers) is below 40 (51.5 words per sentence, 3.43 syllables per "
        "word); hardest paragraphs: line 15 (-58.2)",
    ],
}


def _check(
    rule: str, kind: str, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    text = (RULES / rule / f"{kind}.md").read_text(encoding="utf-8")
    bilingual(tmp, text)
    code = main(["check", "--today", "2026-11-22", "docs-es"])
    return code, capsys.readouterr().out.splitlines()


def test_every_spanish_rule_fixture_is_listed() -> None:
    assert {p.name for p in RULES.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_invalid_spanish_fixture_gives_exact_findings(
    rule: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, lines = _check(rule, "invalid", tmp_path, capsys)
    want = [f"docs-es/page.md:{line}" for line in EXPECTED[rule]]
    assert [line.split(SEE)[0] for line in lines] == want
    errors = any(" error " in line for line in want)
    assert code == (1 if errors else 0)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_valid_spanish_fixture_is_clean(
    rule: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _check(rule, "valid", tmp_path, capsys) == (0, [])
