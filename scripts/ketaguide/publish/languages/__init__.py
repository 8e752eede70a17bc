"""The words of the clinic pages, one module per language (en.py, es.py); words.py lists them."""

from __future__ import annotations

from dataclasses import dataclass

from ketaguide.clinics.model import Day, Payment, Service, Verification

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

    def __getitem__(self, key: str) -> str:
        return self.text[key]

    def plural(self, key: str, count: int) -> str:
        """The form of sentence `key` for `count` (its {count} still to fill)."""
        return self.plurals[key][plural_form(count)]
