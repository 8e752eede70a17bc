"""The list files directory.js reads: each state's (clinics/states/<code>/list.json, beside its
page), and the lists by place, for sorting by a ZIP code. For these, the clinics are grouped by
the first three digits of their ZIP code, each group a list file like a state's (clinics/near/
<prefix>/list.json: the same entries, rendered once); clinics/near/index.json gives each
group's box (south, north, west, east) and what its clinics offer. From it, directory.js
fetches the groups nearest a reader's ZIP, the nearest first, until it knows the nearest
clinics for sure (a box is never farther than its clinics): a few small files, not the lists
of whole states."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ketaguide.clinics.model import Clinic

LIST_FILE = "list.json"  # a list of entries, as directory.js reads it
FOLDER = "near"  # clinics/near/: a name no clinic id may take (clinics/ids.py)
INDEX = "index.json"  # clinics/near/index.json: the groups, their boxes and what they offer


def list_json(items: list[tuple[Clinic, Markup]]) -> str:
    """A list file for directory.js (clinics/states/<code>/list.json, beside the state's page,
    so the entries' links read the same from both; the groups' at the same depth): what the
    script filters and sorts by, and each entry as the state's page has it. The script inserts
    only these entries, escaped here by the template; it writes nothing into them but text."""
    rows = [
        {
            "id": c.id,
            "lat": c.geo.lat,
            "lon": c.geo.lon,
            "services": list(c.services),
            "telehealth": c.telehealth is True,
            "html": str(html),
        }
        for c, html in items
    ]
    return json.dumps({"clinics": rows}, ensure_ascii=False, separators=(",", ":"))


def files(items: list[tuple[Clinic, Markup]]) -> dict[str, str]:
    """{path under clinics/: content}: each group's list file, and the index of the groups."""
    groups: dict[str, list[tuple[Clinic, Markup]]] = {}
    for clinic, html in items:
        groups.setdefault(clinic.address.zip[:3], []).append((clinic, html))
    index: list[dict[str, Any]] = []
    out = {}
    for prefix, group in sorted(groups.items()):
        clinics = [clinic for clinic, _ in group]
        lats = [c.geo.lat for c in clinics]
        lons = [c.geo.lon for c in clinics]
        offered = {s for c in clinics for s in c.services}
        index.append(
            {
                "prefix": prefix,
                "box": [min(lats), max(lats), min(lons), max(lons)],
                "services": sorted(offered),
                "telehealth": any(c.telehealth is True for c in clinics),
            }
        )
        out[f"{FOLDER}/{prefix}/{LIST_FILE}"] = list_json(group)
    out[f"{FOLDER}/{INDEX}"] = json.dumps({"groups": index}, separators=(",", ":"))
    return out
