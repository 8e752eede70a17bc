"""HTML for the directory and for each clinic's page. Every value from YAML is escaped here."""

from __future__ import annotations

import datetime as dt
from html import escape

from ketaguide.clinics import phone
from ketaguide.clinics.fields import STALE_DAYS
from ketaguide.clinics.model import DAY_NAMES, DAYS, SERVICE_NAMES, Clinic
from ketaguide.dates import long_date

VERIFIED_BY = {
    "phone": "by phone with the clinic",
    "email": "by email with the clinic",
    "website": "from the clinic's own website",
    "in_person": "in person",
}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def hours_table(clinic: Clinic) -> str:
    if not clinic.hours:
        note = clinic.hours_note or "Hours not listed; call the clinic."
        return f'<p class="kg-hours-note">{_e(note)}</p>'
    rows = []
    for day in DAYS:
        spans = [h for h in clinic.hours if day in h.days]
        times = ", ".join(
            f"{h.opens} to {h.closes}{' (next day)' if h.overnight else ''}" for h in spans
        )
        rows.append(
            f'<tr><th scope="row">{DAY_NAMES[day]}</th><td>{_e(times or "Closed")}</td></tr>'
        )
    note = f'<p class="kg-hours-note">{_e(clinic.hours_note)}</p>' if clinic.hours_note else ""
    return (
        f'<table class="kg-hours"><caption>Opening hours</caption>'
        f'<thead><tr><th scope="col">Day</th><th scope="col">Hours</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{note}"
    )


def _yes_no(value: bool | None) -> str:
    return "Not stated" if value is None else ("Yes" if value else "No")


def _verified(clinic: Clinic, today: dt.date) -> str:
    age = (today - clinic.last_verified).days
    text = (
        f'Details last checked on <time datetime="{clinic.last_verified.isoformat()}">'
        f"{long_date(clinic.last_verified)}</time>, {VERIFIED_BY[clinic.verified_by]}."
    )
    if age > STALE_DAYS:
        text += (
            " <strong>These details are more than 6 months old and may have changed. "
            "Please confirm them with the clinic.</strong>"
        )
    return f'<p class="kg-verified">{text}</p>'


def details(clinic: Clinic, today: dt.date) -> str:
    """The facts shared by the directory entry and the clinic page."""
    a = clinic.address
    parts = [
        f"<address>{_e(a.street)}<br>{_e(a.city)}, {_e(a.state)} {_e(a.zip)}</address>",
        f'<p>Phone: <a href="tel:{_e(phone.e164(clinic.phone))}">'
        f"{_e(phone.display(clinic.phone))}</a></p>",
    ]
    if clinic.website:
        parts.append(
            f'<p>Website: <a href="{_e(clinic.website)}" rel="nofollow noopener">'
            f"{_e(clinic.website)}</a></p>"
        )
    if clinic.email:
        parts.append(f'<p>Email: <a href="mailto:{_e(clinic.email)}">{_e(clinic.email)}</a></p>')
    services = "".join(f"<li>{_e(SERVICE_NAMES[s])}</li>" for s in clinic.services)
    parts += [
        f'<p class="kg-label">Services listed</p><ul class="kg-services">{services}</ul>',
        f"<p>Telehealth: {_yes_no(clinic.telehealth)}</p>",
    ]
    if clinic.wheelchair_accessible is not None:
        parts.append(f"<p>Wheelchair accessible: {_yes_no(clinic.wheelchair_accessible)}</p>")
    if clinic.accepting_new_patients is not None:
        parts.append(f"<p>Accepting new patients: {_yes_no(clinic.accepting_new_patients)}</p>")
    parts += [hours_table(clinic), _verified(clinic, today)]
    return "".join(parts)


def directory_entry(clinic: Clinic, today: dt.date) -> str:
    attrs = {
        "data-state": clinic.address.state,
        "data-services": " ".join(clinic.services),
        "data-telehealth": "yes" if clinic.telehealth else "no",
        "data-lat": f"{clinic.geo.lat}",
        "data-lon": f"{clinic.geo.lon}",
    }
    attr_text = " ".join(f'{k}="{_e(v)}"' for k, v in attrs.items())
    return (
        f'<li class="kg-clinic" {attr_text}><article aria-labelledby="clinic-{clinic.id}">'
        f'<h3><a id="clinic-{clinic.id}" href="{clinic.id}/">{_e(clinic.name)}</a></h3>'
        f'<p class="kg-distance" hidden></p>{details(clinic, today)}</article></li>'
    )


