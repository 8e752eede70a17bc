"""Misleading claims in Spanish: the misleading-claim rule's phrases for pages in docs-es/.

The same promises as in English (content/claims.py), in the words a Spanish text would use, each
with why it misleads and a better wording in Spanish. A negated or quoted use ("no hay cura") is
allowed with the same suppression comment as in English, which the translation keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ketaguide.content.readability import sentence_spans

Hit = tuple[int, str, str, str]


def _p(pattern: str, reason: str, instead: str) -> tuple[re.Pattern[str], str, str]:
    return re.compile(pattern, re.I), reason, instead


PHRASES = [
    _p(
        r"\bcura(?:s|n|r|rá|rán|ría|ción|ciones)?\b|\bcurativ[oa]s?\b",
        "no trial shows ketamine cures depression or chronic pain",
        'say what trials measured: "alivió los síntomas", "logró la remisión"',
    ),
    _p(
        r"\bmilagr\w*",
        "it promises more than any study shows",
        'give the measured effect: "cerca de 4 de cada 10 personas mejoraron"',
    ),
    _p(
        r"\brevolucionari[oa]s?\b|\bavances?\s+decisivos?\b",
        "it is hype, and easily confused with the FDA's Breakthrough Therapy designation",
        '"una opción más reciente"; name the designation exactly if that is what you mean',
    ),
    _p(
        r"\bgarantiz\w*|\bgarantías?\b",
        "no treatment works for everyone",
        '"puede ayudar", with how many people it helped in trials',
    ),
    _p(
        r"\b100\s?%|\bcien\s+por\s+ciento\b",
        "no study result is certain",
        "give the measured frequency and its source",
    ),
    _p(
        r"\bsin\s+(?:ningún\s+)?efectos?\s+(?:secundarios|adversos)\b",
        "dissociation, nausea and raised blood pressure are common",
        "name the common side effects with how often they happen",
    ),
    _p(
        r"\bno\s+(?:tiene|tendrá|causa|produce)\s+(?:ningún\s+)?efectos?\s+(?:secundarios|adversos)\b",
        "dissociation, nausea and raised blood pressure are common",
        "name the common side effects with how often they happen",
    ),
    _p(
        r"\b(?:completa|total|perfecta|absoluta)mente\s+segur[oa]s?\b",
        "no drug is completely safe",
        '"en general se toleró bien en ensayos cortos", then the risks',
    ),
    _p(
        r"\bno\s+(?:es|son)\s+adictiv[oa]s?\b|\bno\s+(?:crea|causa|produce|genera)\s+adicción\b"
        r"|\bno\s+adictiv[oa]s?\b",
        "ketamine can be misused and is a Schedule III controlled substance",
        '"el uso indebido es un riesgo conocido; las clínicas lo evalúan"',
    ),
]

_FDA = re.compile(
    r"\baprobad[oa]s?\s+por\s+la\s+FDA\b|\bla\s+FDA\s+(?:la\s+|lo\s+)?(?:aprobó|ha\s+aprobado|"
    r"autorizó)\b|\baprobación\s+de\s+la\s+FDA\b",
    re.I,
)
_KETAMINE = re.compile(r"\bketamina\b", re.I)
_CONDITION = re.compile(r"\b(?:depresi\w*|dolor\w*|TEPT|ansiedad|suicid\w*|ánimo)\b", re.I)
# A sentence with one of these is a negation or about esketamine, not a claim about IV ketamine.
_EXEMPT = re.compile(
    r"\b(?:no|nunca|ni|sin|ningún|ninguna|esketamina|spravato|anestesi\w*)\b"
    r"|\bfuera\s+de\s+lo\s+indicado\b|\buso\s+no\s+aprobado\b",
    re.I,
)
FDA_REASON = "the FDA has approved ketamine only as an anesthetic, not for depression or pain"
FDA_INSTEAD = '"uso no aprobado"; only esketamine (Spravato) is FDA-approved for depression'


def _fda(text: str) -> Iterator[Hit]:
    """Each "aprobado por la FDA" in a statement that says it of ketamine for depression or
    pain (a question, a negation or esketamine makes it another statement)."""
    if not _FDA.search(text):
        return
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if sentence.rstrip().endswith("?"):
            continue
        match = _FDA.search(sentence)
        about_ketamine = _KETAMINE.search(sentence) and _CONDITION.search(sentence)
        if match and about_ketamine and not _EXEMPT.search(sentence):
            yield start + match.start(), match.group(0), FDA_REASON, FDA_INSTEAD


def hits(text: str) -> list[Hit]:
    """Every misleading phrase in one block of Spanish text."""
    found = [
        (match.start(), match.group(0), reason, instead)
        for pattern, reason, instead in PHRASES
        for match in pattern.finditer(text)
    ]
    return found + list(_fda(text))
