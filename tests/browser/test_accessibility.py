"""Every page, in light and dark mode: no axe violations (WCAG 2.2 A/AA), no request to
another host, no console error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import AXE

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + json.dumps([n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_and_stays_on_this_host(
    site: Path, open_page: Any, scheme: str
) -> None:
    problems: dict[str, list[str]] = {}
    pages = _pages(site)
    assert len(pages) > 15
    for path in pages:
        page, watch = open_page(path, scheme=scheme)
        found = _violations(page) + [f"request to {u}" for u in watch.foreign]
        found += [f"console error: {e}" for e in watch.errors]
        if found:
            problems[path] = found
        page.context.close()
    assert problems == {}
