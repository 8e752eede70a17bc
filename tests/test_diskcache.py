"""The on-disk cache of derived data, and the values the build takes from it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import markdown
import pytest

from ketaguide import diskcache
from ketaguide.clinics import publish, zips
from ketaguide.content import glossary


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV_FOLDER, str(folder))
    return folder


def test_a_value_is_computed_once_then_read_back(cache_dir: Path) -> None:
    calls: list[int] = []

    def compute() -> dict[str, tuple[str, float]]:
        calls.append(1)
        return {"97006": ("OR", 45.5201)}

    first = diskcache.json_value("demo", "k1", compute)
    second = diskcache.json_value("demo", "k1", compute)
    assert first == second == {"97006": ["OR", 45.5201]}  # same JSON types both times
    assert len(calls) == 1
    assert [p.name for p in cache_dir.iterdir()] == ["demo-k1.json"]
    diskcache.json_value("demo", "k2", compute)  # another key: computed afresh
    assert len(calls) == 2


def test_an_unusable_cache_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(diskcache.ENV_FOLDER, str(blocker / "cache"))
    assert diskcache.json_value("demo", "k", lambda: [1, 2]) == [1, 2]


def test_a_damaged_entry_is_computed_again(cache_dir: Path) -> None:
    cache_dir.mkdir()
    (cache_dir / "demo-k.json").write_text('{"trunc', encoding="utf-8")
    assert diskcache.json_value("demo", "k", lambda: {"a": 1}) == {"a": 1}
    assert json.loads((cache_dir / "demo-k.json").read_text(encoding="utf-8")) == {"a": 1}


def test_the_key_follows_package_versions_and_module_source() -> None:
    one = diskcache.key(["zipcodes"], [zips])
    assert one == diskcache.key(["zipcodes"], [zips])
    assert one != diskcache.key(["zipcodes"], [zips, publish])
    assert one != diskcache.key(["pyyaml"], [zips])


def test_zip_data_from_the_cache_equals_the_zipcodes_package(cache_dir: Path) -> None:
    zips.table.cache_clear()
    publish.zip_shards.cache_clear()
    try:
        computed = zips.table()  # empty cache: from the zipcodes package, then saved
        shards = publish.zip_shards()
        zips.table.cache_clear()
        publish.zip_shards.cache_clear()
        assert zips.table() == computed  # read back from disk
        assert publish.zip_shards() == shards == publish._zip_shards()
        direct = {code: zips.ZipInfo(*row) for code, row in zips._rows().items()}
        assert computed == direct
        assert computed["97006"] == zips.ZipInfo("OR", 45.5201, -122.8604)
        assert {p.name.split("-")[1] for p in cache_dir.iterdir()} == {"table", "shards"}
    finally:
        zips.table.cache_clear()
        publish.zip_shards.cache_clear()
    assert sys.modules["ketaguide.clinics.zips"] is zips


def test_glossary_abbreviations_render_as_one_block_would() -> None:
    """One block per definition (the fast form) gives exactly the HTML of one long block."""
    terms = glossary.load(Path(__file__).resolve().parent.parent / "docs")
    assert len(terms) > 10
    text = "# Title\n\n" + " ".join(f"About {t.term} here." for t in terms)
    one_block = "\n".join(f"*[{t.term}]: {t.definition}" for t in terms)
    fast = glossary.abbreviations(terms)
    assert "\n\n" in fast
    html = markdown.markdown(f"{text}\n\n{fast}\n", extensions=["abbr"])
    assert html == markdown.markdown(f"{text}\n\n{one_block}\n", extensions=["abbr"])
    assert html.count("<abbr") == len(terms)
