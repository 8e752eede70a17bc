"""The kinds of value a clinic field holds, each checked where the model declares the field.

Every string field of the model has a kind: a new field takes one, so it cannot miss the check.
A kind's own error is a finding of its rule (modelerrors.py fills in the field's name).
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlsplit

import phonenumbers
from pydantic import AfterValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from ketaguide import editions, text
from ketaguide.clinics import langnames
from ketaguide.clinics.phone import digits
from ketaguide.rules import Rule

PHONE = Rule(
    "CLN003",
    "phone-format",
    "error",
    "The phone number is not a valid US number, written with digits and ( ) + - . only.",
    why="A wrong digit sends a person in distress to a stranger or to nowhere.",
    fix='Copy the number from the clinic\'s own page and write it as "(503) 828-9265".',
)
URL = Rule(
    "CLN004",
    "unsafe-url",
    "error",
    "The website is not a plain https:// address with a real host name, or the email is not a "
    "plain address.",
    why="javascript:, data: and http: links can run code or be tampered with on the way; an "
    "email address with ?bcc= or %-escapes adds hidden recipients in the reader's mail program.",
    fix="Use the clinic's https:// address, without a user name, password or port, and a plain "
    "email address such as info@clinic.org.",
)
TEXT = Rule(
    "CLN005",
    "unsafe-text",
    "error",
    "A text field holds markup, control, direction-changing or invisible characters.",
    why="Such characters can hide or reorder text, or inject code into the page.",
    fix="Retype the value as plain text, without < > or invisible characters.",
)
RULES = {rule.id: rule for rule in (PHONE, URL, TEXT)}

# USPS codes: the states, DC, the territories and the military "states".
_USPS = """
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP AA AE AP
"""
USPS_STATES = tuple(_USPS.split())
_HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_PHONE_CHARS = re.compile(r"^[0-9()+. -]+$")
_PHONE_LAYOUT = re.compile(r"^(\+?1[ .-]?)?(\([0-9]{3}\) ?|[0-9]{3}[ .-]?)[0-9]{3}[ .-]?[0-9]{4}$")


def _fail(rule: Rule, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(rule.id, message, context)


def _plain(value: str, newlines: bool = False) -> str:
    index = text.first_refused(value, newlines=newlines)
    if index is not None:
        what = text.describe(value[index])
        raise _fail(TEXT, '"{field}" holds {what}; use plain text', what=what)
    return value


def _https(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:  # e.g. "https://[" or a port that is not a number
        raise _fail(URL, "the address cannot be read: {err}", err=str(err)) from None
    if parts.scheme.lower() != "https":
        scheme = parts.scheme or url
        raise _fail(URL, '"{scheme}:" links are not allowed; use https://', scheme=scheme)
    if parts.username or parts.password or "@" in parts.netloc:
        raise _fail(URL, "the address must not hold a user name or password")
    if port is not None:
        raise _fail(URL, "the address must not name a port")
    if not _HOST.match((parts.hostname or "").lower()):
        host = parts.hostname or ""
        raise _fail(URL, '"{host}" is not a host name like www.example.org', host=host)
    if url != url.strip() or any(c.isspace() for c in url):
        raise _fail(URL, "the address holds spaces or control characters")
    return url


def _email(address: str) -> str:
    if not _EMAIL.match(address):
        raise _fail(
            URL,
            '"{field}" is not a plain address like info@clinic.org (letters, digits and . _ + -'
            " before the @; no name, query or %-escape)",
        )
    return address


def _phone(written: str) -> str:
    bad = next((c for c in written if not _PHONE_CHARS.match(c)), None)
    if bad is not None:
        code = "" if bad.isascii() else f" (U+{ord(bad):04X})"
        what = text.describe(bad) if text.refused(bad) else f'"{bad}"{code}'
        raise _fail(
            PHONE, '"{field}" may hold only digits, spaces and ( ) + - . (found {what})', what=what
        )
    national = digits(written)
    if len(national) != 10:
        raise _fail(
            PHONE, '"{value}" has {n} digits; a US number has 10', value=written, n=len(national)
        )
    if not _PHONE_LAYOUT.match(written):
        raise _fail(
            PHONE, '"{value}" is not written as one US number, e.g. "(503) 828-9265"', value=written
        )
    if national[3:6] == "555" and "0100" <= national[6:] <= "0199":
        raise _fail(
            PHONE, '"{value}" is in the fictional 555-0100 to 555-0199 range', value=written
        )
    if not phonenumbers.is_valid_number(phonenumbers.parse(national, "US")):
        raise _fail(
            PHONE,
            '"{value}" is not a valid US number (area code {area})',
            value=written,
            area=national[:3],
        )
    return written


PlainText = Annotated[str, AfterValidator(_plain)]
PlainLines = Annotated[str, AfterValidator(lambda v: _plain(v, newlines=True))]  # may break lines
Website = Annotated[str, AfterValidator(_https), AfterValidator(_plain)]
Email = Annotated[
    str, StringConstraints(max_length=120), AfterValidator(_plain), AfterValidator(_email)
]
Phone = Annotated[str, AfterValidator(_phone)]  # stricter than plain text
# Listed for editors in the JSON Schema; the place check (place.py) refuses any other, beside
# its ZIP code checks, in the same run.
State = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    WithJsonSchema({"type": "string", "enum": list(USPS_STATES)}),
]
# ASCII digits only: \d would take Arabic-Indic and other digits.
Time = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}:[0-9]{2}$")]
Zip = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]
ClinicId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]


def language_name(code: str, lang: str) -> str:
    """A language's name in the reader's language (CLDR, shipped: langnames.py):
    ("es", "en") -> "Spanish", ("en", "es") -> "inglés"."""
    return langnames.names()[lang][code]


def _language(code: str) -> str:
    if code not in langnames.names()[editions.SOURCE.code]:
        raise ValueError(f'"{code}" is not a language code (ISO 639-1, such as en or es)')
    return code


# ISO 639-1, e.g. en, es: a code CLDR names, so every page can say the language's name.
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$"), AfterValidator(_language)]
