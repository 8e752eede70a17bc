"""What the build shows on a Spanish page that is behind its English page: data for
overrides/partials/translation-behind.html (its words are in publish/languages/es_pages.py)."""

from __future__ import annotations

from pathlib import Path

from ketaguide.translations import fresh


def behind(file: Path, url: str) -> dict[str, str] | None:
    """For a Spanish page behind its English page: the English page's address relative to this
    page (the Spanish site is built into es/ of the English one, with the same page paths)."""
    found = fresh.pair(file, when=False)
    if found is None or found.state != "behind":
        return None
    up = "../" * (url.count("/") + 1)  # out of this page's folder, then out of es/
    return {"english_href": up + url, "english_path": found.english_path}