def filters(clinics: list[Clinic]) -> str:
    states = sorted({c.address.state for c in clinics})
    services = [s for s in SERVICE_NAMES if any(s in c.services for c in clinics)]
    state_options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in states)
    service_boxes = "".join(
        f'<label><input type="checkbox" name="service" value="{_e(s)}"> '
        f"{_e(SERVICE_NAMES[s])}</label>"
        for s in services
    )
    return (
        '<form class="kg-filters" data-kg-filters hidden aria-label="Filter and sort clinics">'
        '<div class="kg-filter"><label for="kg-state">State</label>'
        f'<select id="kg-state" name="state"><option value="">All states</option>{state_options}'
        "</select></div>"
        f'<fieldset class="kg-filter"><legend>Services</legend>{service_boxes}</fieldset>'
        '<div class="kg-filter"><label><input type="checkbox" id="kg-telehealth" '
        'name="telehealth"> Offers telehealth</label></div>'
        '<div class="kg-filter kg-near"><label for="kg-zip">Your ZIP code</label>'
        '<input id="kg-zip" name="zip" inputmode="numeric" autocomplete="postal-code" '
        'maxlength="5" pattern="[0-9]{5}" aria-describedby="kg-zip-help">'
        '<button type="submit" class="md-button">Sort by distance</button>'
        '<p id="kg-zip-help" class="kg-help">Your ZIP code never leaves your browser.</p></div>'
        '<p class="kg-status" role="status" aria-live="polite" data-kg-status></p>'
        "</form>"
    )


def directory(clinics: list[Clinic], today: dt.date) -> str:
    """The whole directory: filters (shown by the script) and the plain list."""
    if not clinics:
        return "<p>No clinics are listed yet.</p>"
    entries = "".join(directory_entry(c, today) for c in sorted(clinics, key=_sort_key))
    count = f'<p class="kg-count" data-kg-count>{len(clinics)} clinic(s) listed.</p>'
    # Each clinic has its own page in the search index; listing it here too would double every
    # hit and, at 10,000 clinics, add 5 MB to the index every reader downloads. Material's
    # indexer matches excluded elements by tag name alone, so the exclusion sits on a <section>
    # (nothing inside is one: a nested <div> or <ul> would end it early, or crash it), and the
    # headings carry no id (the link does), as the indexer opens a section at each such heading.
    return (
        '<section class="kg-directory" data-kg-directory data-kg-zips="../assets/zips/" '
        f"data-search-exclude>{filters(clinics)}{count}"
        f'<ul class="kg-clinic-list">{entries}</ul></section>'
    )


def _sort_key(clinic: Clinic) -> tuple[str, str, str]:
    return (clinic.address.state, clinic.address.city.lower(), clinic.name.lower())


def clinic_page(clinic: Clinic, today: dt.date, ld_json: str) -> str:
    """Markdown source (front matter and raw HTML) for one clinic's own page."""
    import json

    title = escape(clinic.name, quote=True)
    where = escape(f"{clinic.address.city}, {clinic.address.state}", quote=True)
    description = f"Contact details, hours and services of {title} in {where}."
    return (
        "---\n"
        f"title: {json.dumps(title)}\n"
        f"description: {json.dumps(description)}\n"
        "generated: true\n"
        "search:\n  exclude: false\n"
        "---\n\n"
        f'<h1>{title}</h1>\n<div class="kg-clinic-page">{details(clinic, today)}'
        '<p class="kg-back"><a href="../">Back to the clinic directory</a></p>'
        '<p class="kg-note">A listing is not an endorsement. Ask the questions on our '
        '<a href="../../practical/choosing-a-clinic/">choosing a clinic</a> page.</p></div>\n'
        f'<script type="application/ld+json">{ld_json}</script>\n'
    )
