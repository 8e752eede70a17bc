"""`dev.py serve`: the writer's preview, on a copy of the project and a free port.

One preview runs for the module; each test changes a file in the copy and waits (with a timeout)
for what a writer would see: the page served, the finding in the terminal and on the page.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals and process groups")
PROJECT = ("mkdocs.yml", "docs", "overrides", "data", "scripts/ketaguide/mkdocs_hooks.py")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(test: object, timeout: float, step: float = 0.05) -> float | None:
    """Seconds until test() is true, or None after the timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if test():  # type: ignore[operator]
            return time.monotonic() - start
        time.sleep(step)
    return None


@dataclass
class Server:
    root: Path
    port: int
    process: subprocess.Popen[str]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start(root: Path, port: int, log: Path, *args: str) -> subprocess.Popen[str]:
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "ketaguide.serve", "--port", str(port), *args],
            cwd=root,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("project")
    for name in PROJECT:
        source, dest = ROOT / name, root / name
        if source.is_dir():
            shutil.copytree(source, dest)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, dest)
    port, log = free_port(), root / "serve.log"
    process = start(root, port, log)
    running = Server(root, port, process, log)
    try:
        if wait_for(lambda: "Serving on" in running.output(), 120, 0.2) is None:
            pytest.fail(f"the preview did not start:\n{running.output()}")
        yield running
    finally:
        stop(process)


def test_the_preview_runs_the_checks_and_serves_the_site(server: Server) -> None:
    assert re.search(r"^ketaguide check: 0 error\(s\), \d+ warning\(s\)", server.output(), re.M)
    assert "Ketamine Infusion Guide" in get(server.url)
    assert "docs/about/disclaimer.md:" not in server.output()
    assert "kg-preview-findings" not in get(f"{server.url}about/disclaimer/")  # nothing: no panel


def _cpu_seconds(root: int) -> float:
    """CPU time (user + system) used so far by process `root` and every process under it,
    including the children it has waited for (a build step that ran and ended)."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        used[pid] = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    tree, more = set(), {root}
    while more:
        tree |= more
        more = {pid for pid, parent in parents.items() if parent in more} - tree
    return sum(used.get(pid, 0.0) for pid in tree)


def _wait_until_idle(server: Server) -> None:
    """Until the preview has used no CPU and printed nothing for a second: the rebuild timed
    next starts from a server at rest, not in the middle of the last one."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        cpu, out = _cpu_seconds(server.process.pid), server.output()
        time.sleep(1)
        if _cpu_seconds(server.process.pid) - cpu < 0.05 and server.output() == out:
            return
    pytest.fail("the preview never came to rest")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU time from /proc")
def test_a_clinic_file_change_is_served_within_3_seconds(server: Server) -> None:
    """From the save of a clinic file to its changed page being served: under 3 s. Each save is
    timed from a server at rest. On a machine with more runnable jobs than cores, wall time
    measures the queue for a core, so there the preview's own CPU time (its whole process tree,
    from the save to the page) must be under 3 s instead; both numbers are in the message."""
    clinic = server.root / "data" / "clinics" / "medipro-beaverton.yml"
    page = f"{server.url}clinics/medipro-beaverton/"
    text = clinic.read_text(encoding="utf-8")
    runs: list[tuple[float | None, float, float]] = []  # wall s, CPU s, runnable jobs per core
    try:
        for n in range(3):  # the best of three saves
            _wait_until_idle(server)
            name = f"MediPro Pain and Performance {n}"
            cpu = _cpu_seconds(server.process.pid)
            clinic.write_text(text.replace("MediPro Pain & Performance", name), encoding="utf-8")
            wall = wait_for(lambda name=name: name in get(page), 30)  # type: ignore[misc]
            load = os.getloadavg()[0] / (os.cpu_count() or 1)
            runs.append((wall, _cpu_seconds(server.process.pid) - cpu, load))
            if wall is not None and wall < 3:
                break
    finally:
        clinic.write_text(text, encoding="utf-8")
    shown = [
        f"{w if w is None else round(w, 2)} s wall, {c:.2f} s CPU, load {x:.1f}" for w, c, x in runs
    ]
    assert all(wall is not None for wall, _, _ in runs), shown  # served at all, within 30 s
    met = [(wall if load <= 1 else cpu) < 3 for wall, cpu, load in runs]  # type: ignore[operator]
    print("clinic save to page served:", shown)  # shown by pytest -rP
    assert any(met), shown


