"""Benchmark: generate N valid clinic files in a temporary folder and validate them all.

    .venv/bin/python benchmarks/clinics_validate.py [N]     (default 10000; target < 5 s)

Prints the time for `ketaguide check` on the folder (a fresh process, as a writer runs it) and
for validate(), the same checks in-process as the site build runs them (on every core).
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ketaguide.clinics import zips
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
website: "https://clinic-{n}.example.org/"
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


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "clinics"
        folder.mkdir()
        generate(folder, count)
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "ketaguide", "check", "--today", "2026-11-22", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        cli = time.perf_counter() - start
        start = time.perf_counter()
        clinics, findings = validate([folder], dt.date(2026, 11, 22))
        inproc = time.perf_counter() - start
    errors = [f for f in findings if f.level == "error"]
    print(f"clinic files:           {count:,}")
    print(f"ketaguide check (CLI):  {cli:.2f} s  exit {result.returncode}  (target < 5 s)")
    print(f"validate() (the build): {inproc:.2f} s  ({count / inproc:,.0f} files/s)")
    print(f"clinics: {len(clinics):,}  errors: {len(errors)}")
    if result.returncode != 0 or errors:
        print(result.stdout[-2000:], result.stderr[-2000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
