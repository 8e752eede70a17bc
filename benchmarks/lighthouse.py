"""Lighthouse scores and first-view page weight for the built site (a benchmark, not a test).

    python3 scripts/dev.py test   # once, for .venv
    (cd benchmarks/lighthouse && npm ci)
    .venv/bin/python benchmarks/lighthouse.py

Builds the site, serves it on 127.0.0.1 with gzip at the level every benchmark uses (serve.py),
runs Lighthouse 12 (CHROME_PATH=/usr/bin/chromium, mobile) three times on home, an article, the
FAQ and the directory, and writes the median scores into README.md (between the lighthouse
markers). Target: 100 in all four categories. What a first view transfers is measured by
run_all.py (weight.py), against stock Material.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GZIP_LEVEL
from serve import serve

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "home": "",
    "article": "safety/evidence/",
    "FAQ": "practical/faq/",
    "directory": "clinics/",
}
RUNS = 3
START = "<!-- lighthouse:start (written by benchmarks/lighthouse.py; do not edit by hand) -->"
END = "<!-- lighthouse:end -->"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


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
        rows = [
            f"Measured on {dt.date.today().isoformat()} with `.venv/bin/python "
            f"benchmarks/lighthouse.py`: Lighthouse mobile, {RUNS} runs per page (the median "
            f"of each score), the site served with gzip level {GZIP_LEVEL} on 127.0.0.1.",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO "
            "| Every run (performance) |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
        ]
        with serve(site) as base:
            for name, path in PAGES.items():
                runs = [
                    lighthouse(base + path, False, Path(tmp) / f"report-{i}.json")
                    for i in range(RUNS)
                ]
                medians = [statistics.median(r[c] for r in runs) for c in CATEGORIES]
                every = ", ".join(str(r["performance"]) for r in runs)
                rows.append(
                    f"| {name} (`/{path}`) | "
                    + " | ".join(f"{m:.0f}" for m in medians)
                    + f" | {every} |"
                )
    text = "\n".join(rows)
    print(text)
    readme = ROOT / "benchmarks" / "README.md"
    head, _, rest = readme.read_text(encoding="utf-8").partition(START)
    _, _, tail = rest.partition(END)
    readme.write_text(f"{head}{START}\n\n{text}\n\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
