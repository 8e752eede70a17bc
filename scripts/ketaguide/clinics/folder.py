"""Where the build reads the clinic data (a module of its own: the build's safety checks name
the folder without importing the clinic models)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_FOLDER = "data/clinics"
ENV_FOLDER = "KETAGUIDE_CLINICS_DIR"  # build from another folder (tests, previews)


def folder(project_dir: Path) -> Path:
    return Path(os.environ.get(ENV_FOLDER) or project_dir / DEFAULT_FOLDER)
