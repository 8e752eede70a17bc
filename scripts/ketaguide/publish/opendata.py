"""Data files for anyone to reuse and for the directory's script: clinics.json, the ZIP index."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from functools import cache
from typing import Annotated

from pydantic import Field, StringConstraints, TypeAdapter

from ketaguide import diskcache
from ketaguide.clinics import zips
from ketaguide.clinics.model import Clinic
from ketaguide.publish.words import EN, Words


def open_data(clinics: list[Clinic], generated: str, words: Words = EN) -> str:
    """The whole directory as JSON, for anyone to reuse."""
    return json.dumps(
        {
            "generated": generated,
            "description": words["open_data"],
            "clinics": [c.model_dump(mode="json") for c in clinics],
        },
        ensure_ascii=False,
        indent=1,
    )


@cache
def zip_shards() -> dict[str, str]:
    """ZIP centers split by the first two digits: {"97": '{"97006":[45.52,-122.86],...}'}.

    The same for every build until the ZIP list changes, so kept on disk (see diskcache.py)."""
    key = zips.cache_key(sys.modules[__name__])
    return diskcache.json_value("zip-shards", key, _zip_shards, _SHARDS)


# What the shards read back from disk must be: one JSON object per two-digit prefix, all there.
_SHARDS = TypeAdapter(
    Annotated[
        dict[
            Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")],
            Annotated[str, StringConstraints(pattern=r'^\{"[0-9]{5}":\[.*\]\}$')],
        ],
        Field(min_length=90),
    ]
)


def _zip_shards() -> dict[str, str]:
    # JSON written directly (the same text json.dumps gives): 42,000 codes in every cold build.
    shards: dict[str, list[str]] = defaultdict(list)
    for code, info in sorted(zips.table().items()):
        shards[code[:2]].append(f'"{code}":[{round(info.lat, 3)!r},{round(info.lon, 3)!r}]')
    return {prefix: "{" + ",".join(rows) + "}" for prefix, rows in shards.items()}
