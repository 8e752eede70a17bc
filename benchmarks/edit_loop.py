"""Edit loop: `mkdocs serve --strict` (as scripts/dev.py runs it) on a copy of today's site.

Saves one article with a new sentence under its title, then polls the served page until the
sentence is there. The server answers a request only once a pending rebuild has finished, so
the time measured is save -> file watcher -> full rebuild -> page served.
"""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from typing import Any

from common import (
    ENV,
    MKDOCS,
    ROOT,
    copy_docs,
    free_port,
    median,
    project_config,
    temp_folder,
    write_config,
)

TARGET = 2.0
PAGE = "treatment/infusion-process.md"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # loopback only
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, deadline: float) -> float | None:
    while time.perf_counter() < deadline:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(0.02)
    return None


def _with_line_after_title(text: str, line: str) -> str:
    lines = text.split("\n")
    title = next(i for i, x in enumerate(lines) if x.startswith("# "))
    return "\n".join([*lines[: title + 1], "", line, *lines[title + 1 :]])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def measure(edits: int) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"  # scripts/dev.py serves at the root (SITE_URL)
    url = base + PAGE.removesuffix(".md") + "/"
    times: list[float] = []
    with temp_folder("serve") as tmp:
        docs = copy_docs(tmp / "docs")
        config = write_config(tmp, {**project_config(docs), "site_url": base})
        env = {**ENV, "KETAGUIDE_CLINICS_DIR": str(ROOT / "data" / "clinics")}
        command = [MKDOCS, "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(config)]
        log = tmp / "serve.log"
        with log.open("wb") as out:
            started = time.perf_counter()
            proc = subprocess.Popen(command, cwd=tmp, env=env, stdout=out, stderr=out)
            try:
                ready = _wait_for(url, "</html>", started + 120)
                if ready is None:
                    raise RuntimeError(f"mkdocs serve did not come up:\n{log.read_text()[-2000:]}")
                first = ready - started
                page = docs / PAGE
                original = page.read_text(encoding="utf-8")
                for n in range(edits):
                    time.sleep(1.0)  # let the watcher settle between edits
                    marker = f"Edit loop marker {n} {time.time_ns()}."
                    text = _with_line_after_title(original, marker)
                    saved = time.perf_counter()
                    page.write_text(text, encoding="utf-8")
                    seen = _wait_for(url, marker, saved + 60)
                    if seen is None:
                        raise RuntimeError(f"edit {n} never appeared:\n{log.read_text()[-2000:]}")
                    times.append(seen - saved)
            finally:
                _stop(proc)
    return {
        "edits": edits,
        "median_s": median(times),
        "all_s": times,
        "max_s": max(times),
        "first_build_s": first,
        "page": PAGE,
        "target": TARGET,
        "met": median(times) < TARGET,
    }


if __name__ == "__main__":
    print(measure(3))
