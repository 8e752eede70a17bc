"""The editor schema (JSON Schema), generated from the clinic model; never edited by hand."""

from __future__ import annotations

from pathlib import Path

from ketaguide.clinics.model import Clinic
from ketaguide.schemafile import SchemaFile

FILE = SchemaFile(
    Path("schemas/clinic.schema.json"),
    "scripts/ketaguide/clinics/model.py",
    Clinic.model_json_schema,
)
SCHEMA_PATH, render, is_fresh, write = FILE.path, FILE.render, FILE.is_fresh, FILE.write
