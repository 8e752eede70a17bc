"""Values derived from installed data that are slow to compute: kept on disk between runs.

The ZIP shards the directory's script reads (derived from the ZIP table shipped with the
package) are kept here. Compiling the theme's templates costs about 0.1 s in every build;
template_cache() keeps them.

An entry is a JSON file named by its key: the versions of the packages it is derived from and a
hash of the modules that compute it. A new package version or a code change therefore computes
afresh; nothing is ever edited in place. A value read back is validated against its shape; one
that does not fit (damaged, or written by other code) is computed again and replaced.

The folder is the project's own `.cache/ketaguide/` (git ignores `.cache/`, as for Material's
plugins), or $KETAGUIDE_CACHE_DIR. Nothing is kept outside the checkout: installed elsewhere,
with no project around it, the package keeps no cache. A cache that cannot be read or written is
passed over: the value is computed, exactly as without a cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from jinja2.bccache import Bucket, FileSystemBytecodeCache
from pydantic import TypeAdapter

ENV_FOLDER = "KETAGUIDE_CACHE_DIR"
T = TypeVar("T")


# The checkout this package is installed from (pip install -e): scripts/ketaguide/ lies in it.
PROJECT = Path(__file__).resolve().parents[2]


def folder() -> Path | None:
    """Where entries are kept, or None when there is no project to keep them in."""
    if os.environ.get(ENV_FOLDER):
        return Path(os.environ[ENV_FOLDER])
    if (PROJECT / "mkdocs.yml").is_file():
        return PROJECT / ".cache" / "ketaguide"
    return None


def key(packages: list[str], modules: list[ModuleType]) -> str:
    """A short hash of the packages' versions and the modules' source files."""
    sha = hashlib.sha256()
    for name in packages:
        sha.update(f"{name}=={version(name)}\n".encode())
    for module in modules:
        sha.update(Path(str(module.__file__)).read_bytes())
    return sha.hexdigest()[:20]


def json_value(name: str, entry_key: str, compute: Callable[[], T], shape: TypeAdapter[T]) -> T:
    """The cached value of `name` for `entry_key` if it has the `shape` (strict JSON types),
    else compute() (then saved, if possible)."""
    base = folder()
    path = base / f"{name}-{entry_key}.json" if base else None
    if path is not None:
        try:
            return shape.validate_json(path.read_bytes(), strict=True)
        except (OSError, ValueError):  # missing, unreadable, not JSON, or not of the shape
            pass
    text = json.dumps(compute(), ensure_ascii=False, separators=(",", ":"))
    if path is not None:
        _save(path, text)
    return shape.validate_json(text, strict=True)  # the same types as a value read back


def _save(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)  # atomic: a parallel reader sees all of it or none
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass


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
