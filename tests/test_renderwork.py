"""Pages rendered beside the build (renderwork.py): the site is byte for byte the one the build
makes alone, the fork really renders some of the pages, a page whose rendering warns is left to
the build (which then warns as always), and a fork that dies leaves every page to the build.
Each build runs in a child Python, so the test process's threads play no part."""

from __future__ import annotations

import contextlib
import os
import textwrap
from pathlib import Path

import pytest

from ketaguide import renderwork
from tests import minisite

# Run as the child Python's program: `mkdocs build --strict` with a counter of the pages whose
# rendering came from the fork, printed last; ALONE=1 keeps a thread alive, so no fork is made.
BUILD = textwrap.dedent("""
    import os, sys, threading, time
    from ketaguide import renderwork
    taken = []
    original = renderwork._Taken.__call__
    def counted(self, config, files):
        taken.append(self._page.file.src_uri)
        return original(self, config, files)
    renderwork._Taken.__call__ = counted
    if os.environ.get("ALONE") == "1":
        threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
    if os.environ.get("FORK_DIES") == "1":
        renderwork._child = lambda *args: os._exit(3)
    from mkdocs.__main__ import cli
    sys.argv = ["mkdocs", "build", "--strict", "-d", sys.argv[1]]
    try:
        cli()
    finally:
        print("taken", len(taken), flush=True)
""")


def _pages(count: int) -> dict[str, str]:
    """`count` pages with headings (a table of contents), links to each other's anchors, a
    footnote and a title that comes from the H1."""
    pages = {}
    for n in range(count):
        body = (
            f"# Page {n}\n\n## Part one\n\nSee [the next part](page-{(n + 1) % count}.md#part-two)"
            f" and [home](index.md).[^1]\n\n## Part two\n\n| A | B |\n| - | - |\n| {n} | x |\n\n"
            "[^1]: A footnote.\n"
        )
        pages[f"page-{n}.md"] = minisite.page(f"Page number {n}", body)
    return pages


def _build(root: Path, site: str, **env: str) -> tuple[int, str, str]:
    done = minisite.build(root, "-c", BUILD, str(root / site), env=env)
    lines = done.stdout.splitlines()
    assert lines, done.stderr
    assert lines[-1].startswith("taken "), done.stderr
    return done.returncode, lines[-1], done.stderr


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_site_is_the_one_the_build_makes_alone(tmp_path: Path) -> None:
    root = minisite.project(tmp_path / "project", _pages(14))
    code, taken, err = _build(root, "beside")
    assert code == 0, err
    assert int(taken.split()[1]) > 0, "the fork rendered none of the pages"
    code, alone, err = _build(root, "alone", ALONE="1")
    assert code == 0, err
    assert alone == "taken 0"
    beside, built = _tree(root / "beside"), _tree(root / "alone")
    assert sorted(beside) == sorted(built)
    assert [name for name in built if beside[name] != built[name]] == []


def test_a_page_whose_rendering_warns_is_left_to_the_build(tmp_path: Path) -> None:
    pages = _pages(14)
    pages["page-9.md"] = minisite.page("Page 9", "# Page 9\n\nSee [gone](missing-page.md).\n")
    root = minisite.project(tmp_path / "project", pages)
    code, _, beside = _build(root, "beside")
    code_alone, _, alone = _build(root, "alone", ALONE="1")
    assert (code, code_alone) == (1, 1)
    said = "'page-9.md' contains a link 'missing-page.md', but the target is not found"
    assert said in beside
    assert said in alone
    assert beside.count("WARNING") == alone.count("WARNING")
    assert "Traceback" not in beside


def test_a_fork_that_dies_leaves_every_page_to_the_build(tmp_path: Path) -> None:
    root = minisite.project(tmp_path / "project", _pages(6))
    code, taken, err = _build(root, "site", FORK_DIES="1")
    assert code == 0, err
    assert taken == "taken 0"
    assert (root / "site" / "page-5" / "index.html").is_file()


def test_no_fork_where_the_builds_at_once_take_every_core(tmp_path: Path) -> None:
    root = minisite.project(tmp_path / "project", _pages(6))
    code, taken, err = _build(root, "site", KETAGUIDE_BUILDS_AT_ONCE=str(os.cpu_count() or 1))
    assert code == 0, err
    assert taken == "taken 0"


class _Page:
    """Stands in for a MkDocs page: its render marks what it rendered."""

    def __init__(self, markdown: str) -> None:
        self.markdown, self.content = markdown, ""

    def render(self, config: object, files: object) -> None:
        self.content = f"rendered here: {self.markdown}"


class _Files:
    """Stands in for MkDocs' Files: it has `index.md` only."""

    def get_file_from_path(self, path: str) -> object | None:
        return "the index file" if path == "index.md" else None


def _rendered(markdown: str, fork_rendered: str, set_by_fork: dict[str, object]) -> _Page:
    """A page with `markdown` whose render is the fork's result for `fork_rendered`, called."""
    page = _Page(markdown)
    found = {"digest": renderwork.digest(fork_rendered), "set": set_by_fork}
    page.render = renderwork._Taken(page, found)  # type: ignore[arg-type,method-assign]
    page.render(None, _Files())
    return page


def test_a_result_for_other_markdown_is_not_taken() -> None:
    page = _rendered("# Changed after the hook", "# What the fork rendered", {"content": "fork"})
    assert page.content == "rendered here: # Changed after the hook"
    assert "render" not in vars(page)  # the page's own render again


def test_a_result_for_the_same_markdown_is_set_on_the_page() -> None:
    page = _rendered("# Same", "# Same", {"content": "<h1>Same</h1>"})
    assert page.content == "<h1>Same</h1>"
    assert "render" not in vars(page)


@pytest.mark.parametrize(
    ("linked", "content"), [("index.md", "fork"), ("gone.md", "rendered here")]
)
def test_links_to_anchors_come_back_keyed_by_the_build_s_own_files(
    linked: str, content: str
) -> None:
    links = {linked: {"part": f"{linked}#part"}}
    page = _rendered("# Same", "# Same", {"content": "fork", "links_to_anchors": links})
    assert page.content.startswith(content)
    if linked == "index.md":
        assert vars(page)["links_to_anchors"] == {"the index file": {"part": "index.md#part"}}


@pytest.mark.parametrize(("sent", "seen"), [([], -1), ([3], 3), ([3, 7, 9], 9)])
def test_the_fork_reads_the_last_place_the_build_gave(sent: list[int], seen: int) -> None:
    read, write = os.pipe()
    try:
        os.set_blocking(read, False)
        for at in sent:
            os.write(write, renderwork._AT.pack(at))
        assert renderwork._build_place(read) == seen
        assert renderwork._build_place(read) == -1  # read once
    finally:
        for fd in (read, write):
            with contextlib.suppress(OSError):
                os.close(fd)
