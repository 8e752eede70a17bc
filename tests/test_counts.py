"""One counting code for both reading formulas: readability.Counts and readability.count, used
by the English (Flesch-Kincaid) and Spanish (Szigriszt-Pazos) measures."""

from __future__ import annotations

import dataclasses

import pytest

from ketaguide.content import readability, readability_es
from ketaguide.content.readability import Counts


def test_each_language_measure_is_the_shared_counts_and_a_sum_keeps_its_kind() -> None:
    for kind in (readability.Measure, readability_es.Measure):
        assert issubclass(kind, Counts)
        assert [f.name for f in dataclasses.fields(kind)] == ["words", "sentences", "syllables"]
        total = kind() + kind(3, 1, 4) + kind(2, 1, 2)
        assert type(total) is kind  # so .grade / .score stay reachable on a page's total
        assert (total.words, total.sentences, total.syllables) == (5, 2, 6)
    assert readability.Measure(10, 1, 15).grade == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert readability_es.Measure(10, 1, 20).score == pytest.approx(206.835 - 62.3 * 2 - 10)


def test_both_measures_count_through_the_one_loop() -> None:
    text = "One short line. Another one here!"
    english = readability.measure(text)
    assert (english.words, english.sentences) == (6, 2)
    spanish = readability_es.measure("Una frase corta. Otra más aquí.")
    assert type(spanish) is readability_es.Measure
    assert (spanish.words, spanish.sentences, spanish.syllables) == (
        6,
        2,
        11,
    )  # u-na fra-se cor-ta o-tra más a-quí
    assert readability.count("a b. c", Counts, readability._WORD, lambda w: 2) == Counts(3, 2, 6)
