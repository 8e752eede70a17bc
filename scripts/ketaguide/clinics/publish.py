"""Machine-readable outputs: schema.org JSON-LD, the open-data clinics.json, the ZIP index."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from functools import cache
from typing import Any

from ketaguide import diskcache
from ketaguide.clinics import zips
from ketaguide.clinics.model import DAY_NAMES, SERVICE_NAMES, Clinic
from ketaguide.clinics.phone import e164


def script_safe(data: Any) -> str:
    """JSON that cannot close or confuse the <script> element it is placed in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(clinic: Clinic, page_url: str) -> dict[str, Any]:
    """schema.org MedicalClinic for one clinic."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": clinic.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": clinic.address.street,
            "addressLocality": clinic.address.city,
            "addressRegion": clinic.address.state,
            "postalCode": clinic.address.zip,
            "addressCountry": "US",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": clinic.geo.lat, "longitude": clinic.geo.lon},
        "telephone": e164(clinic.phone),
        "availableService": [
            {"@type": "MedicalTherapy", "name": SERVICE_NAMES[s]} for s in clinic.services
        ],
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{DAY_NAMES[d]}" for d in h.days],
                "opens": h.opens,
                "closes": h.closes,
            }
            for h in clinic.hours
        ],
        "dateModified": clinic.last_verified.isoformat(),
    }
    if page_url:
        data["mainEntityOfPage"] = page_url
    if clinic.website:
        data["url"] = clinic.website
    if clinic.email:
        data["email"] = clinic.email
    if clinic.accepting_new_patients is not None:
        data["isAcceptingNewPatients"] = clinic.accepting_new_patients
    return data


def open_data(clinics: list[Clinic], generated: str) -> str:
    """The whole directory as JSON, for anyone to reuse."""
    return json.dumps(
        {
            "generated": generated,
            "description": "Clinic directory of the Ketamine Infusion Guide. A listing is not an "
            "endorsement. Check details with the clinic before you visit.",
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
    shards: dict[str, str] = diskcache.json_value("zip-shards", key, _zip_shards)
    return shards


def _zip_shards() -> dict[str, str]:
    shards: dict[str, dict[str, list[float]]] = defaultdict(dict)
    for code, info in sorted(zips.table().items()):
        shards[code[:2]][code] = [round(info.lat, 3), round(info.lon, 3)]
    return {prefix: json.dumps(rows, separators=(",", ":")) for prefix, rows in shards.items()}
