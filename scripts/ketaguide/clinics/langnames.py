"""Language names for the clinic pages: each two-letter (ISO 639-1) code that CLDR names, in the
language of each edition ("es" -> "Spanish" in English, "inglés" for "en" in Spanish).

Data: CLDR, from babel, which ships it; derived once into data/language-names.json, shipped with
the package. Reading babel's locale data cost every clinic check (and so every build) about
35 ms. Regenerate with `python -m ketaguide.clinics.langnames`; a test keeps it fresh.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from ketaguide import editions

SHIPPED = Path(__file__).resolve().parent.parent / "data" / "language-names.json"
_CODE = re.compile(r"[a-z]{2}")


@cache
def names() -> dict[str, dict[str, str]]:
    """Edition code -> {language code -> its name in that edition's language}."""
    found: dict[str, dict[str, str]] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return found


def from_babel() -> dict[str, dict[str, str]]:
    """The table computed from babel: the codes CLDR names in English, named in each edition."""
    from babel import Locale  # only to regenerate the shipped table

    english = Locale.parse("en").languages
    codes = sorted(code for code in english if isinstance(code, str) and _CODE.fullmatch(code))
    table: dict[str, dict[str, str]] = {}
    for lang in editions.EDITIONS:
        known = Locale.parse(lang.code).languages
        table[lang.code] = {code: str(known[code]) for code in codes if code in known}
    return table


def shipped_bytes(table: dict[str, dict[str, str]]) -> bytes:
    return (json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


if __name__ == "__main__":
    SHIPPED.write_bytes(shipped_bytes(from_babel()))
    print(f"wrote {SHIPPED}")
