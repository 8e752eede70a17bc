"""The privacy page says exactly what the clinic finder requests (issue 12, finding 13).

Typing a ZIP code fetches one file from this site, named by the ZIP code's first two digits;
the full ZIP code is in no request. The page must say so: if the finder changes what it
requests, this test fails until the page is brought up to date.
"""

from __future__ import annotations

from typing import Any

ZIP = "97006"


def test_the_finder_requests_only_what_the_privacy_page_says(chromium: Any, base_url: str) -> None:
    page = chromium.new_page()
    page.goto(f"{base_url}/clinics/")
    page.wait_for_load_state("networkidle")  # the page's own files (icons too) are in
    requests: list[str] = []  # from here on: what typing the ZIP code asks for
    page.on("request", lambda r: requests.append(r.url))
    page.fill("#kg-zip", ZIP)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelector('[data-kg-status]').textContent.includes('{ZIP}')"
    )
    typed = list(requests)
    zips = f"{base_url}/assets/zips/{ZIP[:2]}.json"
    assert zips in typed
    assert all(url == zips or url.startswith(f"{base_url}/clinics/") for url in typed), typed
    assert not any(ZIP in url for url in typed)
    page.goto(f"{base_url}/about/privacy/")
    text = " ".join(page.inner_text("article").split())
    assert f"for {ZIP}, it fetches assets/zips/{ZIP[:2]}.json" in text
    assert "the clinic lists of the places nearest that location" in text
    near = [u for u in typed if "/clinics/near/" in u and u.endswith("/list.json")]
    assert near  # the lists by place the page names, by three digits (970: Beaverton's)
    assert f"{base_url}/clinics/near/{ZIP[:3]}/list.json" in near
    assert f"clinics/near/{ZIP[:3]}/list.json holds the clinics whose ZIP code starts" in text
    assert "the full ZIP code is never sent, but its first two digits are" in text
    assert "is not sent anywhere" not in text
    page.close()
