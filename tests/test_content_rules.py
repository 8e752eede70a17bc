"""Each content rule both ways: the invalid fixture gives exactly these findings, the valid none.

Fixtures live in tests/fixtures/rules/<RULE-ID>/{valid,invalid}.md. A rule about articles'
length and sources has no valid.md of its own: the complete article fixture is its valid case.
"""

from __future__ import annotations

import pytest

from ketaguide.checks import all_rules
from ketaguide.cli import main
from tests.conftest import FIXTURES, ROOT, see

RULES = FIXTURES / "rules"
COMPLETE = "tests/fixtures/articles/valid/complete.md"
TODAY = "2026-11-22"
GRADE_13 = "(17.2 words per sentence, 1.59 syllables per word)"
_NOT_APPROVED = (
    "neither ketamine nor esketamine is approved for this condition; esketamine's approvals are "
    'for depression only; instead: "not FDA-approved for this condition; any use is off-label"'
)
_NOT_PROVEN = (
    "ketamine trials are few, small and short, so no use of it is proven; instead: say what "
    'trials found and how sure the evidence is: "in 2 small trials ... (very low certainty)"'
)

# For each rule: the exit code of its invalid fixture, and the exact finding lines.
EXPECTED: dict[str, tuple[int, list[str]]] = {
    "CNT005": (
        1,
        ["13:1: error CNT005 single-h1 a second H1 (the first is on line 9); make this one `##`"],
    ),
    "CNT006": (1, ["13:1: error CNT006 heading-skip H4 follows the H2 on line 11; use ### here"]),
    "CNT007": (
        1,
        [
            "11:1: error CNT007 image-alt the image has no alt text",
            "13:1: error CNT007 image-alt the image has no alt text",
        ],
    ),
    "CNT008": (
        1,
        ["11:1: error CNT008 svg-title untitled.svg does not start with a <title> element"],
    ),
    "CNT009": (1, ["11:66: error CNT009 footnote-undefined [^knwon] has no definition"]),
    "CNT010": (1, ["15:1: error CNT010 footnote-unused [^forgotten] is defined but never cited"]),
    "CNT011": (
        1,
        [
            "13:1: error CNT011 footnote-no-link [^none] has no usable link; add a DOI, PubMed or "
            "https link",
            "15:1: error CNT011 footnote-no-link [^plain] has no usable link; use its https:// "
            "address",
            '15:44: error SEC002 unsafe-link the link "http://example.org/page" is a "http:" '
            "link; use https:",
        ],
    ),
    "CNT012": (
        1,
        [
            "8:1: error CNT012 too-few-sources the page cites 5 distinct source(s); an article "
            "needs at least 6",
            # [^six] counts as no new source because it is [^one] under another key
            "80:1: error CNT033 source-two-keys [^six] cites the same source as [^one] "
            "(tests/fixtures/rules/CNT012/invalid.md:65); one source has one key: use one of "
            "the two on every page",
        ],
    ),
    "CNT013": (
        0,
        [
            f"8:1: warning CNT013 reading-level grade 9.9 is above 9 {GRADE_13}; hardest "
            "paragraphs: line 15 (12.9), line 19 (11.1), line 23 (8.0)"
        ],
    ),
    "CNT014": (
        1,
        [
            "8:1: error CNT014 reading-level-too-high grade 38.1 is above 12 (33.7 words per "
            "sentence, 3.44 syllables per word); hardest paragraphs: line 11 (43.2), line 17 "
            "(38.7), line 22 (31.4)"
        ],
    ),
    "CNT015": (
        1,
        [
            '12:15: error CNT015 misleading-claim "cure": no trial shows ketamine cures depression '
            'or chronic pain; instead: say what trials measured: "eased symptoms", "reached '
            'remission"',
            '13:10: error CNT015 misleading-claim "100%": no study result is certain; instead: '
            "give the measured frequency and its source",
            '13:33: error CNT015 misleading-claim "no side effects": dissociation, nausea and '
            "raised blood pressure are common; instead: name the common side effects with how "
            "often they happen",
            '15:16: error CNT015 misleading-claim "FDA-approved": the FDA has approved ketamine '
            'only as an anesthetic, not for depression or pain; instead: "used off-label"; only '
            "esketamine (Spravato) is FDA-approved for depression",
            '17:6: error CNT015 misleading-claim "miracle": it promises more than any study shows; '
            'instead: give the measured effect: "about 4 in 10 people improved"',
            f'19:28: error CNT015 misleading-claim "FDA-approved for PTSD": {_NOT_APPROVED}',
            '20:10: error CNT015 misleading-claim "cures": no trial shows ketamine cures '
            'depression or chronic pain; instead: say what trials measured: "eased symptoms", '
            '"reached remission"',
            f'21:7: error CNT015 misleading-claim "proven for": {_NOT_PROVEN}',
            f'21:41: error CNT015 misleading-claim "approved for bipolar": {_NOT_APPROVED}',
            f'22:21: error CNT015 misleading-claim "clinically proven to": {_NOT_PROVEN}',
            '23:5: error CNT015 misleading-claim "FDA approved ketamine for the treatment of '
            f'severe fibromyalgia": {_NOT_APPROVED}',
        ],
    ),
    "CNT016": (
        1,
        [
            "11:1: error CNT016 suppression-invalid give the reason after the rule id",
            "14:1: error CNT016 suppression-invalid no rule has the id CNT999",
            '17:1: error CNT016 suppression-invalid write "disable-next-line", not '
            '"disabel-next-line"',
        ],
    ),
    "CNT017": (0, ["11:1: warning CNT017 suppression-unused nothing on line 12 breaks CNT015"]),
    "CNT018": (
        1,
        ['14:30: error CNT018 crisis-help the page mentions "suicide"; set crisis: true'],
    ),
    "CNT019": (
        1,
        [
            '11:24: error CNT019 copied-text 23 words starting "chronic pain is defined as pain '
            '..." match a seed page or the research notes; write it in your own words'
        ],
    ),
    "CNT020": (
        1,
        [
            '11:10: error CNT020 spelling "recieve" may be a misspelling of receive',
            '12:1: error CNT020 spelling "teh" may be a misspelling of the',
        ],
    ),
    "CNT021": (
        0,
        ["8:1: warning CNT021 article-too-short the body has 9 words; an article has at least 400"],
    ),
    "CNT022": (
        1,
        [
            "15:47: error CNT022 unverified-marker confirm this against its source and remove the "
            "marker, or cut it"
        ],
    ),
    "CNT023": (
        1,
        [
            '11:1: error CNT023 include-invalid "missing.md" is not in '
            "tests/fixtures/rules/CNT023/_shared/ (shared statements: fact.md)",
            '13:1: error CNT023 include-invalid "../invalid.md" is outside '
            "tests/fixtures/rules/CNT023/_shared/; only files there can be included",
            '15:1: error CNT023 include-invalid write each include on one line: --8<-- "name.md"',
            '17:1: error CNT023 include-invalid "https://example.org/fact.md": only files in '
            "tests/fixtures/rules/CNT023/_shared/ can be included",
            '19:1: error CNT023 include-invalid "fact.md:2:3": write only the file name, such as '
            '--8<-- "driving.md"',
        ],
    ),
    "CNT024": (
        1,
        [
            '11:26: error CNT024 shared-fact-restated this restates the shared statement "fact" '
            '(Rest after a dose); include it instead: --8<-- "fact.md"',
            '15:3: error CNT024 shared-fact-restated this restates the shared statement "fact" '
            '(Rest after a dose); include it instead: --8<-- "fact.md"',
        ],
    ),
    "CNT025": (
        1,
        [
            "15:1: error CNT025 shared-statement-invalid [^src] is also defined at "
            "tests/fixtures/rules/CNT025/_shared/fact.md:3; keep one definition (the shared "
            "statement's) and cite it by its label"
        ],
    ),
    # An unused statement is found only when the whole folder is checked (tests/test_shared.py);
    # the page alone gives nothing.
    "CNT026": (0, []),
    "CNT032": (
        1,
        [
            "1:1: error CNT032 not-in-nav the page is not in the nav of "
            'tests/fixtures/rules/CNT032/mkdocs.yml (line 3); add "invalid.md" under its section '
            "there, or list it in not_in_nav if readers reach it another way"
        ],
    ),
    "CNT033": (
        1,
        [
            "15:1: error CNT033 source-two-keys [^smith-2020] cites the same source as "
            "[^smith-2018] (tests/fixtures/rules/CNT033/invalid.md:13); one source has one key: "
            "use one of the two on every page"
        ],
    ),
    "CNT031": (
        1,
        [
            "11:1: error CNT031 directive-invalid unknown directive 'clinic-directry'; "
            "known: clinic-directory, disable-next-line, publisher, funding, report-error, "
            "reviewers",
            "13:1: error CNT031 directive-invalid clinic-directory takes nothing after its name: "
            "'clinic-directory all'",
            "15:1: error CNT031 directive-invalid unknown directive "
            "'<!-- ketaguide clinic-directory -->'; known: clinic-directory, disable-next-line, "
            "publisher, funding, report-error, reviewers",
        ],
    ),
    "CNT030": (
        1,
        [
            '2:8: error CNT030 placeholder "A title a reader would search for" is the '
            "template's example text; replace it",
            '11:1: error CNT030 placeholder "Short paragraphs of two to four sentences" is the '
            "template's example text; replace it",
            '13:11: error CNT030 placeholder "Author A, Author B" is the template\'s example '
            "text; replace it",
        ],
    ),
    "SEC001": (
        1,
        [
            '2:8: error SEC001 front-matter-text "title" holds the markup character "<" at '
            "character 7; use plain text",
            '3:14: error SEC001 front-matter-text "description" holds the direction-changing '
            "character U+202E at character 34; use plain text",
            # author and clinical_review are retired fields: still strings to refuse.
            '6:1: error CNT002 front-matter-invalid unknown field "author"; allowed: title, '
            "description, last_reviewed, next_review, first_published, crisis, hide, search, "
            "generated, page_type, translation_of, source_hash, translated",
            '6:9: error SEC001 front-matter-text "author" holds the invisible character U+200B at '
            "character 10; use plain text",
            '7:1: error CNT002 front-matter-invalid unknown field "clinical_review"; did you mean '
            '"last_reviewed"?',
            '7:18: error SEC001 front-matter-text "clinical_review" holds the control character '
            "U+001B at character 1; use plain text",
        ],
    ),
    "SEC002": (
        1,
        [
            '11:23: error SEC002 unsafe-link the link "javascript:alert(1)" is a "javascript:" '
            "URL, which can run code or hide what it shows",
            '11:63: error SEC002 unsafe-link the link "jav&#x61;script:alert(2)" is a '
            '"javascript:" URL, which can run code or hide what it shows',
            '13:20: error SEC002 unsafe-link the link "JaVaScRiPt:alert(3)" is a "javascript:" '
            "URL, which can run code or hide what it shows",
            '13:61: error SEC002 unsafe-link the link "  javascript:alert(4)" is a "javascript:" '
            "URL, which can run code or hide what it shows",
            "15:15: error SEC002 unsafe-link the link "
            '"data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==" is a "data:" URL, which'
            " can run code or hide what it shows",
            '15:98: error SEC002 unsafe-link the link "http://example.org/" is a "http:" link; '
            "use https:",
            '17:56: error SEC002 unsafe-link the image "https://images.example.org/x.png" loads '
            "from another host; save the file in docs/ and link it relatively",
            '19:14: error SEC002 unsafe-link the link "vbscript:msgbox(6)" is a "vbscript:" URL, '
            "which can run code or hide what it shows",
            '19:64: error SEC002 unsafe-link the link "//example.org/page" names no scheme; write'
            " https:// in full",
            '23:8: error SEC002 unsafe-link the reference for a link "javascript:alert(7)" is a '
            '"javascript:" URL, which can run code or hide what it shows',
            "24:12: error SEC002 unsafe-link the reference for an image "
            '"https://images.example.org/y.png" loads from another host; save the file in docs/ '
            "and link it relatively",
        ],
    ),
    "SEC003": (
        1,
        [
            "11:1: error SEC003 unsafe-html <script> is not allowed in a page",
            "13:1: error SEC003 unsafe-html the onerror= attribute runs a script; remove it",
            "15:1: error SEC003 unsafe-html <iframe> is not allowed in a page",
            "17:1: error SEC002 unsafe-link the style attribute: "
            '"https://tracker.example.org/pixel.png" loads from another host; save the file in '
            "docs/ and link it relatively",
            '19:1: error SEC002 unsafe-link <img srcset=...>: "https://cdn.example.org/large.png"'
            " loads from another host; save the file in docs/ and link it relatively",
            '21:1: error SEC002 unsafe-link <a href=...>: "javascript:alert(3)" is a '
            '"javascript:" URL, which can run code or hide what it shows',
            "21:60: error SEC003 unsafe-html <object> is not allowed in a page",
            "24:1: error SEC003 unsafe-html the attribute list {...}: the onclick= attribute runs"
            " a script; remove it",
            "26:11: error SEC003 unsafe-html the onerror= attribute runs a script; remove it",
        ],
    ),
}


