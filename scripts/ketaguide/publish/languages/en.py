"""The clinic pages, the directory and its script in English (US)."""

from __future__ import annotations

from ketaguide.clinics.vocabulary import DAYS as DAY_CODES
from ketaguide.clinics.vocabulary import Payment, Service, Verification
from ketaguide.publish.languages import Plural, Words, en_pages

SERVICES: dict[Service, str] = {
    "iv_ketamine": "IV ketamine infusions",
    "esketamine_spravato": "Esketamine nasal spray (Spravato)",
    "im_ketamine": "Ketamine by injection into a muscle",
    "ketamine_assisted_psychotherapy": "Ketamine-assisted psychotherapy",
    "pain_management": "Pain management",
    "psychiatry": "Psychiatry",
    "tms": "Transcranial magnetic stimulation (TMS)",
}
VERIFIED_BY: dict[Verification, str] = {
    "phone": "by phone with the clinic",
    "email": "by email with the clinic",
    "website": "from the clinic's own website",
    "in_person": "in person",
}
PAYMENT: dict[Payment, str] = {
    "self_pay": "Self-pay",
    "insurance": "Health insurance",
    "hsa_fsa": "HSA or FSA",
    "payment_plans": "Payment plans",
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TEXT = {
    "phone": "Phone",
    "website": "Website",
    "email": "Email",
    "services_listed": "Services listed",
    "services_heading": "Services",
    "payment_listed": "Ways to pay listed",
    "telehealth": "Telehealth",
    "wheelchair": "Wheelchair accessible",
    "languages": "Languages spoken",
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
    "zip_help": "Your full ZIP code never leaves your browser; only its first two digits "
    "reach this site.",
    "none": "No clinics are listed yet.",
    "back": "Back to the clinic directory",
    "not_endorsement": "A listing is not an endorsement. Ask the questions on our {link} page.",
    "choosing": "choosing a clinic",
    "page_description": "Contact details, hours and services of {name} in {where}.",
    "open_data": "Clinic directory of the Ketamine Infusion Guide. A listing is not an "
    "endorsement. Check details with the clinic before you visit.",
    "open_data_link": "The whole list is also available as {link} for anyone to reuse.",
    "open_data_name": "open data",
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
    # directory.js
    "script_load_failed": "The list could not load. Use the links to each state below.",
    "script_zip_invalid": "Please enter a five-digit ZIP code.",
    "script_finding": "Finding clinics near {zip}…",
    "script_zip_unknown": "We could not find ZIP code {zip}. Check the number and try again.",
    "script_sorted": "Clinics sorted by distance from ZIP {zip}, nearest first.",
    "script_under_a_mile": "Less than 1 mile from ZIP {zip} (straight line)",
    "script_more_near": "Show clinics farther away",
}
PLURALS: dict[str, Plural] = {
    "count": ("{count} clinic listed.", "{count} clinics listed."),
    # directory.js
    "script_miles": (
        "About {count} mile from ZIP {zip} (straight line)",
        "About {count} miles from ZIP {zip} (straight line)",
    ),
    "script_shown": ("{shown} of {count} clinic shown.", "{shown} of {count} clinics shown."),
    "script_paged": (
        "Showing the first {shown} of {count} matching clinic.",
        "Showing the first {shown} of {count} matching clinics.",
    ),
    "script_more": ("Show {count} more clinic", "Show {count} more clinics"),
    "script_nearest": (
        "{count} clinic shown, nearest first.",
        "{count} clinics shown, nearest first.",
    ),
    "script_choose": (
        "{count} clinic listed. Choose a state or enter your ZIP code to see it.",
        "{count} clinics listed. Choose a state or enter your ZIP code to see them.",
    ),
}
STATES: dict[str, str] = {
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
}

WORDS = Words(
    lang="en",
    services=SERVICES,
    verified_by=VERIFIED_BY,
    payment=PAYMENT,
    days=dict(zip(DAY_CODES, DAYS, strict=True)),
    text=TEXT,
    plurals=PLURALS,
    states=STATES,
    pages=en_pages.TEXT,
    page_plurals=en_pages.PLURALS,
)
