"""The directory benchmark's rows in the summary and its table (directory.py measures)."""

from __future__ import annotations

from typing import Any

from common import kib
from directory import ANSWER_MS_TARGET, FIRST_VIEW_TARGET

LOCATORS = "FindTreatment.gov and the Spravato REMS list shown"

Goal = tuple[str, str, str, str, bool]


def goals(d: dict[str, Any]) -> list[Goal]:
    """The directory's rows of the summary (report.py): first view, answers, the far ZIP."""
    slowest = max(d["by_state_ms"]["max"], d["by_zip_ms"]["max"])
    n = f"{d['clinics']:,} clinics"
    return [
        (
            f"Directory, {n}: first view",
            f"{d['first_view']['bytes'] / 1000:,.1f} KB",
            "-",
            f"<= {FIRST_VIEW_TARGET / 1000:,.1f} KB",
            d["first_view"]["bytes"] <= FIRST_VIEW_TARGET,
        ),
        (
            f"Directory, {n}: filter by state / sort by ZIP, slowest",
            f"{slowest:.0f} ms",
            "-",
            f"<= {ANSWER_MS_TARGET} ms",
            slowest <= ANSWER_MS_TARGET,
        ),
        (
            f"Directory, {n}: a ZIP far from every clinic",
            "official locators shown" if d["far"]["notice"] else "NOT shown",
            "-",
            "never an empty screen",
            d["far"]["notice"],
        ),
    ]


def fetched(d: dict[str, Any], answer: str) -> str:
    """What an answer fetched (the most of its runs) and put on screen."""
    return (
        f"{d[f'{answer}_bytes'] / 1000:,.1f} KB in {d[f'{answer}_requests']} requests fetched; "
        f"{d[f'{answer}_shown']} clinics, {d[f'{answer}_elements']:,} elements in the list"
    )


def table(d: dict[str, Any]) -> list[str]:
    def ms(x: dict[str, Any]) -> str:
        runs = ", ".join(f"{v:.0f}" for v in x["all"])
        return f"{x['median']:.0f} ms (every run: {runs})"

    return [
        f"### Directory at {d['clinics']:,} clinics",
        "",
        f"The real pages and {d['clinics']:,} generated clinics (ZIP codes drawn from the whole "
        f"ZIP table), built cold in {d['build_s']:.0f} s; Chromium on the gzip server, CPU not "
        "slowed, a fresh profile each time. Times run from the reader's action to the list "
        "on screen (the frame after the change, laid out and painted).",
        "",
        "| Measure | Result |",
        "| --- | ---: |",
        f"| Directory page (`clinics/index.html`, raw) | {kib(d['directory_html_bytes'])} |",
        f"| First view (bytes transferred, requests) | {d['first_view']['bytes'] / 1000:,.1f} KB, "
        f"{d['first_view']['requests']} |",
        f"| Filter by state ({d['state']['code']}, {d['state']['clinics']} clinics) | "
        f"{ms(d['by_state_ms'])}; {fetched(d, 'by_state')} |",
        f"| Sort by ZIP ({d['zip']}) | {ms(d['by_zip_ms'])}; {fetched(d, 'by_zip')} |",
        f"| ZIP far from every clinic ({d['far']['zip']}) | "
        f"{LOCATORS if d['far']['notice'] else 'none'} |",
    ]
