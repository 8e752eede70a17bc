"""Claims that mislead: words that promise more than the evidence shows.

Each phrase comes with the reason it misleads and a better wording. A quoted or negated use
("there is no cure") is allowed with a suppression comment on the line above, which needs a
reason: `<!-- ketaguide: disable-next-line CNT015 negated: says there is no cure -->`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ketaguide.content import approvals, claims_es
from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.rules import Rule

MISLEADING = Rule(
    "CNT015",
    "misleading-claim",
    "error",
    'A phrase that overstates the evidence: "cure", "miracle", "breakthrough", "guaranteed", '
    '"100%", "no side effects", "completely safe", "not addictive", "FDA-approved" said of '
    'IV ketamine for depression or pain, "approved for" PTSD, anxiety, OCD, bipolar disorder, '
    'addiction, eating disorders or a pain condition, or "proven" without a negation; on a '
    'Spanish page, "cura", "milagro", "revolucionario", "garantiza", "100 %", "sin efectos '
    'secundarios", "completamente seguro", "no es adictiva" and "aprobado por la FDA" said of IV '
    "ketamine for depression or pain.",
    why="Readers deciding on a costly, off-label treatment must not be promised more than trials "
    "show; the FDA has approved ketamine only as an anesthetic and esketamine (Spravato) only "
    "for depression, and trials for other conditions are few and small.",
    fix="Use the better wording the finding suggests. For a quoted or negated use, end the "
    "line above with `<!-- ketaguide: disable-next-line CNT015 why this use is fine -->`.",
)


@dataclass(frozen=True, slots=True)
class Phrase:
    pattern: re.Pattern[str]
    reason: str
    instead: str


def _p(pattern: str, reason: str, instead: str) -> Phrase:
    return Phrase(re.compile(pattern, re.I), reason, instead)


PHRASES = [
    _p(
        r"\bcur(?:e|es|ed|ing)\b",
        "no trial shows ketamine cures depression or chronic pain",
        'say what trials measured: "eased symptoms", "reached remission"',
    ),
    _p(
        r"\bmiracle\w*|\bmiraculous\w*",
        "it promises more than any study shows",
        'give the measured effect: "about 4 in 10 people improved"',
    ),
    _p(
        r"\bbreakthroughs?\b",
        "it is hype, and easily confused with the FDA's Breakthrough Therapy designation",
        '"a newer option"; name the designation exactly if that is what you mean',
    ),
    _p(
        r"\bguarantee[sd]?\b",
        "no treatment works for everyone",
        '"may help", with how many people it helped in trials',
    ),
    _p(
        r"\b100\s?%|\b100\s+per\s?cent\b",
        "no study result is certain",
        "give the measured frequency and its source",
    ),
    _p(
        r"\bno\s+side[\s-]+effects?\b",
        "dissociation, nausea and raised blood pressure are common",
        "name the common side effects with how often they happen",
    ),
    _p(
        r"\b(?:completely|totally|perfectly|entirely)\s+safe\b",
        "no drug is completely safe",
        '"generally well tolerated in short trials", then the risks',
    ),
    _p(
        r"\bnot\s+addictive\b|\bnon-?addictive\b",
        "ketamine can be misused and is a Schedule III controlled substance",
        '"misuse is a known risk; clinics screen for it"',
    ),
]


def _english(text: str) -> list[tuple[int, str, str, str]]:
    hits = [
        (match.start(), match.group(0), phrase.reason, phrase.instead)
        for phrase in PHRASES
        for match in phrase.pattern.finditer(text)
    ]
    return hits + approvals.hits(text)


def _page(src: source.Source) -> Iterator[Finding]:
    find = claims_es.hits if src.language == "es" else _english
    for block in src.blocks(source.WORDING):
        hits = find(block.text)
        for offset, said, reason, instead in sorted(hits):
            line, col = block.where(offset)
            said = " ".join(said.split())
            message = f'"{said}": {reason}; instead: {instead}'
            yield Finding(src.path, line, col, MISLEADING, message)


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        if not src.generated:
            yield from _page(src)
