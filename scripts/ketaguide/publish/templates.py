"""The Jinja templates of the clinic pages (overrides/partials/clinics/), with autoescape on.

Python hands the templates data (the validated clinic, the words of one language); markup is
written only in the templates, and every value is escaped unless a template marks it as markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ketaguide import diskcache
from ketaguide.clinics import phone
from ketaguide.clinics.kinds import language_name
from ketaguide.dates import long_date
from ketaguide.publish.jsonld import script_safe
from ketaguide.publish.say import fill

# The project's theme folder (mkdocs.yml: theme.custom_dir); the package is installed in place.
OVERRIDES = Path(__file__).resolve().parents[3] / "overrides"


@cache
def environment(overrides: Path = OVERRIDES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(overrides),
        autoescape=True,
        auto_reload=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # Compiled templates kept apart from the theme's: these settings are compiled in.
        bytecode_cache=diskcache.template_cache("clinics"),
    )
    env.filters.update(
        fill=fill,
        long_date=long_date,
        e164=phone.e164,
        phone_display=phone.display,
        script_json=lambda data: Markup(script_safe(data)),  # noqa: S704 (no <, > or & left)
        language_name=language_name,
    )
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(f"partials/clinics/{name}").render(**context)
