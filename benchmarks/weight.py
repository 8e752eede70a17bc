"""What a reader's browser transfers and waits for, measured in Chromium on the gzip server.

First view: a fresh browser profile opens a page; every response body until the network is idle
(and one more second) is counted, as transferred (compressed). Search: on a page already loaded,
with the CPU slowed 4x (Chromium's throttling, a mid-range phone), "/" opens search and a query
is typed; counted are the bytes fetched from then on, and the time from the last key to the
results on screen, and from the last index piece's arrival (by the page or its workers) to the
results. Each side runs one unmeasured search first, so neither pays for the browser's start.
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


def _arrived(request: Any) -> float:
    """When a response's last byte came (ms since the epoch). Playwright sees the requests of
    the page's workers too, which the page's own resource timing does not list."""
    timing = request.timing
    return float(timing["startTime"] + timing["responseEnd"])


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def _open(browser: Any, url: str) -> tuple[Any, list[tuple[str, int, float]]]:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    fetched: list[tuple[str, int, float]] = []
    page.on(
        "requestfinished",
        lambda r: fetched.append((r.url, r.sizes()["responseBodySize"], _arrived(r))),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1000)
    return page, fetched


def first_view(browser: Any, url: str) -> dict[str, Any]:
    page, fetched = _open(browser, url)
    page.context.close()
    return {"bytes": sum(size for _, size, _ in fetched), "requests": len(fetched)}


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
    timing = page.evaluate("() => ({...window.__kg, origin: performance.timeOrigin})")
    results = page.eval_on_selector_all(".md-search-result__item", "els => els.length")
    page.context.close()
    # Stock Material fetches its index as the page loads: those bytes are for search too.
    after = [f for f in fetched[:before] if _SEARCH.search(f[0])] + fetched[before:]
    shown_at = timing["origin"] + timing["shown"]
    # Index pieces only: the results' own text (Pagefind's fragments) is fetched after the
    # search has run, so it counts in the time, not as a piece the search waited for.
    index = [(url, at) for url, _, at in after if _SEARCH.search(url) and "/fragment/" not in url]
    arrivals = [at for _, at in index if at <= shown_at]
    pieces = max(arrivals, default=timing["origin"]) - timing["origin"]
    return {
        "query": query,
        "bytes": sum(size for _, size, _ in after),
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
            search(browser, bases[side] + article)  # unmeasured: the browser's first search
        for _ in range(repeats):
            for side in sites:
                out[side]["search"].append(search(browser, bases[side] + article))
    for side in sites:
        runs = out[side]["search"]
        out[side]["search_bytes"] = max(r["bytes"] for r in runs)
        out[side]["search_ms"] = spread([r["ms_after_pieces"] for r in runs])
        out[side]["search_typing_ms"] = spread([r["ms_after_typing"] for r in runs])
    return out