def _run(capsys: pytest.CaptureFixture[str], path: str) -> tuple[int, list[str]]:
    code = main(["check", "--today", TODAY, path])
    return code, capsys.readouterr().out.splitlines()


def test_every_content_rule_from_cnt005_has_fixtures() -> None:
    declared = {r.id for r in all_rules() if r.id.startswith("SEC") or "CNT005" <= r.id <= "CNT999"}
    assert declared == set(EXPECTED)
    assert {p.name for p in RULES.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("rule_id", sorted(EXPECTED))
def test_invalid_fixture_gives_exact_findings(
    rule_id: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path = f"tests/fixtures/rules/{rule_id}/invalid.md"
    code, lines = _run(capsys, path)
    want_code, want_lines = EXPECTED[rule_id]
    assert lines == [see(f"{path}:{line}") for line in want_lines]
    assert code == want_code


@pytest.mark.parametrize("rule_id", sorted(EXPECTED))
def test_valid_fixture_is_clean(
    rule_id: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    own = RULES / rule_id / "valid.md"
    path = own.relative_to(ROOT).as_posix() if own.exists() else COMPLETE
    assert _run(capsys, path) == (0, [])


def test_strict_makes_a_reading_level_warning_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path = "tests/fixtures/rules/CNT013/invalid.md"
    assert main(["check", "--strict", "--today", TODAY, path]) == 1
    assert capsys.readouterr().out.startswith(f"{path}:8:1: error CNT013 reading-level")
