"""Build the whole site: every edition, each a strict `mkdocs build`, all at once (one process
per edition, so a two-core machine builds both in about the time of one). English owns the site
folder (its build empties it first); each translation builds into a hidden folder beside
(`site/.es-build`, which MkDocs's emptying skips) and moves to `site/es/` once every edition
has built. Each edition's output is printed after it ends, in build order, never interleaved.

    python -m ketaguide.buildall [-d/--site-dir site] [--one-at-a-time] [mkdocs build options...]

Exit 0 when every edition built; otherwise the exit status of the first that failed, in build
order (English, then each translation), and no translation is moved into place.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from ketaguide import sidework, untranslated
from ketaguide.editions import EDITIONS

# Every English page has its Spanish page (docs-es/ complete since 2026-12-01), so a missing
# translation fails the strict Spanish build. While an edition is being written, True lets a
# link or nav entry to a page that exists only in English through (printed, and the link goes
# to the English page: untranslated.py); every other warning still fails.
ALLOW_UNTRANSLATED = False
ONE_AT_A_TIME = "--one-at-a-time"  # the old way: each build waits for the one before


def commands(site_dir: str, options: list[str]) -> list[list[str]]:
    """One `mkdocs build --strict` per edition, in build order, each into its final folder."""
    return [_command(e.config, Path(site_dir, e.prefix), options) for e in EDITIONS]


def _command(config: str, target: Path, options: list[str]) -> list[str]:
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    return [*mkdocs, "-f", config, "--site-dir", target.as_posix(), *options]


def staging(site_dir: str, prefix: str) -> Path:
    """Where a translation builds while English empties and fills the site folder."""
    return Path(site_dir, f".{prefix.strip('/')}-build")


def environment() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if ALLOW_UNTRANSLATED:
        env.setdefault(untranslated.ENV, "allow")
    return env


def _one_at_a_time(site_dir: str, options: list[str], env: dict[str, str]) -> int:
    env = {**env, sidework.AT_ONCE: "1"}
    for command in commands(site_dir, options):
        print("$", " ".join(command[1:]), flush=True)
        done = subprocess.run(command, env=env, check=False)
        if done.returncode != 0:
            return done.returncode
    return 0


def _together(site_dir: str, options: list[str], env: dict[str, str]) -> int:
    """Every edition at once; outputs printed whole, in build order."""
    source, *translations = EDITIONS
    builds = [(source, Path(site_dir), _command(source.config, Path(site_dir), options))]
    for edition in translations:
        temp = staging(site_dir, edition.prefix)
        shutil.rmtree(temp, ignore_errors=True)
        builds.append((edition, temp, _command(edition.config, temp, options)))
    codes = []
    env = {**env, sidework.AT_ONCE: str(len(builds))}  # so each knows the cores are shared
    with tempfile.TemporaryDirectory(prefix="ketaguide-build-") as logs, ExitStack() as files:
        running = []
        for number, (_edition, _target, command) in enumerate(builds):
            log = files.enter_context(Path(logs, str(number)).open("w+b"))
            running.append((command, log, _start(command, env, log)))
        for command, log, process in running:
            codes.append(process.wait())
            print("$", " ".join(command[1:]), flush=True)
            log.seek(0)
            sys.stdout.buffer.write(log.read())
            sys.stdout.flush()
    failed = [code for code in codes if code != 0]
    for edition, target, _ in builds[1:]:
        final = Path(site_dir, edition.prefix)
        if failed:
            shutil.rmtree(target, ignore_errors=True)
            continue
        shutil.rmtree(final, ignore_errors=True)
        target.rename(final)
    return failed[0] if failed else 0


def _start(command: list[str], env: dict[str, str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ketaguide.buildall",
        description="Build every edition (other options go to each `mkdocs build`).",
        allow_abbrev=False,  # what it does not know goes to MkDocs whole
    )
    parser.add_argument("-d", "--site-dir", default="site", help="the site folder (site)")
    parser.add_argument(ONE_AT_A_TIME, action="store_true", help="each edition after the last")
    parser.add_argument("-f", "--config-file", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Exit 2, with a usage line, for options that cannot apply to every edition."""
    parser = _parser()
    known, options = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if known.config_file is not None:
        parser.error(
            "-f/--config-file: every edition has its own (editions.py); to build one, "
            "run `mkdocs build -f` with it"
        )
    env = environment()
    if known.one_at_a_time:
        return _one_at_a_time(known.site_dir, options, env)
    return _together(known.site_dir, options, env)


if __name__ == "__main__":
    sys.exit(main())
