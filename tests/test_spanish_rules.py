"""Each Spanish content rule both ways: the invalid fixture gives exactly these findings, the
valid none. Fixtures live in tests/fixtures/rules-es/<RULE-ID>/{valid,invalid}.md, written as a
translator writes them; tests/spanish.py puts each in docs-es/ beside an English page and stamps
it, so the only findings are the rule's own. A rule that compares the two pages has its English
page beside the fixtures (english.md)."""

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
    "CNT015": [
        '15:13: error CNT015 misleading-claim "cura": no trial shows ketamine cures depression '
        'or chronic pain; instead: say what trials measured: "alivió los síntomas", "logró la '
        'remisión"',
        '15:64: error CNT015 misleading-claim "milagroso": it promises more than any study '
        'shows; instead: give the measured effect: "cerca de 4 de cada 10 personas mejoraron"',
        '15:76: error CNT015 misleading-claim "revolucionario": it is hype, and easily confused '
        'with the FDA\'s Breakthrough Therapy designation; instead: "una opción más reciente"; '
        "name the designation exactly if that is what you mean",
        '17:4: error CNT015 misleading-claim "garantizamos": no treatment works for everyone; '
        'instead: "puede ayudar", with how many people it helped in trials',
        '17:27: error CNT015 misleading-claim "100%": no study result is certain; instead: give '
        "the measured frequency and its source",
        '17:50: error CNT015 misleading-claim "sin efectos secundarios": dissociation, nausea '
        "and raised blood pressure are common; instead: name the common side effects with how "
        "often they happen",
        '19:4: error CNT015 misleading-claim "completamente segura": no drug is completely safe; '
        'instead: "en general se toleró bien en ensayos cortos", then the risks',
        '19:27: error CNT015 misleading-claim "no es adictiva": ketamine can be misused and is a '
        'Schedule III controlled substance; instead: "el uso indebido es un riesgo conocido; las '
        'clínicas lo evalúan"',
        '21:30: error CNT015 misleading-claim "aprobada por la FDA": the FDA has approved '
        'ketamine only as an anesthetic, not for depression or pain; instead: "uso no aprobado"; '
        "only esketamine (Spravato) is FDA-approved for depression",
    ],
    "CNT018": [
        "11:1: error CNT018 crisis-help docs/page.md gives the 988 crisis line; give the Spanish "
        'route (988, press 2, text AYUDA): --8<-- "crisis.md"',
        '14:50: error CNT018 crisis-help the page mentions "depresión"; set crisis: true',
    ],
    "CNT024": [
        '15:36: error CNT024 shared-fact-restated this restates the shared statement "crisis" '
        "(La línea 988 en español (marque 2, mensaje AYUDA)); include it instead: "
        '--8<-- "crisis.md"',
    ],
    "TRN003": [
        "11:1: error TRN003 translation-footnote-keys [^two] is cited on the English page "
        "(docs/page.md:11) but not here; cite it on the same statement",
        "14:39: error TRN003 translation-footnote-keys [^three] is not cited on the English page "
        "docs/page.md; a Spanish page cites the same sources",
    ],
}


def _check(
    rule: str, kind: str, tmp: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, list[str]]:
    text = (RULES / rule / f"{kind}.md").read_text(encoding="utf-8")
    english = RULES / rule / "english.md"  # the English page, when the rule compares with it
    if english.exists():
        bilingual(tmp, text, english.read_text(encoding="utf-8"))
    else:
        bilingual(tmp, text)
    code = main(["check", "--today", "2026-11-22", "docs-es/page.md"])
    return code, capsys.readouterr().out.splitlines()


def test_every_spanish_rule_fixture_is_listed() -> None:
    assert {p.name for p in RULES.iterdir()} == set(EXPECTED)
    assert all((RULES / rule / "valid.md").exists() for rule in EXPECTED)


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_invalid_spanish_fixture_gives_exact_findings(
    rule: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, lines = _check(rule, "invalid", tmp_path, capsys)
    want = [x if x.startswith("docs-es/") else f"docs-es/page.md:{x}" for x in EXPECTED[rule]]
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
