"""Values derived from installed data that are slow to compute: kept on disk between runs.

The ZIP shards the directory's script reads (derived from the ZIP table shipped with the
package) are kept here. Compiling the theme's templates costs about 0.1 s in every build;
template_cache() keeps them.

An entry is a JSON file named by its key: the versions of the packages it is derived from and a
hash of the modules that compute it. A new package version or a code change therefore computes
afresh; nothing is ever edited in place. The folder is $KETAGUIDE_CACHE_DIR, else
$XDG_CACHE_HOME/ketaguide, else ~/.cache/ketaguide. A cache that cannot be read or written is
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
from typing import Any

from jinja2.bccache import Bucket, FileSystemBytecodeCache

ENV_FOLDER = "KETAGUIDE_CACHE_DIR"


def folder() -> Path:
    if os.environ.get(ENV_FOLDER):
        return Path(os.environ[ENV_FOLDER])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ketaguide"


def key(packages: list[str], modules: list[ModuleType]) -> str:
    """A short hash of the packages' versions and the modules' source files."""
    sha = hashlib.sha256()
    for name in packages:
        sha.update(f"{name}=={version(name)}\n".encode())
    for module in modules:
        sha.update(Path(str(module.__file__)).read_bytes())
    return sha.hexdigest()[:20]


def json_value(name: str, entry_key: str, compute: Callable[[], Any]) -> Any:
    """The cached value of `name` for `entry_key`, or compute() (then saved, if possible)."""
    path = folder() / f"{name}-{entry_key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    text = json.dumps(compute(), ensure_ascii=False, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)  # atomic: a parallel reader sees all of it or none
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass
    return json.loads(text)  # the same types as a value read back from the cache


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's on-disk cache of compiled templates, passed over when it cannot be written."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def template_cache(variant: str = "") -> FileSystemBytecodeCache | None:
    """Compiled theme templates kept between builds; Jinja checks each entry against its
    template's source, so an edited or upgraded template compiles afresh. `variant` names
    environment settings compiled into the code (finalize), which Jinja does not check. None
    when the folder cannot be made."""
    path = folder() / ("jinja-" + variant if variant else "jinja")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(path))
