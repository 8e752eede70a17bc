"""Every word a reader sees in the generated clinic pages, the directory and its script, in one
place per language (languages/en.py, languages/es.py).

Labels are keyed by the model's own types, so a new service or day without a label fails mypy
and the tests. A placeholder in braces ({months}) is filled by the template (the `fill` filter)
or by directory.js. A sentence with a number has two forms, chosen by its {count}.
"""

from __future__ import annotations

from ketaguide.publish.languages import Plural, Words, en, es, plural_form

EN = en.WORDS
ES = es.WORDS
LANGUAGES: dict[str, Words] = {"en": EN, "es": ES}

__all__ = ["EN", "ES", "LANGUAGES", "Plural", "Words", "plural_form"]
