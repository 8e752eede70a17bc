"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Without Chromium (or Playwright) these tests skip with one line saying how to enable them;
with CI=true they must run, never skip.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HOW_TO = "install Debian's chromium (apt-get install chromium) and run `npm ci`"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    if not AXE.exists():
        return "axe-core is not installed"
    return None


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}; {HOW_TO}")
        pytest.skip(f"browser tests skipped: {reason}; to run them, {HOW_TO}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def built_and_served(site: Path, clinics: Path, **env: str) -> Iterator[str]:
    """The guide built into `site` from the clinic files in `clinics`, served: the directory's
    URL."""
    extra = {"NO_MKDOCS_2_WARNING": "1", "KETAGUIDE_CLINICS_DIR": str(clinics), **env}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env={**os.environ, **extra}, check=True)
    with served(site) as base:
        yield f"{base}/clinics/"


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 while the block runs: its base URL, no trailing /."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as base:
        yield base


@dataclass
class Watch:
    """What a page tried to do that it should not: leave 127.0.0.1 or log an error."""

    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(chromium: Any, base_url: str) -> Iterator[Any]:
    """open_page(path, width=1280, scheme='light') -> (page, watch); every request is checked."""
    contexts = []

    def _open(path: str, width: int = 1280, scheme: str = "light") -> tuple[Any, Watch]:
        context = chromium.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme
        )
        contexts.append(context)
        watch = Watch()

        def route(route: Any) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                watch.foreign.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: watch.errors.append(str(e)))
        page.goto(f"{base_url}/{path.lstrip('/')}", wait_until="load")
        return page, watch

    yield _open
    for context in contexts:
        context.close()
