"""Insurance: the same site built by ProperDocs, the maintained fork of MkDocs 1.x.

ProperDocs installs as `properdocs` (command and module) and redirects every `mkdocs.*` import
to `properdocs.*`, so mkdocs-material and the project's hook run on it unchanged. It goes into
a throw-away virtual environment with the project's pinned versions (constraints.txt); the
ketaguide package is taken from scripts/ through PYTHONPATH, so the project's .venv is untouched.

Both tools build the real mkdocs.yml, alternating; the outputs must hold the same files with the
same bytes, once the generator <meta> tag (which names the tool) is set aside.
"""

from __future__ import annotations

import filecmp
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from common import ENV, ROOT, build, median, run, temp_folder

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _requirements() -> list[str]:
    """The project's runtime dependencies, with properdocs in place of mkdocs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = [d for d in project["project"]["dependencies"] if not d.startswith("mkdocs>")]
    return ["properdocs", *deps]


def _differences(a: Path, b: Path) -> tuple[list[str], list[str]]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    only = sorted(files_a ^ files_b)
    differ = []
    for rel in sorted(files_a & files_b):
        if filecmp.cmp(a / rel, b / rel, shallow=False):
            continue
        if rel.endswith(".gz"):
            continue  # sitemap.xml.gz: compared through sitemap.xml
        x, y = (a / rel).read_bytes(), (b / rel).read_bytes()
        if _GENERATOR.sub(b"", x) != _GENERATOR.sub(b"", y):
            differ.append(rel)
    return only, differ


def measure(runs: int) -> dict[str, Any]:
    with temp_folder("properdocs") as tmp:
        venv = tmp / "venv"
        made = run([sys.executable, "-m", "venv", str(venv)]).ok()
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
        install = run([*pip, "-c", str(ROOT / "constraints.txt"), *_requirements()], timeout=600)
        if install.returncode != 0:
            return {"ok": False, "step": "install", "error": install.output[-2000:]}
        said = run([str(venv / "bin" / "properdocs"), "--version"]).output
        version = " ".join(said.split()[:3]).rstrip(",")  # "properdocs, version 1.6.7"
        env = {**ENV, "PYTHONPATH": str(ROOT / "scripts")}
        proper = [str(venv / "bin" / "properdocs"), "build", "--strict", "-q", "-f"]
        proper += [str(ROOT / "mkdocs.yml")]
        pd_times, mk_times = [], []
        for _ in range(runs):
            pd = run([*proper, "-d", str(tmp / "pd-site")], env=env)
            if pd.returncode != 0:
                return {
                    "ok": False,
                    "step": "build",
                    "version": version,
                    "error": pd.output[-3000:],
                }
            pd_times.append(pd.seconds)
            mk_times.append(build(ROOT / "mkdocs.yml", tmp / "mk-site").ok().seconds)
        only, differ = _differences(tmp / "pd-site", tmp / "mk-site")
        pages = len(list((tmp / "pd-site").rglob("*.html")))
    return {
        "ok": not only and not differ,
        "version": version,
        "setup_s": made.seconds + install.seconds,
        "properdocs_s": median(pd_times),
        "mkdocs_s": median(mk_times),
        "runs": runs,
        "pages": pages,
        "only_in_one": only,
        "differ": differ,
    }
