"""The build's safety checks in a second process (buildchecks.py): the findings come back, a
page that fails them is not left in the site folder, and a checks' process that fails or
dies stops the build with a message. Each case runs in a child Python (a fork of the test
process itself would copy pytest's threads)."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest

from tests import minisite
from tests.conftest import ROOT

HOSTILE = "# A test page\n\nA [link](javascript:alert(1)).\n"


def _python(code: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` in a child Python (minisite.build: the valid test clinics, no Material notice)."""
    return minisite.build(cwd, "-c", textwrap.dedent(code), env=env)


def test_the_findings_of_both_checks_come_back() -> None:
    done = _python("""
        from ketaguide import buildchecks
        def html_check(html, path):
            return [f"{path}: {html}"] if "bad" in html else []
        w = buildchecks.Worker(lambda: [], html_check)
        w.start()
        for n in range(200):  # more than a pipe holds: the build never waits on it
            w.rendered("x" * 5000 + ("bad" if n == 150 else ""), f"p{n}.md")
        print(w.finish())
        w = buildchecks.Worker(lambda: ["source finding"], lambda html, path: ["html finding"])
        w.start()
        w.rendered("<p>", "a.md")
        print(w.finish())  # the source's findings, as when the checks ran first
    """)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first.startswith("['p150.md: xxx")
    assert first.endswith("bad']")
    assert second == "['source finding']"


def test_a_check_that_fails_or_a_process_that_dies_stops_the_build() -> None:
    done = _python("""
        import os, signal
        from ketaguide import buildchecks
        def broken(): raise ValueError("a broken check")
        w = buildchecks.Worker(broken, lambda html, path: [])
        w.start()
        try: w.finish()
        except buildchecks.ChecksFailed as err: print(err)
        w = buildchecks.Worker(lambda: os.kill(os.getpid(), signal.SIGKILL), lambda h, p: [])
        w.start()
        try: w.finish()
        except buildchecks.ChecksFailed as err: print(err)
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "the build's checks failed: ValueError: a broken check",
        "the build's checks ended without an answer",
    ]


@pytest.mark.build
def test_the_build_checks_the_html_in_the_second_process_and_keeps_no_page(
    tmp_path: Path,
) -> None:
    """Were the source check to miss something, the checks' process finds it in the HTML."""
    root = minisite.project(tmp_path, {"hostile.md": minisite.page(body=HOSTILE)})
    site = root / "site"
    done = _python(
        f"""
        import sys
        from ketaguide import buildchecks
        from ketaguide.content import bodysafety
        bodysafety.problems = lambda lines: []  # the source check misses
        started = []
        start = buildchecks.Worker.start
        buildchecks.Worker.start = lambda self: (started.append(1), start(self))
        from mkdocs.__main__ import cli
        try:
            cli(["build", "--strict", "-d", {str(site)!r}])
        finally:
            print("checks beside the build:", len(started), file=sys.stderr)
        """,
        cwd=root,
        KETAGUIDE_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert done.returncode == 1
    assert "checks beside the build: 1" in done.stderr
    assert (
        "docs/hostile.md: error SEC002 unsafe-link the page's HTML: <a href=...>: "
        '"javascript:alert(1)" is a "javascript:" URL, which can run code or hide what it shows'
    ) in done.stderr
    assert "Traceback" not in done.stderr
    assert list(site.iterdir()) == []  # no page of a refused build is left


@pytest.mark.build
def test_without_a_second_process_the_build_checks_the_sources_itself(tmp_path: Path) -> None:
    root = minisite.project(tmp_path, {"hostile.md": minisite.page(body=HOSTILE)})
    done = _python(
        f"""
        import os
        def refuse(): raise OSError(11, "Resource temporarily unavailable")
        os.fork = refuse
        from mkdocs.__main__ import cli
        cli(["build", "--strict", "-d", {str(root / "site")!r}])
        """,
        cwd=root,
        KETAGUIDE_CACHE_DIR=str(tmp_path / "cache"),
    )
    assert done.returncode == 1
    assert "docs/hostile.md:11:10: error SEC002 unsafe-link" in done.stderr
    assert "Traceback" not in done.stderr
