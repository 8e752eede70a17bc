"""The editor schema for data/reviewers.yml (JSON Schema), generated from the Reviewer model."""

from __future__ import annotations

from pathlib import Path

from ketaguide.review.reviewers import Reviewer
from ketaguide.schemafile import SchemaFile

FILE = SchemaFile(
    Path("schemas/reviewers.schema.json"),
    "scripts/ketaguide/review/reviewers.py",
    lambda: {"title": "Clinical reviewers", "type": "array", "items": Reviewer.model_json_schema()},
)
SCHEMA_PATH, render, is_fresh, write = FILE.path, FILE.render, FILE.is_fresh, FILE.write
