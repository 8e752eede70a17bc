"""The misleading-claim rule's approval and proof checks, sentence by sentence."""

from __future__ import annotations

import time

import pytest

from ketaguide.content import approvals


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Our ketamine infusions are FDA-approved for PTSD.", "FDA-approved for PTSD"),
        ("Esketamine is approved for bipolar depression.", "approved for bipolar"),
        ("It is an FDA-approved treatment for anxiety.", "FDA-approved treatment for anxiety"),
        ("The FDA approved ketamine to treat OCD.", "FDA approved ketamine to treat OCD"),
        ("Ketamine is proven to help with addiction.", "proven to"),
        ("A clinically proven therapy for migraines.", "clinically proven therapy"),
        ("It is not expensive, but it is FDA-approved for fibromyalgia.", "FDA-approved for"),
    ],
)
def test_a_claim_is_found(text: str, said: str) -> None:
    found = [hit[1] for hit in approvals.hits(text)]
    assert len(found) == 1
    assert found[0].startswith(said)


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine is not FDA-approved for PTSD.",
        "No form of ketamine is approved for OCD.",
        "Neither ketamine nor esketamine is approved to treat anxiety.",
        "It isn't approved for bipolar depression.",
        "It has not been proven to help alcohol use disorder.",
        "Sertraline and paroxetine are FDA-approved for PTSD.",
        "| Duloxetine (an SNRI) | FDA-approved for nerve pain from diabetes |",
        "Is ketamine approved for migraine?",
        "Ask whether this use is approved for PTSD.",
        "The idea is possible, but it is unproven.",
        "Esketamine is FDA-approved for depression.",
    ],
)
def test_an_honest_sentence_is_left_alone(text: str) -> None:
    assert approvals.hits(text) == []


def test_one_claim_gives_one_hit_even_when_two_checks_see_it() -> None:
    assert len(approvals.hits("IV ketamine is FDA-approved for depression and PTSD.")) == 1


def test_a_long_hostile_sentence_is_judged_in_bounded_time() -> None:
    text = "approved for PTSD, " * 5000 + "not approved for OCD " * 5000
    start = time.perf_counter()
    found = approvals.hits(text)
    assert time.perf_counter() - start < 5
    assert len(found) == 5000
