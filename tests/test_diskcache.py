"""The on-disk cache of derived data, and the values the build takes from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from jinja2 import DictLoader, Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from pydantic import TypeAdapter

from ketaguide import diskcache
from ketaguide.clinics import zips
from ketaguide.pages import glossary
from tests.conftest import ROOT

DEMO = TypeAdapter(dict[str, list[str | float]])


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV_FOLDER, str(folder))
    return folder


def _forget_zip_data() -> None:
    for cached in (zips.table, zips._part, zips.shards):
        cached.cache_clear()


def test_the_zip_data_is_read_from_the_package_not_a_cache(cache_dir: Path) -> None:
    _forget_zip_data()
    try:
        computed = zips.table()  # from the table shipped with the package
        assert computed["97006"] == zips.ZipInfo("OR", 45.5201, -122.8604)
        assert zips.shards()["97"].startswith('{"97001":[')
        assert not cache_dir.exists()
    finally:
        _forget_zip_data()
    assert sys.modules["ketaguide.clinics.zips"] is zips


def test_a_lookup_reads_only_the_part_of_the_table_it_needs(cache_dir: Path) -> None:
    _forget_zip_data()
    try:
        assert zips.lookup("07030") == zips.ZipInfo(*zips.from_package()["07030"])
        assert zips.lookup("00000") is None
        assert zips.lookup("9700") is None  # not five digits
        assert zips.lookup("abcde") is None
        assert zips._part.cache_info().currsize == 1  # only the codes that start with 0
        assert not cache_dir.exists()  # read from the package: no cache needed
    finally:
        _forget_zip_data()


def test_the_glossary_option_marks_terms_as_page_definitions_would() -> None:
    """The build hands the glossary to the abbr extension once, instead of appending 77
    definitions to every page: the HTML must be the same."""
    terms = glossary.load(Path(__file__).resolve().parent.parent / "docs")
    assert len(terms) > 10
    text = "# Title\n\n" + " ".join(f"About {t.term} here." for t in terms)
    in_page = "\n\n".join(f"*[{t.term}]: {t.definition}" for t in terms)
    option = {"abbr": {"glossary": {t.term: t.definition for t in terms}}}
    html = markdown.markdown(text, extensions=["abbr"], extension_configs=option)
    assert html == markdown.markdown(f"{text}\n\n{in_page}\n", extensions=["abbr"])
    assert html.count("<abbr") == len(terms)


def test_compiled_templates_are_kept_on_disk(cache_dir: Path) -> None:
    templates = DictLoader({"t.html": "Hello {{ name }}"})
    first = Environment(loader=templates, bytecode_cache=diskcache.template_cache())
    assert first.get_template("t.html").render(name="A") == "Hello A"
    kept = list((cache_dir / "jinja").iterdir())
    assert len(kept) == 1
    written = [(f.stat().st_mtime_ns, f.read_bytes()) for f in kept]
    again = Environment(loader=templates, bytecode_cache=diskcache.template_cache())

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read from the cache")

    again.compile = no_compiling  # type: ignore[method-assign,assignment]
    assert again.get_template("t.html").render(name="B") == "Hello B"
    assert [(f.stat().st_mtime_ns, f.read_bytes()) for f in kept] == written  # not rewritten
    assert list((cache_dir / "jinja").iterdir()) == kept


def test_a_template_cache_that_cannot_be_used_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(diskcache.ENV_FOLDER, str(blocker / "cache"))
    assert diskcache.template_cache() is None
    monkeypatch.setenv(diskcache.ENV_FOLDER, str(tmp_path / "cache"))

    def full_disk(self: FileSystemBytecodeCache, bucket: Bucket) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", full_disk)
    cache = diskcache.template_cache()
    assert cache is not None
    env = Environment(loader=DictLoader({"t.html": "ok"}), bytecode_cache=cache)
    assert env.get_template("t.html").render() == "ok"  # compiled, though it cannot be kept


def test_the_cache_is_kept_in_the_project_never_in_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(diskcache.ENV_FOLDER, raising=False)
    assert diskcache.folder() == ROOT / ".cache" / "ketaguide"
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    monkeypatch.setattr(diskcache, "PROJECT", tmp_path)  # installed with no project around it
    assert diskcache.folder() is None
    assert diskcache.template_cache() is None
    assert list(tmp_path.iterdir()) == []


def test_the_cached_data_and_templates_write_nothing_into_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in (diskcache.ENV_FOLDER, "XDG_CACHE_HOME")}
    code = "from ketaguide import diskcache\nassert diskcache.template_cache() is not None\n"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**env, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert list(home.iterdir()) == []
    assert (ROOT / ".cache" / "ketaguide" / "jinja").is_dir()
