"""The ZIP table shipped with the package is exactly what the `zipcodes` package gives."""

from __future__ import annotations

from ketaguide.clinics import zips


def test_the_shipped_zip_table_is_fresh() -> None:
    fresh = zips.shipped_bytes(zips.from_package())
    shipped = {p.name.split(".")[0]: p.read_bytes() for p in zips.SHIPPED.glob("*.tsv.gz")}
    assert shipped == fresh, (
        "scripts/ketaguide/data/zips/ is stale: run `.venv/bin/python -m "
        "ketaguide.clinics.zips` and commit it"
    )


def test_the_shipped_zip_shards_are_fresh() -> None:
    assert zips.SHARDS.read_bytes() == zips.shards_bytes(zips.from_package()), (
        "scripts/ketaguide/data/zips/shards.json.gz is stale: run `.venv/bin/python -m "
        "ketaguide.clinics.zips` and commit it"
    )
    zips.shards.cache_clear()
    shards = zips.shards()
    assert len(shards) > 90
    assert all(len(prefix) == 2 and prefix.isdigit() for prefix in shards)
    assert '"97006":[45.52,-122.86]' in shards["97"]  # three decimals: about 100 m


def test_the_shipped_table_reads_back_to_the_package_rows() -> None:
    rows = zips.from_package()
    zips._part.cache_clear()
    zips.table.cache_clear()
    assert {code: tuple(info) for code, info in zips.table().items()} == rows
    assert len(rows) > 40_000
    assert rows["97006"][0] == "OR"
