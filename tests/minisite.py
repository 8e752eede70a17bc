"""A small copy of the site for build tests: the real config, theme and hooks, chosen pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

FRONT = """\
---
title: {title}
description: A test page that says what it covers and who it is for, in one line.
last_reviewed: 2026-11-22
next_review: 2027-05-22
page_type: policy
---
"""


def page(title: str = "A test page", body: str = "# A test page\n\nSome text.\n") -> str:
    return FRONT.format(title=title) + "\n" + body


def project(root: Path, pages: dict[str, str | bytes]) -> Path:
    """A project folder holding `pages` (name -> text or bytes) and the real config, minus nav."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, content in {"index.md": page("Home page"), **pages}.items():
        file = docs / name
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            file.write_bytes(content)
        else:
            file.write_text(content, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "scripts/ketaguide/mkdocs_hooks.py", str(ROOT / "scripts/ketaguide/mkdocs_hooks.py")
    )
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = re.sub(r"^nav:.*", "", config, flags=re.S | re.M)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build(
    root: Path, *command: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` (or another command) in `root`, with the valid test clinics."""
    args = list(command) or ["-m", "mkdocs", "build", "--strict", "-d", str(root / "site")]
    return subprocess.run(
        [sys.executable, *args],
        cwd=root,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "KETAGUIDE_CLINICS_DIR": str(FIXTURES / "clinics" / "valid"),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