def test_a_finding_shows_in_the_terminal_and_on_the_page(server: Server) -> None:
    article = server.root / "docs" / "understanding" / "chronic-pain.md"
    text = article.read_text(encoding="utf-8")
    heading = "## What counts as chronic pain?"
    article.write_text(text.replace(heading, f"Ketamine cures pain.\n\n{heading}"), "utf-8")
    page = f"{server.url}understanding/chronic-pain/"
    try:
        assert wait_for(lambda: "kg-preview-findings" in get(page), 20) is not None
        html = get(page)
        assert "error CNT015 misleading-claim &quot;cures&quot;" in html
        assert 'href="../../about/writing-rules/#cnt015"' in html
        assert "docs/understanding/chronic-pain.md:" in server.output()
        assert " error CNT015 misleading-claim " in server.output()
        assert "kg-preview-findings" not in get(f"{server.url}about/disclaimer/")  # only there
    finally:
        article.write_text(text, encoding="utf-8")


def test_broken_front_matter_shows_its_finding_not_only_aborted(server: Server) -> None:
    article = server.root / "docs" / "understanding" / "chronic-pain.md"
    text = article.read_text(encoding="utf-8")
    broken = text.replace("\ndescription: ", "\ndescription: x\nsummary: ", 1)
    article.write_text(broken, encoding="utf-8")
    page = f"{server.url}understanding/chronic-pain/"
    try:
        assert wait_for(lambda: "CNT002 front-matter-invalid" in get(page), 20) is not None
        assert "CNT002 front-matter-invalid" in server.output()
        assert "Aborted with a BuildError" not in server.output()
    finally:
        article.write_text(text, encoding="utf-8")
    assert wait_for(lambda: "CNT002" not in get(page), 20) is not None


def test_a_second_serve_on_the_same_port_exits_1_with_one_line(server: Server) -> None:
    second = subprocess.run(
        [sys.executable, "-m", "ketaguide.serve", "--port", str(server.port)],
        cwd=server.root,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert second.returncode == 1
    assert second.stdout == ""
    assert second.stderr.splitlines() == [
        f"dev.py serve: port {server.port} on 127.0.0.1 is in use (another preview?); "
        "stop it or add --port"
    ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _children(pid: int) -> list[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def test_sigterm_stops_the_server_and_leaves_no_process(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    process = start(ROOT, port, log)
    try:
        assert wait_for(lambda: _children(process.pid), 30) is not None  # mkdocs is building
        child = _children(process.pid)[0]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert wait_for(lambda: not _alive(child), 5) is not None
        with socket.socket() as probe:  # nothing listens any more
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    finally:
        stop(process)


def test_a_change_to_the_tools_restarts_the_preview(server: Server) -> None:
    before = server.output().count("Serving on")
    code = ROOT / "scripts" / "ketaguide" / "preview.py"
    os.utime(code)  # as a save of the file would
    assert wait_for(lambda: "the tools changed; restarting" in server.output(), 10) is not None
    assert wait_for(lambda: server.output().count("Serving on") > before, 60) is not None
    assert "Ketamine Infusion Guide" in get(server.url)


def test_an_override_change_is_served(server: Server) -> None:
    """overrides/ (theme templates, styles, scripts) is watched as docs/ is."""
    style = server.root / "overrides" / "assets" / "stylesheets" / "guide.css"
    text = style.read_text(encoding="utf-8")
    style.write_text(text + "\n/* kg-watch-test */\n", encoding="utf-8")
    try:
        css = f"{server.url}assets/stylesheets/guide.css"
        assert wait_for(lambda: "kg-watch-test" in get(css), 30) is not None
    finally:
        style.write_text(text, encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="127.0.0.2 is a loopback address on Linux")
def test_host_sets_the_address_and_ctrl_c_stops_everything(tmp_path: Path) -> None:
    """--host 127.0.0.2 serves there and not on 127.0.0.1; Ctrl-C (SIGINT) then stops the
    preview and MkDocs with exit 0, and nothing listens any more."""
    port, log = free_port(), tmp_path / "serve.log"
    process = start(ROOT, port, log, "--host", "127.0.0.2")
    try:
        up = wait_for(lambda: "Ketamine Infusion Guide" in get(f"http://127.0.0.2:{port}/"), 180)
        assert up is not None, log.read_text(encoding="utf-8")
        assert get(f"http://127.0.0.1:{port}/") == ""
        child = _children(process.pid)[0]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert wait_for(lambda: not _alive(child), 5) is not None
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.2", port)) != 0
    finally:
        stop(process)
