"""How easy a Spanish text is to read: the Szigriszt-Pazos perspicuity index, read on the
INFLESZ scale, computed offline.

    P = 206.835 - 62.3 * (syllables / words) - (words / sentences)

Szigriszt-Pazos (1993) adapted Flesch's reading-ease formula to Spanish; Barrio-Cantalejo and
colleagues (2008) validated it on 210 Spanish publications for texts written for patients and set
the INFLESZ bands (BANDS below). Higher is easier.

Syllables: pyphen's Spanish dictionary (LibreOffice's hyphenation patterns, in the pyphen wheel)
splits each word where a line may break. Spanish typesetting never breaks between two vowels or
after a lone first vowel (a-gua, dí-a, le-er), so those syllables are counted here: inside each
piece, every vowel group is one syllable, and two strong vowels (a, e, o) or an accented i or u
beside a strong vowel are two (hiatus); a diphthong or triphthong (ciu-dad, buey) stays one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyphen

from ketaguide.content.readability import Counts, count

# INFLESZ (Barrio-Cantalejo et al., An Sist Sanit Navar 2008;31(2):135-52): lowest score of
# each band, with the reading it matches.
BANDS: tuple[tuple[float, str, str], ...] = (
    (80, "muy fácil", "very easy: primary school"),
    (65, "bastante fácil", "quite easy: primary school, popular novels"),
    (55, "normal", "normal: secondary school (ESO, ages 12 to 16), general newspapers"),
    (40, "algo difícil", "somewhat hard: upper secondary school, popular science"),
    (float("-inf"), "muy difícil", "very hard: university, scientific papers"),
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_STRONG = set("aeoáéó")
_ACCENTED_WEAK = set("íú")
_VOWELS = _STRONG | _ACCENTED_WEAK | set("iuü")


@functools.cache
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="es", left=1, right=1)


def _hiatus(first: str, second: str) -> bool:
    """Two vowels said apart: both strong, or an accented i or u beside a strong vowel (two
    weak vowels always join: ciu-dad, vein-tiún)."""
    if first in _STRONG:
        return second in _STRONG or second in _ACCENTED_WEAK
    return first in _ACCENTED_WEAK and second in _STRONG


def _nuclei(piece: str) -> int:
    """Vowel nuclei in one piece of a word ('y' after a vowel, as in 'muy', is part of it)."""
    count, previous = 0, ""
    for letter in piece:
        if letter in _VOWELS:
            if not previous or _hiatus(previous, letter):
                count += 1
            previous = letter
        elif not (letter == "y" and previous):
            previous = ""
    return count


@functools.cache
def syllables(word: str) -> int:
    """Syllables in one Spanish word (a number counts as one)."""
    word = word.lower()
    if not word[0].isalpha():
        return 1
    pieces = _dictionary().inserted(word, hyphen="\0").split("\0")
    return sum(max(1, _nuclei(piece)) for piece in pieces)


@dataclass(frozen=True, slots=True)
class Measure(Counts):
    @property
    def score(self) -> float:
        """The Szigriszt-Pazos index (INFLESZ): 100 is very easy, below 40 very hard."""
        if not self.words or not self.sentences:
            return 100.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences


def band(score: float) -> tuple[str, str]:
    """The INFLESZ band of a score: its Spanish name and what it means."""
    return next((name, meaning) for low, name, meaning in BANDS if score >= low)


def measure(text: str) -> Measure:
    """Words, sentences and syllables of one block of Spanish text."""
    return count(text, Measure, _WORD, syllables)
