"""A two-language guide in a temporary folder: an English page in docs/ and its Spanish page in
docs-es/, stamped with the English text's fingerprint unless told otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ketaguide.pages.frontmatter import read
from ketaguide.review.bodyhash import body_hash
from tests.conftest import FIXTURES, ROOT

SPANISH = FIXTURES / "spanish"
ENGLISH = (SPANISH / "english.md").read_text(encoding="utf-8")
TRANSLATED = "2026-11-20"


def fingerprint(english: Path) -> str:
    found = read(english).page
    assert found is not None
    return body_hash(found)


def front_fields(translation_of: str, source_hash: str, translated: str = TRANSLATED) -> str:
    return (
        f"translation_of: {translation_of}\nsource_hash: {source_hash}\ntranslated: {translated}\n"
    )


def bilingual(root: Path, spanish: str, english: str = ENGLISH, name: str = "page.md") -> Path:
    """Writes docs/`name` and docs-es/`name` (the translation fields added after the opening
    ---), and the Spanish crisis statement with its registry entry; returns the Spanish page."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs-es" / "_shared").mkdir(parents=True, exist_ok=True)
    shared = root / "docs-es" / "_shared"
    shutil.copy(ROOT / "docs-es" / "_shared" / "crisis.md", shared)
    registry = yaml.safe_load((ROOT / "docs-es" / "_shared" / "statements.yml").read_text())
    (shared / "statements.yml").write_text(yaml.safe_dump({"crisis": registry["crisis"]}))
    source = root / "docs" / name
    source.write_text(english, encoding="utf-8")
    head, _, rest = spanish.partition("---\n")
    fields = front_fields(name, fingerprint(source))
    page = root / "docs-es" / name
    page.write_text(f"{head}---\n{fields}{rest}", encoding="utf-8")
    return page
