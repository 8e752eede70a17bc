"""Every word a reader sees in the generated clinic pages and data, in one place per language.

Labels are keyed by the model's own types, so a new service or day without a label fails mypy
and the tests. A placeholder in braces ({months}) is filled by the template (the `fill` filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from ketaguide.clinics.model import Day, Service, Verification


@dataclass(frozen=True)
class Words:
    services: dict[Service, str]
    verified_by: dict[Verification, str]
    days: dict[Day, str]
    text: dict[str, str]
    states: dict[str, str]  # USPS code -> name (the codes are zips.USPS_STATES; a test checks)

    def __getitem__(self, key: str) -> str:
        return self.text[key]


EN = Words(
    services={
        "iv_ketamine": "IV ketamine infusions",
        "esketamine_spravato": "Esketamine nasal spray (Spravato)",
        "im_ketamine": "Ketamine by injection into a muscle",
        "ketamine_assisted_psychotherapy": "Ketamine-assisted psychotherapy",
        "pain_management": "Pain management",
        "psychiatry": "Psychiatry",
        "tms": "Transcranial magnetic stimulation (TMS)",
    },
    verified_by={
        "phone": "by phone with the clinic",
        "email": "by email with the clinic",
        "website": "from the clinic's own website",
        "in_person": "in person",
    },
    days=dict(
        zip(
            get_args(Day),
            ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
            strict=True,
        )
    ),
    text={
        "phone": "Phone",
        "website": "Website",
        "email": "Email",
        "services_listed": "Services listed",
        "services_heading": "Services",
        "telehealth": "Telehealth",
        "wheelchair": "Wheelchair accessible",
        "accepting": "Accepting new patients",
        "yes": "Yes",
        "no": "No",
        "not_stated": "Not stated",
        "hours_caption": "Opening hours",
        "hours_day": "Day",
        "hours_hours": "Hours",
        "hours_span": "{opens} to {closes}",
        "hours_span_overnight": "{opens} to {closes} (next day)",
        "hours_closed": "Closed",
        "hours_missing": "Hours not listed; call the clinic.",
        "checked": "Details last checked on {date}, {how}.",
        "stale": "These details are more than {months} months old and may have changed. "
        "Please confirm them with the clinic.",
        "filters": "Filter and sort clinics",
        "state": "State",
        "all_states": "All states",
        "telehealth_filter": "Offers telehealth",
        "zip": "Your ZIP code",
        "sort": "Sort by distance",
        "zip_help": "Your ZIP code never leaves your browser.",
        "count": "{count} clinic(s) listed.",
        "none": "No clinics are listed yet.",
        "back": "Back to the clinic directory",
        "not_endorsement": "A listing is not an endorsement. Ask the questions on our {link} page.",
        "choosing": "choosing a clinic",
        "page_description": "Contact details, hours and services of {name} in {where}.",
        "open_data": "Clinic directory of the Ketamine Infusion Guide. A listing is not an "
        "endorsement. Check details with the clinic before you visit.",
        "by_state": "Clinics by state",
        "state_title": "Ketamine clinics in {state}",
        "state_description": "Contact details, hours and services of the ketamine clinics we "
        "list in {state}.",
        "far_intro": "No clinic in this directory is within {miles} miles of that ZIP code. Our "
        "list is small and leaves out many clinics. Two official sources cover more places:",
        "far_findtreatment": "the US government's locator (run by SAMHSA) for mental health "
        "and substance use care. Search by ZIP code, then ask each place if it offers ketamine.",
        "far_rems_name": "Spravato REMS",
        "far_rems": "esketamine nasal spray (Spravato) is given only in places certified in "
        "this FDA-required safety program, and its maker keeps a list of certified centers.",
    },
    states={
        "AL": "Alabama",
        "AK": "Alaska",
        "AZ": "Arizona",
        "AR": "Arkansas",
        "CA": "California",
        "CO": "Colorado",
        "CT": "Connecticut",
        "DE": "Delaware",
        "FL": "Florida",
        "GA": "Georgia",
        "HI": "Hawaii",
        "ID": "Idaho",
        "IL": "Illinois",
        "IN": "Indiana",
        "IA": "Iowa",
        "KS": "Kansas",
        "KY": "Kentucky",
        "LA": "Louisiana",
        "ME": "Maine",
        "MD": "Maryland",
        "MA": "Massachusetts",
        "MI": "Michigan",
        "MN": "Minnesota",
        "MS": "Mississippi",
        "MO": "Missouri",
        "MT": "Montana",
        "NE": "Nebraska",
        "NV": "Nevada",
        "NH": "New Hampshire",
        "NJ": "New Jersey",
        "NM": "New Mexico",
        "NY": "New York",
        "NC": "North Carolina",
        "ND": "North Dakota",
        "OH": "Ohio",
        "OK": "Oklahoma",
        "OR": "Oregon",
        "PA": "Pennsylvania",
        "RI": "Rhode Island",
        "SC": "South Carolina",
        "SD": "South Dakota",
        "TN": "Tennessee",
        "TX": "Texas",
        "UT": "Utah",
        "VT": "Vermont",
        "VA": "Virginia",
        "WA": "Washington",
        "WV": "West Virginia",
        "WI": "Wisconsin",
        "WY": "Wyoming",
        "DC": "District of Columbia",
        "PR": "Puerto Rico",
        "VI": "U.S. Virgin Islands",
        "GU": "Guam",
        "AS": "American Samoa",
        "MP": "Northern Mariana Islands",
        "AA": "Armed Forces Americas",
        "AE": "Armed Forces Europe",
        "AP": "Armed Forces Pacific",
    },
)
LANGUAGES = {"en": EN}
