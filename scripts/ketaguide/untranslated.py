"""While the Spanish edition is being written, its strict build may pass with pages missing.

Only when the environment sets KETAGUIDE_UNTRANSLATED=allow (buildall.py sets it until every
page exists), and only for these warnings: the nav names a page, or a page links to a page, that
exists in English (docs/) but not yet in the translation. Each such warning is still printed,
as "untranslated: ..."; every other warning still fails the strict build. The reader is not
sent to a missing page: such a link goes to the English page (`to_source`), marked hreflang="en".
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page

from ketaguide.editions import Edition

ENV = "KETAGUIDE_UNTRANSLATED"
_log = logging.getLogger("ketaguide.build")  # not under "mkdocs": strict mode counts those
LOGGERS = ("mkdocs.structure.nav", "mkdocs.structure.pages")
_NAV = re.compile(r"^A reference to '(?P<target>[^']+)' is included in the 'nav' configuration")
# A relative link to a page: its Markdown source (in a page's text) or its URL (templates).
_HREF = re.compile(r'href="(?P<path>[^":#?]+(?:\.md|/))(?P<anchor>#[^"]*)?"')
_LINK = re.compile(
    r"^Doc file '(?P<doc>[^']+)' contains a link '(?P<link>[^'#]*)(?:#[^']*)?', but the "
    r"(?:target '(?P<target>[^']+)'|target) is not found among documentation files"
)


def allowed() -> bool:
    return os.environ.get(ENV) == "allow"


class Untranslated(logging.Filter):
    """Lowers a missing-translation warning to INFO (strict mode counts WARNING and above)."""

    def __init__(self, source: Path, translation: Path) -> None:
        super().__init__()
        self.source = source
        self.translation = translation
        self.count = 0

    def missing(self, message: str) -> bool:
        nav = _NAV.match(message)
        link = _LINK.match(message)
        if nav:
            target = nav.group("target")
        elif link:
            doc, rel = link.group("doc"), link.group("link")
            target = link.group("target") or posixpath.join(posixpath.dirname(doc), rel)
            target = posixpath.normpath(target)
        else:
            return False
        if target.startswith("../") or not target.endswith(".md"):
            return False
        return (self.source / target).is_file() and not (self.translation / target).exists()

    def report(self) -> None:
        if self.count:
            _log.warning(
                f"{self.count} link(s) and nav entries lead to pages not yet translated; they "
                f"go to the English pages until the translations exist ({ENV}=allow)"
            )

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and self.missing(record.getMessage()):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg, record.args = f"untranslated: {record.getMessage()}", ()
            self.count += 1
        return True


def install(source: Path, translation: Path) -> Untranslated | None:
    """The filter on MkDocs' nav and page loggers, when allowed; None otherwise."""
    if not allowed():
        return None
    found = Untranslated(source, translation)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, Untranslated)]:
            logger.removeFilter(old)  # one per build (serve rebuilds in the same process)
        logger.addFilter(found)
    return found


def _url(src: str) -> str:
    """The URL (directory style, as mkdocs.yml builds) of the page at `src`, under the root."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def to_source(html: str, found: Untranslated, start: str, up: str, base: str = "") -> str:
    """`html` with each link to a page missing from the translation pointing at the English
    page: `up` + its URL. Relative links are read from the folder `start` (a page's text: its
    source file's folder; the rest of the page: its URL); with `base` (the 404 page, whose
    links start with the site's path), only links under `base`, read from the edition's root."""
    pattern = re.compile(r'href="' + re.escape(base) + _HREF.pattern[6:]) if base else _HREF

    def swap(match: re.Match[str]) -> str:
        path = match.group("path")
        target = posixpath.normpath(posixpath.join(start, path))
        if path.endswith("/"):  # a page's URL: its source is x.md or x/index.md
            flat = "index.md" if target == "." else target + ".md"
            target = flat if (found.source / flat).is_file() else f"{target}/index.md"
        source = found.source / target
        missing = source.is_file() and not (found.translation / target).exists()
        if target.startswith(("../", "/")) or not missing:
            return match.group(0)
        return f'href="{up}{_url(target)}{match.group("anchor") or ""}" hreflang="en"'

    return pattern.sub(swap, html)


def for_page(html: str, page: Page, lang: Edition, found: Untranslated, nav: bool = False) -> str:
    """to_source for a page's text (links relative to its source) or the rest of it (`nav`)."""
    start = page.url.rstrip("/") if nav else posixpath.dirname(page.file.src_uri)
    return to_source(html, found, start, "../" * (lang.prefix.count("/") + page.url.count("/")))


def for_404(html: str, site_url: str | None, prefix: str, found: Untranslated) -> str:
    """to_source for the 404 page, whose links start with the site's path."""
    base = urlsplit(site_url or "").path or "/"
    return to_source(html, found, "", base.removesuffix(prefix), base)
