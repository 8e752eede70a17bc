"""The search index: what is marked for it, and a clear error when Pagefind cannot run."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from ketaguide import search, searchservice

PAGE = '<body><article class="md-content__inner md-typeset"><h1>T</h1></article></body>'


def test_content_is_marked_for_the_index_unless_front_matter_excludes_it() -> None:
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in (
        search.mark_body(PAGE, {})
    )
    assert search.mark_body(PAGE, {"exclude": False}) == search.mark_body(PAGE, {})
    assert search.mark_body(PAGE, {"exclude": True}) == PAGE


def test_a_missing_binary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(search, "get_executable", lambda: tmp_path / "no-such-pagefind")
    with pytest.raises(search.SearchIndexError, match="binary is missing"):
        search.index(tmp_path)


def test_a_failing_binary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: broken' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: fake)
    with pytest.raises(search.SearchIndexError, match=r"(?s)exit 3.*broken"):
        search.index(tmp_path)


def test_index_writes_a_bundle_with_only_what_the_dialog_uses(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<html lang="en"><body><article data-pagefind-body><h1>Bladder</h1>'
        "<p>Ketamine can irritate the bladder.</p><div data-pagefind-ignore>hidden words</div>"
        "</article></body></html>"
    )
    summary = search.index(tmp_path)
    assert "Indexed 1 page" in summary
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert list((tmp_path / "pagefind").glob("*-ui.*")) == []
    pages = search.indexed_pages(tmp_path)
    assert list(pages) == ["/"]
    assert "irritate the bladder" in pages["/"]
    assert "hidden words" not in pages["/"]


PAGES = {
    "": "<p>Ketamine can irritate the bladder.</p><div data-pagefind-ignore>hidden words</div>",
    "safety/": "<p>Do not drive until the next day.</p>",
}


def _write_site(site: Path) -> dict[str, str]:
    html = {}
    for url, body in PAGES.items():
        page = f'<html lang="en"><body><article data-pagefind-body><h1>{url or "Home"}</h1>'
        html[url] = page + f"{body}</article></body></html>"
        (site / url).mkdir(parents=True, exist_ok=True)
        (site / url / "index.html").write_text(html[url])
    return html


def _indexed_both_ways(tmp_path: Path) -> tuple[Path, Path, searchservice.Indexer]:
    """The test pages indexed by Pagefind over the site (cli/) and by the build's indexer
    (built/)."""
    cli, built = tmp_path / "cli", tmp_path / "built"
    cli.mkdir()
    built.mkdir()
    html = _write_site(cli)
    search.index(cli)
    indexer = searchservice.Indexer()
    for url, page in html.items():
        indexer.add(url, page)
    indexer.finish(built)
    return cli, built, indexer


def test_the_build_s_indexer_makes_the_same_index_as_pagefind_over_the_site(
    tmp_path: Path,
) -> None:
    cli, built, indexer = _indexed_both_ways(tmp_path)
    assert indexer.pages == 2
    assert search.indexed_pages(built) == search.indexed_pages(cli)
    assert _names(built) == _names(cli)


def test_the_bundle_is_whole_when_the_build_s_indexer_returns(tmp_path: Path) -> None:
    """Pagefind's own WriteFiles answers before its last writes reach the disk and ends when its
    input closes; the indexer writes the files Pagefind sends, each whole."""
    cli, built, _ = _indexed_both_ways(tmp_path)
    bundle = built / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    assert files
    assert [p.name for p in files if p.stat().st_size == 0] == []
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 2
    for name in ("pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind"):
        assert (bundle / name).read_bytes() == (cli / "pagefind" / name).read_bytes(), name


@pytest.mark.parametrize("name", ["../outside.js", "/tmp/x.js", ""])
def test_a_file_name_outside_the_bundle_is_refused(tmp_path: Path, name: str) -> None:
    files = [{"path": name, "content": base64.b64encode(b"x").decode()}]
    with pytest.raises(search.SearchIndexError, match="Pagefind sent a file named"):
        searchservice._write_bundle(tmp_path / "pagefind", files)
    assert list(tmp_path.rglob("*")) == []


def _names(site: Path) -> list[str]:
    """The bundle's files, the language hash (which changes with page order) left out."""
    return sorted(re.sub(r"en_[0-9a-f]+", "en_*", p.name) for p in (site / "pagefind").iterdir())


def test_the_build_s_indexer_reports_a_binary_that_dies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: broken' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: fake)
    indexer = searchservice.Indexer()
    indexer.add("", "<html></html>")
    with pytest.raises(search.SearchIndexError, match="Pagefind failed"):
        indexer.finish(tmp_path)


def test_stopping_the_build_s_indexer_ends_pagefind(tmp_path: Path) -> None:
    indexer = searchservice.Indexer()
    indexer.add("", "<html lang='en'><body>x</body></html>")
    indexer.stop()
    assert indexer._process is not None
    assert indexer._process.poll() is not None
    assert not (tmp_path / "pagefind").exists()


def test_the_build_indexes_a_page_s_content_in_its_language_unless_excluded() -> None:
    article = search.article_for_index("<h1>Vejiga</h1><p>Texto.</p>", "es", {})
    assert article == (
        '<html lang="es"><body><article class="md-content__inner md-typeset" '
        "data-pagefind-body><h1>Vejiga</h1><p>Texto.</p></article></body></html>"
    )
    assert search.article_for_index("<h1>Log</h1>", "en", {"exclude": True}) is None
