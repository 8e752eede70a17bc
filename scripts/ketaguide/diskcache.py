"""Compiled theme templates, kept on disk between builds (compiling them costs about 0.1 s in
every build). Jinja checks each entry against its template's source. (The ZIP table and the
directory's ZIP shards ship ready-made with the package: see clinics/zips.py.)

The folder is the project's own `.cache/ketaguide/` (git ignores `.cache/`, as for Material's
plugins), or $KETAGUIDE_CACHE_DIR. Nothing is kept outside the checkout: installed elsewhere,
with no project around it, the package keeps no cache. A cache that cannot be read or written is
passed over: the value is computed, exactly as without a cache.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

ENV_FOLDER = "KETAGUIDE_CACHE_DIR"


# The checkout this package is installed from (pip install -e): scripts/ketaguide/ lies in it.
PROJECT = Path(__file__).resolve().parents[2]


def folder() -> Path | None:
    """Where entries are kept, or None when there is no project to keep them in."""
    if os.environ.get(ENV_FOLDER):
        return Path(os.environ[ENV_FOLDER])
    if (PROJECT / "mkdocs.yml").is_file():
        return PROJECT / ".cache" / "ketaguide"
    return None


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's on-disk cache of compiled templates, passed over when it cannot be written."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache(variant: str = "") -> FileSystemBytecodeCache | None:
    """Compiled theme templates kept between builds; Jinja checks each entry against its
    template's source, so an edited or upgraded template compiles afresh. `variant` names
    environment settings compiled into the code (finalize), which Jinja does not check. None
    when there is no project or the folder cannot be made."""
    base = folder()
    if base is None:
        return None
    path = base / ("jinja-" + variant if variant else "jinja")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(path))
