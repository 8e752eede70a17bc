"""The site's search index: Pagefind, fed each page as the build makes it (searchservice.py).

Pagefind (the `pagefind[bin]` package ships its binary: offline, no download) splits the index
into small pieces that the reader's browser fetches only when they search, and only the pieces
the query needs; it keeps one index per page language (`<html lang>`). What it indexes: each
page's `data-pagefind-body` (overrides/main.html), less anything marked `data-pagefind-ignore`
(bylines, the urgent-help box, sources lists, the directory's copy of the clinic list).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

from pagefind_bin import get_executable  # not pagefind.service: it imports asyncio (0.1 s+)

BUNDLE = "pagefind"  # the folder of the built site that holds the index and its script
# Pagefind's ready-made interfaces: the guide answers in Material's own dialog (search.js).
UNUSED = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")
UNUSED_FILES = frozenset(f"{name}{suffix}" for name in UNUSED for suffix in (".js", ".css"))
TIMEOUT_S = 600
EXCLUDED = (".headerlink",)  # the "¶" after each heading


_ARTICLE = '<article class="md-content__inner md-typeset">'


def mark_body(html: str, meta: dict[str, object]) -> str:
    """A finished page with its content marked for the index, unless its front matter says
    `search: {exclude: true}` (Material's own key)."""
    if meta.get("exclude"):
        return html
    return html.replace(_ARTICLE, _ARTICLE[:-1] + " data-pagefind-body>", 1)


def article_for_index(content: str, lang: str, meta: dict[str, object]) -> str | None:
    """What Pagefind reads of a page, from the page's content as Markdown and the hooks made
    it (the theme adds no text to the article around it): the same index as reading the
    finished page (a test compares the two), in time to write it while the theme renders.
    None when front matter says `search: {exclude: true}`."""
    if meta.get("exclude"):
        return None
    return (
        f'<html lang="{lang}"><body>{mark_body(_ARTICLE + content, meta)}</article></body></html>'
    )


class SearchIndexError(Exception):
    """Pagefind is missing, failed or took too long; the message says which."""


def executable() -> Path:
    """Pagefind's binary (from the `pagefind[bin]` package), or SearchIndexError."""
    try:
        binary = Path(os.environ.get("PAGEFIND_BINARY_PATH") or get_executable())
    except FileNotFoundError:
        binary = Path("pagefind")
    if not binary.is_file():
        raise SearchIndexError(
            "the Pagefind binary is missing: reinstall with "
            "`.venv/bin/pip install -c constraints.txt -e '.[dev]'`"
        )
    return binary


def remove_unused(bundle: Path) -> None:
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)


def index(site: Path) -> str:
    """Write the search bundle into `site/pagefind/`; return Pagefind's summary line. (The
    build sends each page as it is written instead: searchservice.py.)"""
    binary = executable()
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE]
    command += ["--exclude-selectors", *EXCLUDED]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        raise SearchIndexError(f"Pagefind did not finish within {TIMEOUT_S} s") from None
    except OSError as err:
        raise SearchIndexError(f"Pagefind could not start: {err}") from None
    output = done.stdout + done.stderr
    if done.returncode != 0 or "Error" in output:
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}):\n{output.strip()}")
    remove_unused(site / BUNDLE)
    indexed = [line.strip() for line in output.splitlines() if line.strip().startswith("Indexed")]
    return "; ".join(indexed)


def indexed_pages(site: Path) -> dict[str, str]:
    """Each indexed page's URL and the text Pagefind keeps for it (its fragment files)."""
    pages: dict[str, str] = {}
    for fragment in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data["content"]
    return pages
