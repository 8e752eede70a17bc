"""What the build adds to pages from the review records: the byline under each title, the
disclosure directives, the "Where to get more help" box, and the schema.org review metadata.
Templates in overrides/partials/ write the HTML, in the words of the theme's `kg_say` (the
edition's language); this module passes them data."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ketaguide.editions import SOURCE, Edition
from ketaguide.findings import format_text
from ketaguide.pages.directives import DISCLOSURES
from ketaguide.pages.frontmatter import FrontMatter
from ketaguide.pages.page import Page
from ketaguide.review import byline, settings
from ketaguide.review.status import Project, is_medical
from ketaguide.translations import notice

# Not a logger under "mkdocs": strict mode counts those, and a missing report address is a
# notice for the maintainers, not a broken page.
_log = logging.getLogger("ketaguide.build")


# The theme's partials this module renders into each page (a cold build compiles them ahead).
PARTIALS = (
    "byline.html",
    "urgent-help.html",
    "translation-behind.html",
    "more-help.html",
    "disclosure.html",
)


class ReviewDataError(Exception):
    """mkdocs.yml's extra.guide or the review records have errors; the message lists them."""


class Site:
    def __init__(self, project: Path, extra: Any, env: Environment, lang: Edition = SOURCE) -> None:
        try:
            self.guide = settings.from_extra(extra)
        except settings.SettingsError as err:
            raise ReviewDataError(str(err)) from None
        if self.guide.report_error is None:
            _log.warning(settings.NO_REPORT_ADDRESS)
        self.records = Project.load(project)  # a Spanish page's history: the Spanish log
        errors = [f for f in self.records.findings if f.level == "error"]
        if errors:
            raise ReviewDataError(
                "review records have errors:\n" + "\n".join(map(format_text, errors))
            )
        self.env = env
        self.lang = lang

    def _render(self, name: str, context: dict[str, Any]) -> str:
        return self.env.get_template(f"partials/{name}").render(context)

    def disclosures(self, context: dict[str, Any]) -> dict[str, Callable[[str], str]]:
        """A directive filler for each disclosure: its HTML, one block for Markdown."""
        people = sorted(self.records.reviewers.values(), key=lambda r: r.name)

        def fill(part: str) -> Callable[[str], str]:
            def html(at: str) -> str:
                extra = {"part": part, "guide": self.guide, "reviewers": people}
                out = self._render("disclosure.html", {**context, **extra})
                return "\n".join(line for line in out.splitlines() if line.strip())

            return html

        return {part: fill(part) for part in DISCLOSURES}

    def decorate(
        self,
        head: str,
        rest: str,
        key: str,
        source: Page,
        front: FrontMatter,
        today: dt.date,
        context: dict[str, Any],
    ) -> tuple[str, dict[str, Any]]:
        """The page's HTML with its byline (and urgent help) under the title and the help box
        above its sources, and its schema.org review metadata."""
        facts = byline.context(self.records, key, source, front, today)
        context = {**context, "meta": front, "byline": facts}
        parts = [self._render("byline.html", context)]
        if front.crisis:
            parts.append(self._render("urgent-help.html", context))
        behind = notice.behind(source.path, context["page"].url)  # a Spanish page only
        if behind:
            parts.append(self._render("translation-behind.html", {**context, "behind": behind}))
        if is_medical(front):
            rest = _before_sources(rest, self._render("more-help.html", context))
        ld = byline.metadata(self.records, key, front, facts["clinical"], facts["language"])
        return head + "\n".join(parts) + rest, ld


def _before_sources(html: str, aside: str) -> str:
    """Put `aside` at the end of the text, above the list of sources when there is one."""
    at = html.find('<div class="footnote"')
    return html + aside if at < 0 else html[:at] + aside + html[at:]
