"""`ketaguide links --external` keeps every answer found before its deadline (issue 12, item 8).

Stub servers on 127.0.0.1 only: ten hosts that never answer and one that answers 404.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ketaguide.cli import main
from ketaguide.links import external


class _Slow(http.server.BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        self.release.wait(60)  # holds the request until the test ends

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Gone(_Slow):
    def do_GET(self) -> None:
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET


@pytest.fixture
def hosts() -> Iterator[tuple[list[str], str]]:
    """Ten slow hosts and one that answers 404 Not Found (each its own port: its own host)."""
    servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow) for _ in range(10)]
    servers.append(http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Gone))
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]
    yield urls[:-1], urls[-1]
    _Slow.release.set()
    for server in servers:
        server.shutdown()
        server.server_close()
    _Slow.release.clear()


def _page(tmp_path: Path, slow: list[str], gone: str) -> Path:
    lines = [f"Slow [{n}]({url}/page{n})." for n, url in enumerate(slow)]
    page = tmp_path / "page.md"
    page.write_text("\n".join([*lines, f"Gone [x]({gone}/gone)."]) + "\n", encoding="utf-8")
    return page


def test_a_404_is_kept_when_slow_hosts_reach_the_deadline(
    tmp_path: Path, hosts: tuple[list[str], str]
) -> None:
    slow, gone = hosts
    page = _page(tmp_path, slow, gone)
    settings = external.Settings(timeout=30, retries=0, deadline=8, cache_dir=tmp_path / "c")
    started = time.monotonic()
    found = list(external.check_external([page], settings))
    assert time.monotonic() - started < 8 + 10
    broken = [f for f in found if f.rule.id == "LNK003"]
    assert [(f.line, f.level) for f in broken] == [(11, "error")]
    assert broken[0].message.startswith(f"{gone}/gone: ")
    unchecked = sorted((f.line, f.message) for f in found if f.rule.id == "LNK004")
    assert unchecked == [
        (n + 1, f"{url}/page{n}: not checked before the 8 s deadline") for n, url in enumerate(slow)
    ]


def test_the_command_exits_1_on_a_broken_link_found_before_the_deadline(
    tmp_path: Path, hosts: tuple[list[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(tmp_path, *hosts)
    args = ["links", "--external", "--timeout", "30", "--deadline", "8", str(page)]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "error LNK003 external-broken" in out
    assert out.count("not checked before the 8 s deadline") == 10


def test_an_unreachable_host_is_named_as_such(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("[a](http://127.0.0.1:9/a) [b](http://127.0.0.1:9/b)\n", encoding="utf-8")
    settings = external.Settings(timeout=2, retries=0, deadline=60, cache_dir=tmp_path / "c")
    found = sorted(external.check_external([page], settings), key=lambda f: f.sort_key())
    assert [(f.rule.id, f.line, f.col, f.level) for f in found] == [
        ("LNK004", 1, 1, "warning"),
        ("LNK004", 1, 27, "warning"),
    ]
    for finding, path in zip(found, "ab", strict=True):
        assert finding.message.startswith(
            f"http://127.0.0.1:9/{path}: could not reach the host 127.0.0.1:9: "
        )
        assert "network" not in finding.message


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--timeout", "-5", "--timeout: '-5' is not a whole number of seconds from 1 to 300"),
        ("--timeout", "0", "--timeout: '0' is not a whole number of seconds from 1 to 300"),
        ("--timeout", "soon", "--timeout: 'soon' is not a whole number of seconds from 1 to 300"),
        ("--deadline", "-1", "--deadline: '-1' is not a number of seconds from 1 to 86400"),
        ("--deadline", "nan", "--deadline: 'nan' is not a number of seconds from 1 to 86400"),
    ],
)
def test_options_are_validated_with_a_one_line_usage_error(
    option: str, value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["links", "--external", option, value])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines() == [f"ketaguide links: error: argument {message}"]
