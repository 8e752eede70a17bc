"""Plain text: the one test of the characters a reader-facing field may hold.

Front matter and clinic fields are printed into HTML titles, attributes, JSON-LD and terminals.
Plain text holds no markup (`<`, `>`) and nothing invisible or misleading: no control
characters (Cc), format characters such as bidirectional overrides, zero-width spaces, U+2060
and U+00AD (Cf), private-use characters (Co), line and paragraph separators (Zl, Zp),
surrogates (Cs), and letters or marks that render as blank (fillers such as U+3164).
Categories, not a hand list, so that new characters of a kind are refused too.
"""

from __future__ import annotations

import unicodedata

REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
# Characters of other categories that show as nothing: Hangul and halfwidth fillers, the blank
# braille pattern, the combining grapheme joiner, Khmer inherent vowels, Mongolian selectors.
FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f")
MARKUP = frozenset("<>")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def refused(char: str, *, newlines: bool = False) -> bool:
    """Whether plain text must not hold `char` (a line break only where `newlines` allows)."""
    if char in MARKUP or char in FILLERS:
        return True
    if newlines and char == "\n":
        return False
    return unicodedata.category(char) in REFUSED_CATEGORIES


def first_refused(value: str, *, newlines: bool = False) -> int | None:
    """The index of the first character plain text must not hold, or None."""
    if value.isprintable() and not (MARKUP | FILLERS).intersection(value):
        return None  # the common case, in one C-speed pass
    return next((i for i, c in enumerate(value) if refused(c, newlines=newlines)), None)


def describe(char: str) -> str:
    """The character in words, for a finding: what it is and its code point."""
    code = f"U+{ord(char):04X}"
    if char in MARKUP:
        return f'the markup character "{char}"'
    category = unicodedata.category(char)
    if category == "Cc":
        return f"the control character {code}"
    if char in _BIDI:
        return f"the direction-changing character {code}"
    if category in ("Zl", "Zp"):
        return f"the line or paragraph separator {code}"
    if category == "Co":
        return f"the private-use character {code}"
    return f"the invisible character {code}"


def problem(value: str, *, newlines: bool = False) -> str | None:
    """Why `value` is not plain text ("holds ... at character N"), or None when it is."""
    index = first_refused(value, newlines=newlines)
    if index is None:
        return None
    return f"holds {describe(value[index])} at character {index + 1}; use plain text"
