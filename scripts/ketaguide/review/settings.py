"""The guide's disclosure values, set once in mkdocs.yml under `extra: guide:`.

Who publishes the guide, how it is paid for, and how to report an error without a GitHub
account. Pages show them through directives; a missing or malformed value stops the build, and
an unset report_error leaves pages with only the GitHub link (the build says so).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ketaguide.review.reviewers import PlainText

_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_FORM = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:/[^\s<>\"'`]*)?$")
NO_REPORT_ADDRESS = (
    "ketaguide: warning: mkdocs.yml sets no extra.guide.report_error (an email address or a "
    "form URL), so readers without a GitHub account cannot report an error; pages offer only "
    "the GitHub issue link"
)


class SettingsError(Exception):
    """mkdocs.yml's extra.guide is missing a value or holds a malformed one."""


class Guide(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    publisher: PlainText = Field(min_length=10, max_length=400)
    funding: PlainText = Field(min_length=10, max_length=400)
    report_error: str | None = Field(
        default=None, description="an email address, or an https:// form URL; null while none"
    )

    @field_validator("report_error")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        if value is None or _EMAIL.match(value) or _FORM.match(value):
            return value
        raise ValueError("must be an email address or an https:// form URL")

    @property
    def report_href(self) -> str | None:
        if self.report_error is None:
            return None
        return self.report_error if "://" in self.report_error else f"mailto:{self.report_error}"


def from_extra(extra: Any) -> Guide:
    """`extra.guide` of mkdocs.yml; raise SettingsError naming each bad or missing value."""
    given = extra.get("guide") if hasattr(extra, "get") else None
    if not isinstance(given, dict):
        raise SettingsError("mkdocs.yml: extra.guide is missing (publisher, funding)")
    try:
        return Guide.model_validate(given)
    except ValidationError as err:
        problems = "; ".join(
            f"extra.guide.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in err.errors(include_url=False)
        )
        raise SettingsError(f"mkdocs.yml: {problems}") from None
