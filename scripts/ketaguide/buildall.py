"""Build the whole site: every edition, English first (its build empties the site folder), then
each translation into its folder under it (es/). Each build is strict.

    python -m ketaguide.buildall [--site-dir site] [mkdocs build options...]

Exit 0 when every edition built; otherwise the exit status of the first that failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ketaguide import untranslated
from ketaguide.editions import EDITIONS

# Every English page has its Spanish page (docs-es/ complete since 2026-12-01), so a missing
# translation fails the strict Spanish build. While an edition is being written, True lets a
# link or nav entry to a page that exists only in English through (printed, and the link goes
# to the English page: untranslated.py); every other warning still fails.
ALLOW_UNTRANSLATED = False


def commands(site_dir: str, options: list[str]) -> list[list[str]]:
    """One `mkdocs build --strict` per edition, in build order."""
    out = []
    for edition in EDITIONS:
        target = Path(site_dir, edition.prefix).as_posix()
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        out.append([*mkdocs, "-f", edition.config, "--site-dir", target, *options])
    return out


def environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if ALLOW_UNTRANSLATED:
        env.setdefault(untranslated.ENV, "allow")
    return env


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    site_dir = "site"
    if "--site-dir" in args:
        at = args.index("--site-dir")
        if at + 1 >= len(args):
            print("buildall: --site-dir needs a folder", file=sys.stderr)
            return 2
        site_dir = args.pop(at + 1)
        args.pop(at)
    env = environment()
    for command in commands(site_dir, args):
        print("$", " ".join(command[1:]), flush=True)
        done = subprocess.run(command, env=env, check=False)
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
