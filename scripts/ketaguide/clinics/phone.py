"""Phone numbers as people read them and as links dial them."""

from __future__ import annotations

import re


def digits(written: str) -> str:
    """The 10-digit national number."""
    found = re.sub(r"\D", "", written)
    return found[1:] if len(found) == 11 and found.startswith("1") else found


def e164(written: str) -> str:
    return f"+1{digits(written)}"


def display(written: str) -> str:
    d = digits(written)
    return f"({d[:3]}) {d[3:6]}-{d[6:]}"
