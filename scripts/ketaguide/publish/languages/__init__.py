"""The words a reader sees, one table per language: the clinic pages, the directory and its
script (en.py, es.py), and the partials on every page (en_pages.py, es_pages.py); words.py lists
them."""

from __future__ import annotations

from dataclasses import dataclass

from ketaguide.clinics.vocabulary import Day, Payment, Service, Verification

Plural = tuple[str, str]  # (one, other): the form for exactly 1, and for any other count


def plural_form(count: int) -> int:
    """0 for the singular, 1 for the plural: English and Spanish both use the singular for 1
    only (CLDR "one" for whole numbers). directory.js applies the same rule (`say`)."""
    return 0 if count == 1 else 1


@dataclass(frozen=True)
class Words:
    lang: str  # BCP 47, as in <html lang> and JSON-LD inLanguage
    services: dict[Service, str]
    verified_by: dict[Verification, str]
    payment: dict[Payment, str]
    days: dict[Day, str]  # Monday first, as the model's Day
    text: dict[str, str]
    plurals: dict[str, Plural]  # sentences with a {count}
    states: dict[str, str]  # USPS code -> name (the codes are zips.USPS_STATES; a test checks)
    pages: dict[str, str]  # the partials on every page (overrides/partials/*.html)
    page_plurals: dict[str, Plural]

    def __getitem__(self, key: str) -> str:
        return self.text[key]

    def plural(self, key: str, count: int) -> str:
        """The form of sentence `key` for `count` (its {count} still to fill)."""
        return self.plurals[key][plural_form(count)]


# The partials' keys that only a translation has: its byline's translation date, and the notice
# shown while it is behind its English page. Every other key is in every language (a test checks).
TRANSLATION_ONLY = frozenset({"byline_made_on", "behind_title", "behind", "behind_link"})
