"""Limits are stated once, in code; CONTRIBUTING.md and the rule texts give the same numbers.

Each number a writer reads in CONTRIBUTING is found by its wording and compared with the
constant the check uses, so changing one without the other fails here.
"""

from __future__ import annotations

import re

import annotated_types
import pytest

from ketaguide.checks import RULES
from ketaguide.clinics import place, pool, verified
from ketaguide.content import readinglevel
from ketaguide.content.pagetypes import ARTICLE
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.yamlrules import MAX_BYTES
from tests.conftest import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _lengths(field: str) -> tuple[int, int]:
    meta = FrontMatter.model_fields[field].metadata
    low = next(m.min_length for m in meta if isinstance(m, annotated_types.MinLen))
    high = next(m.max_length for m in meta if isinstance(m, annotated_types.MaxLen))
    return low, high


def _numbers(pattern: str) -> tuple[int, ...]:
    match = re.search(pattern, " ".join(CONTRIBUTING.split()))
    assert match, f"CONTRIBUTING.md no longer says {pattern!r}"
    return tuple(int(group) for group in match.groups())


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        (r"`title` \((\d+)-(\d+) characters\)", _lengths("title")),
        (r"`description` \((\d+)-(\d+) characters", _lengths("description")),
        (
            r"need at least (\d+) distinct sources and (\d+) words",
            (ARTICLE.min_sources, ARTICLE.min_words),
        ),
        (
            r"warns above grade (\d+) and stops the page above grade (\d+)",
            (readinglevel.WARN_ABOVE, readinglevel.ERROR_ABOVE),
        ),
        (
            r"warns below (\d+) and stops the page below (\d+)",
            (readinglevel.WARN_BELOW_ES, readinglevel.ERROR_BELOW_ES),
        ),
        (r"Details older than (\d+) days", (verified.STALE_DAYS,)),
        (r"within (\d+) miles", (place.MAX_MILES,)),
    ],
)
def test_contributing_gives_the_numbers_the_code_uses(
    pattern: str, code: tuple[float, ...]
) -> None:
    assert _numbers(pattern) == code


def test_rule_texts_take_their_numbers_from_the_code() -> None:
    assert f"at least {ARTICLE.min_sources} distinct sources" in RULES["CNT012"].summary
    assert f"at least {ARTICLE.min_words} words" in RULES["CNT021"].summary
    assert f"grade {readinglevel.WARN_ABOVE:g} " in RULES["CNT013"].summary
    assert f"grade {readinglevel.ERROR_ABOVE:g} " in RULES["CNT014"].summary
    assert f"below {readinglevel.WARN_BELOW_ES:g} on the INFLESZ" in RULES["CNT013"].summary
    assert f"below {readinglevel.ERROR_BELOW_ES:g} on the INFLESZ" in RULES["CNT014"].summary
    assert f"larger than {MAX_BYTES // 1024} KiB" in RULES["YML006"].summary
    assert f"{place.MAX_MILES} miles" in RULES["CLN008"].summary


def test_the_readme_gives_the_clinic_count_that_starts_the_pool() -> None:
    """The Windows and macOS notes say when worker processes start, and how (never a fork)."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    match = re.search(r"a process pool only for (\d+) or more clinic files", readme)
    assert match, "README.md no longer says when the clinic checks start a pool"
    assert int(match.group(1)) == pool.PARALLEL_FROM
    assert "never as a fork" in readme
    assert pool._context().get_start_method() in ("forkserver", "spawn")
