"""Lighthouse scores and first-view page weight for the built site (a benchmark, not a test).

    python3 scripts/dev.py test   # once, for .venv
    (cd benchmarks/lighthouse && npm ci)
    .venv/bin/python benchmarks/lighthouse.py

Builds the site, serves it on 127.0.0.1 with gzip as a static host would, runs Lighthouse 12
(CHROME_PATH=/usr/bin/chromium) on home, an article and the directory, mobile and desktop, and
measures what a first view of each page transfers (compressed, every asset included).
Targets: performance >= 95 on mobile, accessibility 100, best practices 100, SEO 100;
an article's first view <= 150 KB compressed.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {"home": "", "article": "safety/evidence/", "directory": "clinics/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, like a static host."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(url: str, desktop: bool, out: Path) -> dict[str, int]:
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={flags}",
        "--only-categories=" + ",".join(CATEGORIES),
    ]
    if desktop:
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROME})
    report = json.loads(out.read_text())
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def first_view_bytes(url: str) -> tuple[int, int]:
    """Compressed bytes and request count of a first view, measured in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        page = browser.new_page()
        sizes: list[int] = []
        page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)
        browser.close()
    return sum(sizes), len(sizes)


def main() -> None:
    if not LIGHTHOUSE.exists():
        sys.exit("run `npm ci` in benchmarks/lighthouse first")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://guide.example.org/"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        server, base = serve(site)
        try:
            print("| page | form | performance | accessibility | best practices | SEO |")
            print("|---|---|---|---|---|---|")
            for name, path in PAGES.items():
                for desktop in (False, True):
                    scores = lighthouse(base + path, desktop, Path(tmp) / "report.json")
                    form = "desktop" if desktop else "mobile"
                    print(
                        f"| {name} | {form} | "
                        + " | ".join(str(scores[c]) for c in CATEGORIES)
                        + " |"
                    )
            print()
            print("| page | first view, compressed | requests |")
            print("|---|---|---|")
            for name, path in PAGES.items():
                size, count = first_view_bytes(base + path)
                print(f"| {name} | {size / 1024:.1f} KB | {count} |")
        finally:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    main()
