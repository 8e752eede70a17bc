"""Data files for anyone to reuse: clinics.json (the ZIP index ships ready-made: zips.shards)."""

from __future__ import annotations

import json

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
