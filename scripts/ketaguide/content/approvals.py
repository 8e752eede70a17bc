"""Claims of approval or proof: the misleading-claim rule's sentence-aware checks.

A word list cannot tell "FDA-approved for PTSD" from "not FDA-approved for PTSD", so these
checks read the sentence: a question claims nothing, and a negation in the same clause ("no
form of ketamine is approved for OCD", "has not been proven to help") makes it an honest
sentence. Each hit is (offset, the words said, why they mislead, a better wording).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ketaguide.content.readability import sentence_spans

Hit = tuple[int, str, str, str]

# Conditions for which neither ketamine nor esketamine is approved (esketamine's approvals are
# for depression only). Depression and pain are the older check below.
_OTHER = (
    r"PTSD|post-?traumatic\s+stress|anxiety|OCD|obsessive[\s-]+compulsive|bipolar|mania|manic"
    r"|addictions?|alcohol(?:ism)?|substance\s+use|opioid\s+use|drug\s+use|cocaine"
    r"|eating\s+disorders?|anorexia|bulimia|binge\s+eating|fibromyalgia|migraines?"
    r"|neuropath\w*|nerve\s+pain|CRPS|complex\s+regional\s+pain"
)
_APPROVED = re.compile(
    r"\b(?:FDA[\s-]+)?(?:approv(?:ed|al)|cleared)\s+(?:(?:IV\s+)?(?:ketamine|esketamine|spravato)\s+)?"
    r"(?:to\s+treat\s+|(?:treatments?|therapy|option)\s+for\s+|for\s+(?:the\s+)?"
    r"(?:treatment\s+of\s+|use\s+in\s+)?)(?:[\w-]+\s+){0,3}?(?:" + _OTHER + r")\b",
    re.I,
)
_PROVEN = re.compile(
    r"\b(?:clinically\s+|scientifically\s+)?proven\s+(?:to\b|for\b|effective|safe|results?"
    r"|(?:[\w-]+\s+){0,2}?(?:treatments?|therap(?:y|ies)|options?|solutions?)\b)",
    re.I,
)
# A negation, or a "whether", in the same clause before the claim.
_NEGATED = re.compile(
    r"\b(?:not|no|never|none|neither|nor|without|unapproved|off-label|whether|if|yet to)\b"
    r"|n't\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:()|\u2013\u2014]|\s-\s|\bbut\b", re.I)
# Another medicine named earlier in the sentence: "sertraline is FDA-approved for PTSD" is true.
_OTHER_DRUG = re.compile(
    r"\b(?:sertraline|paroxetine|fluoxetine|venlafaxine|duloxetine|milnacipran|pregabalin"
    r"|gabapentin|lithium|valproate|quetiapine|lurasidone|cariprazine|lumateperone|olanzapine"
    r"|lamotrigine|naltrexone|acamprosate|disulfiram|buprenorphine|methadone|topiramate"
    r"|triptans?|SSRIs?|SNRIs?|antidepressants?)\b",
    re.I,
)
APPROVAL_REASON = (
    "neither ketamine nor esketamine is approved for this condition; esketamine's approvals "
    "are for depression only"
)
APPROVAL_INSTEAD = '"not FDA-approved for this condition; any use is off-label"'
PROVEN_REASON = "ketamine trials are few, small and short, so no use of it is proven"
PROVEN_INSTEAD = (
    'say what trials found and how sure the evidence is: "in 2 small trials ... (very low '
    'certainty)"'
)

_FDA = re.compile(r"\bFDA[\s-]+approv\w*|\bapproved\s+by\s+the\s+FDA\b|\bFDA\s+approval\b", re.I)
_KETAMINE = re.compile(r"\bketamine\b", re.I)
_CONDITION = re.compile(r"\b(?:depress\w*|pain|PTSD|anxiety|suicid\w*|mood)\b", re.I)
# A sentence with one of these is a negation or about esketamine, not a claim about IV ketamine.
_EXEMPT = re.compile(
    r"\b(?:not|no|never|without|off-label|unapproved|esketamine|spravato)\b|n't\b", re.I
)
FDA_REASON = "the FDA has approved ketamine only as an anesthetic, not for depression or pain"
FDA_INSTEAD = '"used off-label"; only esketamine (Spravato) is FDA-approved for depression'


def _claims(sentence: str) -> bool:
    return not sentence.rstrip().endswith("?")  # a question claims nothing


class _Sentence:
    """Where one sentence's clause breaks, negations and other medicines are (one pass each),
    so that each claim in it is judged in constant time, however long the sentence."""

    def __init__(self, sentence: str) -> None:
        self.breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
        self.negations = [m.start() for m in _NEGATED.finditer(sentence)]
        drug = _OTHER_DRUG.search(sentence)
        self.first_drug = drug.start() if drug else len(sentence)

    def honest(self, match: re.Match[str]) -> bool:
        """A negation in the claim's clause, or another medicine named before the claim."""
        at = bisect.bisect_right(self.breaks, match.start())
        clause_start = self.breaks[at - 1] if at else 0
        first = bisect.bisect_left(self.negations, clause_start)
        negated = first < len(self.negations) and self.negations[first] < match.end()
        return negated or self.first_drug < match.start()


_CUE = re.compile(r"approv|cleared|proven", re.I)


def _condition_claims(text: str) -> Iterator[Hit]:
    """Claims such as "approved for PTSD" or "proven to help", said without a negation."""
    if not _CUE.search(text):
        return
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not _claims(sentence):
            continue
        judge = _Sentence(sentence)
        for pattern, reason, instead in (
            (_APPROVED, APPROVAL_REASON, APPROVAL_INSTEAD),
            (_PROVEN, PROVEN_REASON, PROVEN_INSTEAD),
        ):
            for match in pattern.finditer(sentence):
                if not judge.honest(match):
                    yield start + match.start(), match.group(0), reason, instead


def _fda(text: str) -> Iterator[Hit]:
    """Each "FDA-approved" in a statement that says it of ketamine for depression or pain."""
    if not _FDA.search(text):
        return
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not _claims(sentence):
            continue
        match = _FDA.search(sentence)
        about_ketamine = _KETAMINE.search(sentence) and _CONDITION.search(sentence)
        if match and about_ketamine and not _EXEMPT.search(sentence):
            yield start + match.start(), "FDA-approved", FDA_REASON, FDA_INSTEAD


def hits(text: str) -> list[Hit]:
    """Every approval or proof claim in one block of text; one hit per place."""
    found: dict[int, Hit] = {}
    for hit in (*_condition_claims(text), *_fda(text)):
        found.setdefault(hit[0], hit)
    return list(found.values())
