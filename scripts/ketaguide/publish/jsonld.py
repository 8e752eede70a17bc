"""schema.org JSON-LD for each clinic's page, safe to place inside a <script> element."""

from __future__ import annotations

import json
from typing import Any

from ketaguide.clinics.model import Clinic, Day
from ketaguide.clinics.phone import e164
from ketaguide.publish.words import EN, Words

# schema.org's DayOfWeek ids, whatever the language of the page.
SCHEMA_DAYS: dict[Day, str] = {
    "Mo": "Monday",
    "Tu": "Tuesday",
    "We": "Wednesday",
    "Th": "Thursday",
    "Fr": "Friday",
    "Sa": "Saturday",
    "Su": "Sunday",
}


def script_safe(data: Any) -> str:
    """JSON that cannot close or confuse the <script> element it is placed in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(clinic: Clinic, page_url: str, words: Words = EN) -> dict[str, Any]:
    """schema.org MedicalClinic for one clinic, its services named in the page's language."""
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
            {"@type": "MedicalTherapy", "name": words.services[s]} for s in clinic.services
        ],
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in h.days],
                "opens": h.opens,
                "closes": h.closes,
            }
            for h in clinic.hours
        ],
        "dateModified": clinic.last_verified.isoformat(),
    }
    # The page about the clinic, in the page's language (a clinic itself has no language).
    page: dict[str, Any] = {"@type": "WebPage", "inLanguage": words.lang}
    if page_url:
        page |= {"@id": page_url, "url": page_url}
    data["mainEntityOfPage"] = page
    if clinic.website:
        data["url"] = clinic.website
    if clinic.email:
        data["email"] = clinic.email
    if clinic.accepting_new_patients is not None:
        data["isAcceptingNewPatients"] = clinic.accepting_new_patients
    return data
