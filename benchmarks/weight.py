"""What a reader's browser transfers and waits for, measured in Chromium on the gzip server.

First view: a fresh browser profile opens a page; every response body until the network is idle
(and one more second) is counted, as transferred (compressed). Search: on a page already loaded,
with the CPU slowed 4x (Chromium's throttling, a mid-range phone), "/" opens search and a query
is typed; counted are the bytes fetched from then on, and the time from the last key to the
results on screen, and from the last index piece's arrival to the results.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import spread
from serve import serve

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
SLOWDOWN = 4
QUERY = "driving after infusion"
FIRST_VIEW_TARGET = 100 * 1000  # bytes
SEARCH_BYTES_TARGET = 300 * 1000
SEARCH_MS_TARGET = 300
# In the page: when the last key went down, and when the result list last changed.
_WATCH = """() => {
  window.__kg = {key: 0, shown: 0};
  document.addEventListener('keydown', () => { window.__kg.key = performance.now(); }, true);
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => { if (list.children.length) window.__kg.shown = performance.now(); })
    .observe(list, {childList: true, subtree: true});
}"""
_SEARCH = re.compile(r"pagefind|search_index|workers/search")
_PIECES = """() => Math.max(0, ...performance.getEntriesByType('resource')
  .filter(e => /pagefind|search_index|workers\\/search/.test(e.name)
    && e.responseEnd <= window.__kg.shown).map(e => e.responseEnd))"""


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def _open(browser: Any, url: str) -> tuple[Any, list[tuple[str, int]]]:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    fetched: list[tuple[str, int]] = []
    page.on("requestfinished", lambda r: fetched.append((r.url, r.sizes()["responseBodySize"])))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    return page, fetched


def first_view(browser: Any, url: str) -> dict[str, Any]:
    page, fetched = _open(browser, url)
    page.context.close()
    return {"bytes": sum(size for _, size in fetched), "requests": len(fetched)}


def search(browser: Any, url: str, query: str = QUERY) -> dict[str, Any]:
    page, fetched = _open(browser, url)
    before = len(fetched)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.evaluate(_WATCH)
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_function("() => window.__kg.shown > window.__kg.key", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    timing = page.evaluate("() => window.__kg")
    pieces = page.evaluate(_PIECES)
    results = page.eval_on_selector_all(".md-search-result__item", "els => els.length")
    page.context.close()
    # Stock Material fetches its index as the page loads: those bytes are for search too.
    after = [f for f in fetched[:before] if _SEARCH.search(f[0])] + fetched[before:]
    return {
        "query": query,
        "bytes": sum(size for _, size in after),
        "requests": len(after),
        "ms_after_typing": timing["shown"] - timing["key"],
        # Pieces fetched while the reader was still typing were there before the last key.
        "ms_after_pieces": timing["shown"] - max(timing["key"], pieces),
        "results": results,
    }


def compare(project: Path, stock: Path | None, article: str, repeats: int) -> dict[str, Any]:
    """First view of `article` (a path under both sites) and a first search, both sides, each
    in a fresh browser profile; the search `repeats` times, the sides taking turns."""
    out: dict[str, Any] = {}
    sites = {"project": project, **({"stock": stock} if stock else {})}
    with chromium() as browser, serve(project) as mine, serve(stock or project) as theirs:
        bases = {"project": mine, "stock": theirs}
        for side in sites:
            out[side] = {"first_view": first_view(browser, bases[side] + article), "search": []}
        for _ in range(repeats):
            for side in sites:
                out[side]["search"].append(search(browser, bases[side] + article))
    for side in sites:
        runs = out[side]["search"]
        out[side]["search_bytes"] = max(r["bytes"] for r in runs)
        out[side]["search_ms"] = spread([r["ms_after_pieces"] for r in runs])
        out[side]["search_typing_ms"] = spread([r["ms_after_typing"] for r in runs])
    return out
