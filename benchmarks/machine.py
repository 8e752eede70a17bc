"""The machine a benchmark ran on, written beside its results."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from common import versions


def machine(command: str) -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    free = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout
    load = Path("/proc/loadavg").read_text().split()[:3]
    return {
        "date": dt.date.today().isoformat(),
        "command": f".venv/bin/python {command}",
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "load": " ".join(load),
        "free": free.rstrip(),
        "python": platform.python_version(),
        "packages": versions(),
    }
