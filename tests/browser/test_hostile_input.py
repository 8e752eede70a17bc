"""Every XSS payload of tests/ in every clinic field and every front-matter field (issue 12).

Each value is either refused (a located error in `ketaguide check`, and the build stops) or
published, and then, in Chromium, no dialog opens, no element carries an event handler or a
script link, and nothing is requested from another host.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from ketaguide import checks
from tests import minisite
from tests.browser.conftest import served
from tests.conftest import FIXTURES
from tests.payloads import found_in_tests

pytestmark = pytest.mark.build

CLINIC_FIELDS: list[tuple[str | int, ...]] = [
    ("name",),
    ("address", "street"),
    ("address", "city"),
    ("address", "state"),
    ("address", "zip"),
    ("phone",),
    ("website",),
    ("email",),
    ("hours_note",),
    ("source",),
    ("hours", 0, "opens"),
]
FRONT_FIELDS = ["title", "description", "author", "clinical_review"]
TODAY = dt.date.today()
EXAMPLE = yaml.safe_load((FIXTURES / "clinics" / "valid" / "example-clinic.yml").read_text())
# Finds what could run a script: an on* attribute, a script URL where a URL goes, a stray script.
_DOM_CHECK = """() => Array.from(document.querySelectorAll('*')).flatMap(el => [
  ...Array.from(el.attributes).filter(a => /^on/i.test(a.name)
      || (/^(href|src|action|formaction|xlink:href|data|poster|srcset)$/i.test(a.name)
          && /^\\s*(javascript|vbscript|data):/i.test(a.value)))
    .map(a => el.tagName + ' ' + a.name),
  ...(el.tagName === 'SCRIPT' && !el.src && el.type !== 'application/ld+json'
      && /alert|PWNED/.test(el.textContent) ? ['SCRIPT ' + el.textContent.slice(0, 40)] : []),
])"""


def _set(data: Any, key: tuple[str | int, ...], value: str) -> None:
    for part in key[:-1]:
        data = data[part]
    data[key[-1]] = value


def _padded(field: str, value: str) -> str:
    if field == "description":
        return (value + " is one value this page carries in its description.").strip()
    return value if len(value) >= 3 else value + " x."


def _page(n: int, fields: dict[str, str]) -> str:
    front: dict[str, Any] = {
        "title": f"Hostile page {n}",
        "description": "A test page that carries hostile values in its front matter.",
        "last_reviewed": TODAY.isoformat(),
        "next_review": (TODAY + dt.timedelta(days=180)).isoformat(),
        "page_type": "reference",
        **fields,
    }
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n\n# Hostile page {n}\n\nThis page holds hostile front matter.\n"


def _clinic(ident: str, fields: dict[tuple[str | int, ...], str]) -> str:
    data = yaml.safe_load(yaml.safe_dump(EXAMPLE))
    data["id"] = ident
    for key, value in fields.items():
        _set(data, key, value)
    # Every scalar a quoted string, as the guide's YAML asks (a bare 09:00 is refused)
    return yaml.safe_dump(_text(data), allow_unicode=True, width=1000, default_style='"')


def _text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_text(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# The rules the build applies to a page too (the rest, such as spelling, are for `check` only
# and do not keep a page off the site: such a page is published, and tested in Chromium).
BUILD_RULES = ("SEC", "YML", "FIL", "CNT001", "CNT002", "CNT003")


def _errors(folder: Path) -> dict[str, list[Any]]:
    """Each file's errors from `ketaguide check` that also stop the build."""
    found: dict[str, list[Any]] = {}
    for finding in checks.run([folder], TODAY):
        page = finding.path.endswith(".md")
        if finding.level == "error" and (not page or finding.rule.id.startswith(BUILD_RULES)):
            found.setdefault(Path(finding.path).name, []).append(finding)
    return found


Accepted = tuple[dict[int, dict[str, str]], dict[int, dict[Any, str]]]


def _one_by_one(tmp: Path, payloads: list[str]) -> Accepted:
    """Each payload in each field on its own. A refused value is a located error in check, and
    the build stops naming its file; the rest are kept for the published site (every accepted
    field of a payload together)."""
    pages = {
        f"p{n}-{f}.md": _page(n, {f: _padded(f, p)})
        for n, p in enumerate(payloads)
        for f in FRONT_FIELDS
    }
    root = minisite.project(tmp / "one", pages)
    clinics = root / "data" / "clinics"
    clinics.mkdir(parents=True)
    for n, payload in enumerate(payloads):
        for i, key in enumerate(CLINIC_FIELDS):
            (clinics / f"c{n}-{i}.yml").write_text(_clinic(f"c{n}-{i}", {key: payload}), "utf-8")
    errors = _errors(root / "docs") | _errors(clinics)
    for name, found in errors.items():
        assert all(f.line is not None for f in found), (name, found)  # located, always
    refused = {
        "pages": minisite.build(root),
        "clinics": minisite.build(root, env={"KETAGUIDE_CLINICS_DIR": str(clinics)}),
    }
    for kind, result in refused.items():
        assert result.returncode == 1, kind
        assert "Traceback" not in result.stderr
        names = [n for n in errors if n.endswith(".md" if kind == "pages" else ".yml")]
        assert names, kind
        assert [name for name in names if name not in result.stderr] == [], kind
    accepted_pages = {
        n: {f: _padded(f, p) for f in FRONT_FIELDS if f"p{n}-{f}.md" not in errors}
        for n, p in enumerate(payloads)
    }
    accepted_clinics = {
        n: {k: p for i, k in enumerate(CLINIC_FIELDS) if f"c{n}-{i}.yml" not in errors}
        for n, p in enumerate(payloads)
    }
    return accepted_pages, accepted_clinics


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("hostile")
    payloads = found_in_tests()
    pages, clinics = _one_by_one(tmp, payloads)
    assert any(pages.values())  # some values do reach the site
    assert any(clinics.values())
    folder = tmp / "clinics"
    folder.mkdir()
    for n, fields in clinics.items():
        (folder / f"hostile-{n}.yml").write_text(_clinic(f"hostile-{n}", fields), "utf-8")
    directory = minisite.page("Clinics", "# Clinics\n\n<!-- ketaguide:clinic-directory -->\n")
    docs = {f"hostile-{n}.md": _page(n, fields) for n, fields in pages.items()}
    root = minisite.project(tmp / "site-src", {**docs, "clinics/index.md": directory})
    result = minisite.build(root, env={"KETAGUIDE_CLINICS_DIR": str(folder)})
    assert result.returncode == 0, result.stderr[-3000:]
    with served(root / "site") as base:
        yield base, root / "site"


def test_no_payload_runs_or_loads_anything_in_chromium(
    chromium: Any, hostile_site: tuple[str, Path]
) -> None:
    base, site = hostile_site
    page = chromium.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert sum(p.startswith("hostile-") for p in paths) > 5
    assert sum(p.startswith("clinics/hostile-") for p in paths) > 5
    for path in paths:
        page.goto(f"{base}/{path}")
        page.keyboard.press("Tab")  # focus moves: an autofocus or onfocus payload would fire
        page.mouse.move(300, 200)
        assert page.evaluate(_DOM_CHECK) == [], path
    assert dialogs == []
    assert outside == []
    page.close()
