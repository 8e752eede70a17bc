"""The guide's editions: one build per language (mkdocs.yml, mkdocs.es.yml), told apart by the
config's `theme.language`. Everything that differs by language is read from here: the pages'
folder, where the build lands under the site and the shared statements (the words a reader sees
are in publish/languages/). English is the source; a Spanish page is the translation of the
English page with the same path under docs-es/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ketaguide.pages.language import ENGLISH_DIR, SPANISH_DIR, Language


@dataclass(frozen=True)
class Edition:
    code: Language  # theme.language and <html lang>
    name: str  # in the language selector
    docs: str  # the pages' folder, in the project
    prefix: str  # where its build lands in the site: "" or "es/"
    tag: str  # BCP 47 with the region the guide writes for (JSON-LD inLanguage)
    locale: str  # Open Graph og:locale
    config: str  # its MkDocs config, in the project

    @property
    def shared(self) -> tuple[str, ...]:
        """The folders its shared statements come from, first match wins (snippets base_path):
        a translation falls back to the English source lists, which are not translated."""
        own = f"{self.docs}/_shared"
        return (own,) if self is SOURCE else (own, f"{SOURCE.docs}/_shared")


EN = Edition("en", "English", ENGLISH_DIR, "", "en-US", "en_US", "mkdocs.yml")
ES = Edition("es", "Español", SPANISH_DIR, "es/", "es-US", "es_US", "mkdocs.es.yml")
SOURCE = EN
EDITIONS: tuple[Edition, ...] = (EN, ES)
BY_CODE: dict[str, Edition] = {lang.code: lang for lang in EDITIONS}


class UnknownLanguage(ValueError):
    """theme.language names a language the guide has no edition for."""


def of(code: str) -> Edition:
    try:
        return BY_CODE[code]
    except KeyError:
        known = ", ".join(BY_CODE)
        raise UnknownLanguage(
            f'theme.language is "{code}"; the guide has editions in {known} '
            "(scripts/ketaguide/languages.py)"
        ) from None


def site_root(site_url: str, lang: Edition) -> str:
    """The URL of the whole site (the English edition) from one edition's site_url."""
    url = site_url if site_url.endswith("/") else site_url + "/"
    return url.removesuffix(lang.prefix) if lang.prefix else url


def of_theme(language: object) -> Edition:
    """The edition of a config's theme.language (unset: the source edition)."""
    return of(str(language or SOURCE.code))


def edition_url(site_url: str, lang: Edition) -> str:
    """An edition's own site_url: the site's root, plus es/ for Spanish (set once, in
    mkdocs.yml or SITE_URL; the Spanish config inherits it)."""
    if not site_url:
        return ""
    root = site_url if site_url.endswith("/") else site_url + "/"
    return root if root.endswith("/" + lang.prefix) or not lang.prefix else root + lang.prefix


@dataclass(frozen=True)
class Alternate:
    lang: Edition
    relative: str  # from the page itself: the language selector
    absolute: str  # for <link rel="alternate" hreflang> (empty without a site_url)


def page_exists(project: Path, lang: Edition, src_uri: str, generated: set[str]) -> bool:
    """Whether `lang` has the page `src_uri` (a file in its folder, or a page the build makes
    from the clinic data, which every edition makes)."""
    return src_uri in generated or (project / lang.docs / src_uri).is_file()


def alternates(
    project: Path,
    here: Edition,
    src_uri: str,
    url: str,
    site_url: str,
    generated: set[str],
) -> list[Alternate]:
    """The page in every language that has it, this one included (in EDITIONS order); empty
    when no other language has it. `url` is the page's URL in its edition ("" for its home)."""
    found = [lang for lang in EDITIONS if page_exists(project, lang, src_uri, generated)]
    if len(found) < 2:
        return []
    up = "../" * (here.prefix.count("/") + url.count("/"))  # from the page to the site's home
    root = site_root(site_url, here) if site_url else ""
    return [
        Alternate(
            lang,
            "./" if lang is here else up + lang.prefix + url,
            root + lang.prefix + url if root else "",
        )
        for lang in found
    ]
