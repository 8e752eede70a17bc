"""The Spanish reading score: syllables from pyphen's Spanish dictionary plus the vowels that
Spanish hyphenation never splits, and the Szigriszt-Pazos index on known easy and hard texts."""

from __future__ import annotations

import pyphen
import pytest

from ketaguide.content.readability_es import band, measure, syllables
from tests.conftest import FIXTURES

# Syllables as the Spanish rules of syllable division give them (RAE, Ortografía 2010): hiatus
# (le-er, dí-a, a-é-re-o), diphthongs (ciu-dad, sui-ci-dio, vein-tiún), a lone first vowel (a-gua).
KNOWN = {
    "a": 1, "y": 1, "es": 1, "que": 1, "muy": 1, "hay": 1, "buey": 1, "agua": 2, "día": 2,
    "país": 2, "leer": 2, "creo": 2, "reír": 2, "baúl": 2, "río": 2, "caer": 2, "maíz": 2,
    "ahí": 2, "dolor": 2, "ciudad": 2, "huevo": 2, "guerra": 2, "presión": 2, "cuatro": 2,
    "veintiún": 2, "oído": 3, "leído": 3, "poeta": 3, "guitarra": 3, "pingüino": 3,
    "depresión": 3, "construcción": 3, "ansiedad": 3, "psiquiatra": 3, "médico": 3,
    "seguro": 3, "efectos": 3, "arterial": 3, "ensayo": 3, "clínico": 3, "placebo": 3,
    "cuidado": 3, "náuseas": 3, "hospital": 3, "infusión": 3, "estudio": 3, "suicidio": 3,
    "Spravato": 3, "Medicaid": 3, "ketamina": 4, "tratamiento": 4, "resistente": 4,
    "aéreo": 4, "transcraneal": 4, "autolesión": 4, "anestesia": 4, "evidencia": 4,
    "europeo": 4, "heroína": 4, "secundarios": 4, "esketamina": 5, "intravenosa": 5,
    "metaanálisis": 6, "electroconvulsiva": 7,
}  # fmt: skip
EASY = (FIXTURES / "rules-es" / "CNT013" / "valid.md").read_text(encoding="utf-8")
SOMEWHAT_HARD = (FIXTURES / "rules-es" / "CNT013" / "invalid.md").read_text(encoding="utf-8")
HARD = (FIXTURES / "rules-es" / "CNT014" / "invalid.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("word", "count"), sorted(KNOWN.items()))
def test_syllables_of_known_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_pyphen_alone_misses_the_syllables_hyphenation_never_splits() -> None:
    # Why the vowels are counted too: typesetting keeps "agua", "día" and "leer" whole.
    alone = pyphen.Pyphen(lang="es", left=1, right=1)
    right = [w for w, n in KNOWN.items() if len(alone.positions(w.lower())) + 1 == n]
    assert len(right) < len(KNOWN) * 0.7
    assert {"agua", "día", "leer", "aéreo"}.isdisjoint(right)


def _body(page: str) -> str:
    return page.split("\n# ", 1)[1].split("\n", 1)[1].split("[^known]")[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "name"),
    [
        (EASY, 80, 90, "muy fácil"),  # short sentences, short words: a leaflet
        (SOMEWHAT_HARD, 40, 55, "algo difícil"),  # 22 words a sentence: a news feature
        (HARD, -100, 0, "muy difícil"),  # 50-word sentences of long words: a paper's abstract
    ],
)
def test_known_texts_land_in_their_band(text: str, low: float, high: float, name: str) -> None:
    score = measure(_body(text)).score
    assert low < score < high
    assert band(score)[0] == name


def test_numbers_and_punctuation() -> None:
    found = measure("¿Cuánto cuesta? Unos $500, o 13.1% más. ¡No lo sé!")
    assert (found.words, found.sentences) == (10, 3)
    assert measure("").score == 100.0
