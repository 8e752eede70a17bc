"""`ketaguide check` on any single hostile file ends within 5 s and 200 MB (issue 12).

Each file is checked in its own process, started by a small wrapper that reads the child's
resource use (`resource.getrusage`), under hard limits (address space, CPU) so that a runaway
cannot take the test machine with it. Time is CPU time (user + system): the shared test machine
makes wall time noisy, and a hang (a FIFO) uses no CPU, so wall time is capped separately.
Every file gives a located error or passes; none gives a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

CPU_SECONDS = 5.0
MEGABYTES = 200
WALL_SECONDS = 120  # a hang (a FIFO read), not a slow check on a busy machine
FRONT = (
    "---\ntitle: A hostile page\ndescription: A page made to be slow or large for the checks to "
    "read.\nlast_reviewed: 2026-11-01\nnext_review: 2027-05-01\npage_type: reference\n---\n\n"
    "# A hostile page\n\n"
)
MB = 1_000_000
_WRAPPER = """
import json, resource, subprocess, sys, time
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
started = time.monotonic()
try:
    run = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=WALL,
                         preexec_fn=limit)
    code, out, err = run.returncode, run.stdout, run.stderr
except subprocess.TimeoutExpired:
    code, out, err = None, "", "timeout"
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "out": out, "err": err, "wall": time.monotonic() - started,
                  "cpu": use.ru_utime + use.ru_stime, "mb": use.ru_maxrss / 1024}))
""".replace("WALL", str(WALL_SECONDS))


def _pages() -> dict[str, str]:
    return {
        "image-openers.md": FRONT + "![" * (MB // 2),
        "footnote-openers.md": FRONT + "[^" * (MB // 2),
        "link-openers.md": FRONT + "[a](" * (MB // 4),
        "anchor-tags.md": FRONT + "<a" * (MB // 2),
        "image-tags.md": FRONT + "<img" * (MB // 4),
        "brackets.md": FRONT + "[" * MB,
        "comments.md": FRONT + "<!--" * (MB // 4),
        "braces.md": FRONT + "{" * MB,
        "attribute-list.md": FRONT + "{:" + " " * MB,
        "quotes.md": FRONT + '<a title="' * (MB // 10),
        "entities.md": FRONT + "&#x61;" * (MB // 6),
        "one-line.md": FRONT + "word " * (MB // 5),
        "five-megabytes.md": FRONT + "A sentence of plain words.\n" * (5 * MB // 27),
        "deep-front-matter.md": "---\na: " + "[" * 50_000 + "\n---\n# x\n",
        "laughs.md": "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n# x\n",
    }


def _clinics() -> dict[str, str]:
    return {
        "deep.yml": "a: " + "{a: " * 50_000,
        "large.yml": "name: " + "x" * (5 * MB),
        "laughs.yml": "a: &a [x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c]\n",
        "long-key.yml": "x" * MB + ": 1\n",
    }


def _hostile(root: Path) -> list[Path]:
    docs, clinics = root / "docs", root / "data" / "clinics"
    docs.mkdir(parents=True)
    clinics.mkdir(parents=True)
    files = []
    for name, text in _pages().items():
        (docs / name).write_text(text, encoding="utf-8")
        files.append(docs / name)
    for name, text in _clinics().items():
        (clinics / name).write_text(text, encoding="utf-8")
        files.append(clinics / name)
    if hasattr(os, "mkfifo"):
        os.mkfifo(docs / "fifo.md")
        os.mkfifo(clinics / "fifo.yml")
        (docs / "zero.md").symlink_to("/dev/zero")
        (clinics / "zero.yml").symlink_to("/dev/zero")
        (docs / "gone.md").symlink_to(root / "nowhere")
        files += [docs / "fifo.md", clinics / "fifo.yml", docs / "zero.md"]
        files += [clinics / "zero.yml", docs / "gone.md"]
    return files


def _measure(file: Path, cwd: Path) -> dict[str, object]:
    command = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "ketaguide", "check"]
    result = subprocess.run(
        [*command, "--today", "2026-11-22", str(file.relative_to(cwd))],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=WALL_SECONDS + 30,
    )
    return dict(json.loads(result.stdout))


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    root = tmp_path_factory.mktemp("hostile-files")
    files = _hostile(root)
    with ThreadPoolExecutor(max_workers=4) as pool:  # CPU time and memory are per process
        runs = list(pool.map(lambda f: _measure(f, root), files))
    return {f.name: run for f, run in zip(files, runs, strict=True)}


@pytest.mark.parametrize("name", sorted({*_pages(), *_clinics()}))
def test_each_hostile_file_is_checked_within_the_limits(
    name: str, measured: dict[str, dict[str, object]]
) -> None:
    run = measured[name]
    assert run["code"] in (0, 1), run  # never 2 (an internal error) nor killed by a limit
    assert "Traceback" not in str(run["err"])
    assert float(str(run["cpu"])) < CPU_SECONDS, run["cpu"]
    assert float(str(run["mb"])) < MEGABYTES, run["mb"]
    for line in str(run["out"]).splitlines():
        assert ":" in line.split(" ", 1)[0], line  # each finding names its file (and line)


def test_special_files_are_findings_not_hangs(measured: dict[str, dict[str, object]]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs and symlinks need a POSIX system")
    for name in ("fifo.md", "fifo.yml", "zero.md", "zero.yml", "gone.md"):
        run = measured[name]
        assert run["code"] == 1, (name, run)
        assert " FIL001 unsafe-file " in str(run["out"]), (name, run)
        assert float(str(run["cpu"])) < CPU_SECONDS
        assert float(str(run["mb"])) < MEGABYTES
