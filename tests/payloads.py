"""Every XSS payload of the test suite, for the hostile-input tests.

PAYLOADS is the curated list; `found_in_tests()` adds every string in tests/ that looks like one
(a script element, an event handler, a script URL), so a payload added to any test is run
through every field too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent

PAYLOADS = [
    "<script>alert(1)</script>",
    "</title><script>alert('t')</script>",
    "\"><script>alert('d')</script><meta x=\"",
    "\"><img src=x onerror=alert('a')>",
    "<img src=x alt=x onerror=alert(5)>",
    "<svg onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
    "jav&#x61;script:alert(2)",
    "data:text/html,<script>alert(1)</script>",
    '" autofocus onfocus="alert(1)" x="',  # no < or >: plain text, so it must stay text
    "' autofocus onfocus='alert(1)' x='",
    "&lt;script&gt;alert(1)&lt;/script&gt;",  # decoded twice would be a script
    "{{ 7 * 7 }} {% raw %} ${alert(1)}",  # template and JavaScript interpolation
    "\u2028\u2029</script>",
    "\x1b]0;PWNED\x07\x1b[2J",
]
_LOOKS_HOSTILE = re.compile(r"<script|<img|<svg|<iframe|\bon[a-z]+=|javascript:|alert\(", re.I)
# Expected output (a finding line, an escaped rendering) and over-long text are not payloads.
_EXPECTED = re.compile(r" error | warning |&lt;|&#34;|^.{201,}", re.S)
_QUOTED = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def _strings(file: Path) -> list[str]:
    if file.suffix == ".py":
        tree = ast.parse(file.read_text(encoding="utf-8"))
        nodes = ast.walk(tree)
        return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    text = file.read_text(encoding="utf-8", errors="replace")
    return [m.group(1) for m in _QUOTED.finditer(text)]


def found_in_tests() -> list[str]:
    """PAYLOADS, then every other hostile-looking string literal in tests/ (each once)."""
    found = list(PAYLOADS)
    for file in sorted(TESTS.rglob("*")):
        if file.suffix not in (".py", ".md", ".yml") or file.name == "payloads.py":
            continue
        found += [s for s in _strings(file) if _LOOKS_HOSTILE.search(s) and not _EXPECTED.search(s)]
    return list(dict.fromkeys(found))
