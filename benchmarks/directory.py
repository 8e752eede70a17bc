"""The clinic directory at 10,000 clinics: what its first view transfers, how fast it answers.

The real pages and N generated clinic files (clinics_validate.generate: ZIP codes drawn from
the whole ZIP table) built with the real configuration, cold. In Chromium on the gzip server
(serve.py), a fresh profile each time:
- first view of /clinics/: every response body until the network is idle;
- filter by state: the state with the most clinics chosen in the form; the time from the change
  to its list on screen (its list file fetched and read, the first entries laid out and
  painted), `repeats` times;
- sort by ZIP: a ZIP typed and Enter pressed; the time to the sorted list (the ZIP's center and
  the nearest groups of clinics fetched), `repeats` times;
Counted with each answer: the bytes and requests it fetched, the elements in the list.
- a ZIP far from every clinic: the page must point to the official locators, not go blank.
The CPU is not slowed here (the search benchmark does that): the target is 200 ms as it is.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import weight
from clinics_validate import generate
from common import (
    ENV,
    build,
    cache_env,
    copy_docs,
    project_config,
    spread,
    temp_folder,
    write_config,
)
from serve import serve

from ketaguide.clinics import zips
from ketaguide.publish.render import NEAR_MILES

FIRST_VIEW_TARGET = 100 * 1000  # bytes
ANSWER_MS_TARGET = 200
# When the changed list was last on screen (the frame after the change: laid out and painted),
# and when the reader's action started.
_WATCH = """() => {
  window.__kg = {start: 0, shown: 0};
  const list = document.querySelector('[data-kg-list]');
  const painted = () => { window.__kg.shown = performance.now(); };
  new MutationObserver(() => requestAnimationFrame(() => setTimeout(painted)))
    .observe(list, {childList: true});
}"""
_CHOOSE = """(code) => {
  const select = document.querySelector('#kg-state');
  window.__kg.start = performance.now();
  select.value = code;
  select.dispatchEvent(new Event('change', {bubbles: true}));
}"""
_SUBMIT = """(zip) => {
  const form = document.querySelector('[data-kg-filters]');
  form.elements.zip.value = zip;
  window.__kg.start = performance.now();
  form.requestSubmit();
}"""


def _answer(browser: Any, url: str, action: str, value: str) -> dict[str, Any]:
    page, fetched = weight._open(browser, url)
    before = len(fetched)
    page.evaluate(_WATCH)
    page.evaluate(action, value)
    page.wait_for_function("() => window.__kg.shown > window.__kg.start", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    timing = page.evaluate("() => window.__kg")
    shown = page.eval_on_selector_all("[data-kg-list] .kg-clinic", "els => els.length")
    elements = page.eval_on_selector_all("[data-kg-list] *", "els => els.length")
    far = page.is_visible("[data-kg-far]")
    page.context.close()
    return {
        "ms": timing["shown"] - timing["start"],
        "clinics_shown": shown,
        "bytes": sum(size for _, size, _ in fetched[before:]),
        "requests": len(fetched) - before,
        "list_elements": elements,
        "far_notice": far,
    }


def _far_zip(clinics: list[tuple[str, float, float]]) -> str | None:
    """A ZIP farther than NEAR_MILES from every generated clinic, if there is one."""
    for code, info in sorted(zips.table().items()):
        if info.state in ("AK", "HI") and all(
            zips.miles_between(info.lat, info.lon, lat, lon) > NEAR_MILES for _, lat, lon in clinics
        ):
            return code
    return None


def _places(folder: Path) -> list[tuple[str, float, float]]:
    """(state, lat, lon) of each generated clinic, read back from its file."""
    out = []
    for file in folder.glob("*.yml"):
        text = file.read_text(encoding="utf-8")
        state = text.split('state: "', 1)[1][:2]
        geo = text.split("geo: {lat: ", 1)[1]
        lat, rest = geo.split(", lon: ", 1)
        out.append((state, float(lat), float(rest.split(",", 1)[0])))
    return out


def measure(count: int = 10_000, repeats: int = 3) -> dict[str, Any]:
    with temp_folder("directory") as tmp:
        docs = copy_docs(tmp / "docs")
        clinics = tmp / "clinics"
        clinics.mkdir()
        generate(clinics, count)
        config = write_config(tmp, project_config(docs))
        env = cache_env(tmp / "cache", {**ENV, "KETAGUIDE_CLINICS_DIR": str(clinics)})
        built = build(config, tmp / "site", env=env).ok()
        places = _places(clinics)
        by_state = collections.Counter(state for state, _, _ in places)
        state, in_state = by_state.most_common(1)[0]
        near = next(f.stem for f in sorted(clinics.glob("*.yml")))  # any clinic's own ZIP
        near_zip = (clinics / f"{near}.yml").read_text("utf-8").split('zip: "', 1)[1][:5]
        far_zip = _far_zip(places)
        site = tmp / "site"
        html = (site / "clinics" / "index.html").stat().st_size
        with weight.chromium() as browser, serve(site) as base:
            url = base + "clinics/"
            first = weight.first_view(browser, url)
            by_state_runs = [_answer(browser, url, _CHOOSE, state) for _ in range(repeats)]
            by_zip_runs = [_answer(browser, url, _SUBMIT, near_zip) for _ in range(repeats)]
            far = _answer(browser, url, _SUBMIT, far_zip) if far_zip else None
    return {
        "clinics": count,
        "build_s": built.seconds,
        "directory_html_bytes": html,
        "first_view": first,
        "state": {"code": state, "clinics": in_state},
        "by_state_ms": spread([r["ms"] for r in by_state_runs]),
        "by_state_bytes": max(r["bytes"] for r in by_state_runs),
        "by_state_shown": by_state_runs[0]["clinics_shown"],
        "by_state_requests": max(r["requests"] for r in by_state_runs),
        "by_state_elements": by_state_runs[0]["list_elements"],
        "by_zip_ms": spread([r["ms"] for r in by_zip_runs]),
        "by_zip_bytes": max(r["bytes"] for r in by_zip_runs),
        "by_zip_shown": by_zip_runs[0]["clinics_shown"],
        "by_zip_requests": max(r["requests"] for r in by_zip_runs),
        "by_zip_elements": by_zip_runs[0]["list_elements"],
        "zip": near_zip,
        "far": {"zip": far_zip, "notice": bool(far and far["far_notice"])},
        "met": first["bytes"] <= FIRST_VIEW_TARGET
        and max(r["ms"] for r in by_state_runs + by_zip_runs) <= ANSWER_MS_TARGET
        and bool(far and far["far_notice"]),
    }


if __name__ == "__main__":
    import json
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(json.dumps(measure(size), indent=1))
