"""The language names shipped with the package are exactly CLDR's, as babel gives them."""

from __future__ import annotations

from ketaguide.clinics import kinds, langnames


def test_the_shipped_language_names_are_fresh() -> None:
    assert langnames.SHIPPED.read_bytes() == langnames.shipped_bytes(langnames.from_babel()), (
        "scripts/ketaguide/data/language-names.json is stale: run `.venv/bin/python -m "
        "ketaguide.clinics.langnames` and commit it"
    )


def test_names_read_back_in_each_edition() -> None:
    assert kinds.language_name("es", "en") == "Spanish"
    assert kinds.language_name("en", "es") == "inglés"
    assert kinds.language_name("vi", "en") == "Vietnamese"
    assert len(langnames.names()["en"]) > 150
