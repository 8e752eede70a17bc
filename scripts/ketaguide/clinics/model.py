"""The clinic model: the only schema. The CLI, the build and the editor schema all come from it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ketaguide.clinics.kinds import (
    ClinicId,
    Email,
    Language,
    Phone,
    PlainLines,
    PlainText,
    State,
    Time,
    Website,
    Zip,
)
from ketaguide.clinics.vocabulary import DAYS as DAYS  # the lists, stated once there
from ketaguide.clinics.vocabulary import Day as Day
from ketaguide.clinics.vocabulary import Payment as Payment
from ketaguide.clinics.vocabulary import Service as Service
from ketaguide.clinics.vocabulary import Verification as Verification


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Address(_Strict):
    street: PlainText = Field(min_length=3, max_length=120, description="Street and number, suite")
    city: PlainText = Field(min_length=2, max_length=60)
    state: State = Field(description="USPS two-letter code, e.g. OR")
    zip: Zip = Field(description='five digits in quotes, e.g. "07030"')


class Geo(_Strict):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    precision: Literal["address", "zip"] = Field(
        description="address: the building; zip: the ZIP code's center (approximate)"
    )


class Hours(_Strict):
    days: list[Day] = Field(min_length=1)
    opens: Time = Field(description='24-hour time in quotes, e.g. "09:00"')
    closes: Time = Field(description='24-hour time in quotes, e.g. "17:30"')
    overnight: bool = Field(default=False, description="true when closing is after midnight")


class Clinic(_Strict):
    """One clinic, as written in data/clinics/<id>.yml."""

    id: ClinicId = Field(
        description="lowercase words joined by hyphens, the same as the file name",
    )
    name: PlainText = Field(min_length=2, max_length=80)
    address: Address
    geo: Geo
    phone: Phone = Field(description='US number as written, e.g. "(503) 828-9265"')
    website: Website | None = Field(default=None, description="https:// address")
    email: Email | None = Field(default=None, description="a plain address, e.g. info@clinic.org")
    hours: list[Hours] = Field(default_factory=list, max_length=14)
    hours_note: PlainLines | None = Field(default=None, max_length=200)
    services: list[Service] = Field(min_length=1)
    telehealth: bool | None = Field(description="true, false, or null when the clinic does not say")
    wheelchair_accessible: bool | None = None
    accepting_new_patients: bool | None = None
    payment: list[Payment] = Field(default_factory=list)
    languages: list[Language] = Field(
        default_factory=lambda: ["en"],
        min_length=1,
        description="two-letter language codes (ISO 639-1), e.g. [en, es]",
    )
    last_verified: dt.date
    verified_by: Verification
    source: PlainLines = Field(min_length=10, max_length=400)
