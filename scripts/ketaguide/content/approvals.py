"""Claims of approval or proof: the misleading-claim rule's sentence-aware checks.

A word list cannot tell "FDA-approved for PTSD" from "not FDA-approved for PTSD", so these
checks read the sentence: a question claims nothing, and a negation in the same clause ("no
form of ketamine is approved for OCD", "has not been proven to help") makes it an honest
sentence. Each hit is (offset, the words said, why they mislead, a better wording).
"""

from __future__ import annotations

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


def _clause_before(sentence: str, at: int) -> str:
    """The part of the sentence's clause that comes before offset `at`."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    return sentence[breaks[-1] if breaks else 0 : at]


def _honest(sentence: str, match: re.Match[str]) -> bool:
    before = _clause_before(sentence, match.start())
    other_drug = _OTHER_DRUG.search(sentence, 0, match.start())
    return bool(_NEGATED.search(before + match.group(0)) or other_drug)


def _condition_claims(text: str) -> Iterator[Hit]:
    """Claims such as "approved for PTSD" or "proven to help", said without a negation."""
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not _claims(sentence):
            continue
        for pattern, reason, instead in (
            (_APPROVED, APPROVAL_REASON, APPROVAL_INSTEAD),
            (_PROVEN, PROVEN_REASON, PROVEN_INSTEAD),
        ):
            for match in pattern.finditer(sentence):
                if not _honest(sentence, match):
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
