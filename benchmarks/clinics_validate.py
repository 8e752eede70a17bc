"""Benchmark: generate N valid clinic files in a temporary folder and validate them all.

    .venv/bin/python benchmarks/clinics_validate.py [N] [RUNS]   (default 10000 3; target < 5 s)

Times `ketaguide check` on the folder (a fresh process, as a writer runs it) on one process
(KETAGUIDE_WORKERS=1) and on the process pool (one worker per core), alternating, RUNS times
each; the first pair runs with the ZIP cache emptied (cold), the rest with it filled (warm).
Prints every run, the spread, and whether the slowest warm run meets the target. Then
validate(), the same checks in-process as the site build runs them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ketaguide import diskcache
from ketaguide.clinics import pool, zips
from ketaguide.clinics.checks import validate

TEMPLATE = """id: {id}
name: "Clinic {n}"
address:
  street: "{n} Main Street"
  city: "Town"
  state: "{state}"
  zip: "{zip}"
geo: {{lat: {lat}, lon: {lon}, precision: zip}}
phone: "({area}) {mid}-{last:04d}"
hours:
  - {{days: [Mo, Tu, We], opens: "09:00", closes: "17:00"}}
  - {{days: [Th, Fr], opens: "08:00", closes: "12:00"}}
services: [iv_ketamine, esketamine_spravato]
telehealth: false
languages: [en]
last_verified: "2026-11-01"
verified_by: phone
source: "Synthetic clinic for the benchmark."
"""


def generate(folder: Path, count: int) -> None:
    rng = random.Random(42)
    places = [
        (code, info)
        for code, info in zips.table().items()
        if info.state in zips.USPS_STATES and zips.in_us(info.lat, info.lon)
    ]
    for n in range(count):
        code, info = rng.choice(places)
        text = TEMPLATE.format(
            id=f"clinic-{n}",
            n=n,
            state=info.state,
            zip=code,
            lat=info.lat,
            lon=info.lon,
            area=503,
            mid=200 + n // 10000,
            last=n % 10000,
        )
        (folder / f"clinic-{n}.yml").write_text(text, encoding="utf-8")


def _cli(folder: Path, workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "ketaguide", "check", "--today", "2026-11-22", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            pool.ENV_WORKERS: str(workers),
            diskcache.ENV_FOLDER: str(folder.parent / "cache"),
        },
    )
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-2000:])
        sys.exit(1)
    return time.perf_counter() - start, result.returncode


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cores = min(os.cpu_count() or 1, pool.MAX_WORKERS)
    sides = {"one process": 1, f"pool of {cores}": cores}
    times: dict[str, list[float]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "clinics"
        folder.mkdir()
        generate(folder, count)
        for run in range(runs):
            for name, workers in sides.items():
                if run == 0:
                    shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)  # cold: no ZIP cache
                seconds, _ = _cli(folder, workers)
                times[name].append(seconds)
                print(f"run {run + 1} {'cold' if run == 0 else 'warm'} {name:>14}: {seconds:.2f} s")
        start = time.perf_counter()
        clinics, findings = validate([folder], dt.date(2026, 11, 22))
        inproc = time.perf_counter() - start
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"clinic files: {count:,}; cores: {os.cpu_count()}; load average {load}; target < 5 s")
    for name, spread in times.items():
        warm = spread[1:] or spread
        verdict = "met" if max(warm) < 5 else "NOT met"
        print(
            f"ketaguide check, {name}: cold {spread[0]:.2f} s; warm {min(warm):.2f} to "
            f"{max(warm):.2f} s ({verdict}: slowest warm run)"
        )
    errors = [f for f in findings if f.level == "error"]
    print(f"validate() (the build): {inproc:.2f} s  ({count / inproc:,.0f} files/s)")
    print(f"clinics: {len(clinics):,}  errors: {len(errors)}")
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
