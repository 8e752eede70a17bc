"""The search index: what is marked for it, and a clear error when Pagefind cannot run."""

from __future__ import annotations

from pathlib import Path

import pytest

from ketaguide import search

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
