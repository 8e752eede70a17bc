"""The Spanish rules page: written with the English one, from the same registry, and current
against it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ketaguide import catalogue, catalogue_es
from ketaguide.content import readinglevel
from ketaguide.pages.frontmatter import read
from ketaguide.review.bodyhash import body_hash
from tests.conftest import ROOT


def test_every_group_has_a_spanish_name() -> None:
    assert set(catalogue_es.GROUPS) == set(catalogue.GROUPS)


def test_the_spanish_page_is_fresh_and_current() -> None:
    assert catalogue_es.is_fresh(ROOT / catalogue_es.PAGE, ROOT / catalogue.PAGE)
    spanish = read(ROOT / catalogue_es.PAGE)
    english = read(ROOT / catalogue.PAGE)
    assert spanish.front is not None
    assert english.page is not None
    assert spanish.front.source_hash == body_hash(english.page)
    assert spanish.front.translation_of == "about/writing-rules.md"


def test_the_introduction_gives_the_limits_of_the_code() -> None:
    text = catalogue_es.INTRO
    assert f"por debajo de {readinglevel.WARN_BELOW_ES:g} " in text
    assert f"por debajo de {readinglevel.ERROR_BELOW_ES:g} " in " ".join(text.split())
    assert "está en inglés" in text  # says honestly what is not translated


def test_a_change_to_the_english_page_makes_it_stale(tmp_path: Path) -> None:
    english, spanish = tmp_path / "en.md", tmp_path / "es.md"
    shutil.copy(ROOT / catalogue.PAGE, english)
    shutil.copy(ROOT / catalogue_es.PAGE, spanish)
    assert catalogue_es.is_fresh(spanish, english)
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more line.\n")
    assert not catalogue_es.is_fresh(spanish, english)
    assert catalogue_es.write(dt.date(2026, 12, 2), spanish, english)
    assert catalogue_es.is_fresh(spanish, english)
    assert not catalogue_es.write(dt.date(2026, 12, 2), spanish, english)  # nothing to change


def test_both_rules_pages_share_their_front_matter_and_their_write_and_freshness(
    tmp_path: Path,
) -> None:
    day = dt.date(2026, 12, 1)
    english = catalogue.render(day, day).split("---\n")[1].splitlines()
    spanish = catalogue_es.render("f" * 64, day, day).split("---\n")[1].splitlines()
    fields = [line.split(":")[0] for line in spanish]
    assert fields == [line.split(":")[0] for line in english] + [
        "translation_of",
        "source_hash",
        "translated",
    ]
    page = tmp_path / "writing-rules.md"
    assert catalogue_es.write(day, page) is True
    assert catalogue_es.is_fresh(page) is True
    assert catalogue_es.write(day + dt.timedelta(days=30), page) is False  # unchanged: kept
    page.write_text(page.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    assert catalogue_es.is_fresh(page) is False
    assert catalogue_es.write(day + dt.timedelta(days=30), page) is True
    assert "last_reviewed: 2026-12-31" in page.read_text(encoding="utf-8")
