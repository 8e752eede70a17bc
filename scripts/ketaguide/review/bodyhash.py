"""The fingerprint of a page's text that a clinical sign-off vouches for.

Front matter and changes of whitespace alone (line wrapping, blank lines, indentation) leave it
unchanged; any other change to the body or to a shared statement it includes, even one word or
one digit, changes it.
"""

from __future__ import annotations

import hashlib
import unicodedata

from ketaguide.pages import shared
from ketaguide.pages.page import Page
from ketaguide.paths import shown


def normalised(body: str) -> str:
    return " ".join(unicodedata.normalize("NFC", body).split())


def body_hash(page: Page) -> str:
    """With shared statements expanded: a change to an included statement is a change to every
    page that includes it."""
    text = page.body
    if "8<-" in text:
        text = "\n".join(shared.expand(text, page.path, shown(page.path), page.body_line).lines)
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()
