"""Every word a reader sees in the generated clinic pages, the directory and its script, and in
the partials on every page (byline, help boxes, disclaimer, 404, disclosures), in one place per
language (languages/en.py and en_pages.py, languages/es.py and es_pages.py).

Labels are keyed by the model's own types, so a new service or day without a label fails mypy
and the tests. A placeholder in braces ({months}) is filled by the template (the `fill` filter)
or by directory.js. A sentence with a number has two forms, chosen by its {count}.
"""

from __future__ import annotations

from typing import Any

from ketaguide.editions import EDITIONS, Edition
from ketaguide.publish.languages import Plural, Words, en, es, plural_form
from ketaguide.publish.say import Say

EN = en.WORDS
ES = es.WORDS
LANGUAGES: dict[str, Words] = {"en": EN, "es": ES}


def for_partials(lang: Edition) -> dict[str, Any]:
    """The theme's globals for the partials: `kg_say`, their words in the reader's language,
    and `kg_others`, each other edition with its own words (the 404 page points to it)."""
    return {
        "kg_say": Say(LANGUAGES[lang.code]),
        "kg_others": [(other, Say(LANGUAGES[other.code])) for other in EDITIONS if other != lang],
    }


__all__ = ["EN", "ES", "LANGUAGES", "Plural", "Words", "plural_form"]
