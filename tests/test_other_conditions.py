"""The "other conditions" page: its summary table and its sections say the same thing.

Each table row names a condition that has a section (a heading with the same name), and the
section's "**How sure:**" line gives the same certainty label as the row. Every condition the
issue asked for is there, and no section with a certainty label is missing from the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "understanding" / "other-conditions.md"
REQUIRED = {
    "PTSD",
    "Anxiety disorders",
    "OCD",
    "Bipolar depression",
    "Alcohol and drug use disorders",
    "Suicidal thoughts outside depression",
    "Eating disorders",
    "Fibromyalgia",
    "Nerve pain",
    "Migraine",
}
_HEADING = re.compile(r"^(#{2,6}) (.+?)\s*$")
_HOW_SURE = re.compile(r"^\*\*How sure:\*\* (.+?)\.?\s*$")


@dataclass(frozen=True)
class Row:
    condition: str
    evidence: str
    certainty: str
    approved: str


def summary_table(text: str) -> list[Row]:
    """The rows of the first table under the "evidence at a glance" heading."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## The evidence at a"))
    rows: list[Row] = []
    for line in lines[start:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in ("Condition", "---") or set(cells[0]) <= {"-", " "}:
            continue
        rows.append(Row(*cells))
    return rows


def certainty_by_section(text: str) -> dict[str, list[str]]:
    """Each heading's "**How sure:**" labels, up to the next heading."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if heading := _HEADING.match(line):
            current = heading.group(2)
            found.setdefault(current, [])
        elif (label := _HOW_SURE.match(line)) and current:
            found[current].append(label.group(1))
    return found


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_the_table_names_every_condition_the_issue_asked_for(page: str) -> None:
    conditions = [row.condition for row in summary_table(page)]
    assert len(conditions) == len(set(conditions))
    assert set(conditions) >= REQUIRED


def test_every_row_has_a_section_with_the_same_certainty_label(page: str) -> None:
    sections = certainty_by_section(page)
    for row in summary_table(page):
        assert row.condition in sections, f"no section named {row.condition!r}"
        assert sections[row.condition] == [row.certainty], row.condition


def test_every_labelled_section_is_in_the_table(page: str) -> None:
    rows = {row.condition for row in summary_table(page)}
    labelled = {name for name, labels in certainty_by_section(page).items() if labels}
    assert labelled == rows


def test_no_row_claims_an_fda_approval(page: str) -> None:
    assert {row.approved for row in summary_table(page)} == {"No"}


def test_the_comparison_notices_a_mismatch() -> None:
    text = (
        "## The evidence at a glance\n\n| Condition | Best | How sure | FDA |\n| --- | --- | --- "
        "| --- |\n| OCD | 1 trial | Low (our judgment) | No |\n\n## OCD\n\n"
        "**How sure:** Very low (our judgment).\n"
    )
    [row] = summary_table(text)
    assert certainty_by_section(text)["OCD"] == ["Very low (our judgment)"]
    assert certainty_by_section(text)["OCD"] != [row.certainty]
