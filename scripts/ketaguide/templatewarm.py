"""A cold build compiles its templates on the second core, ahead of need.

With an empty disk cache (every deploy from a fresh checkout), compiling the theme's templates
costs the build about 0.25 s, when the theme first renders, after every page is read. A fork of
the build, made as the build starts, compiles them meanwhile (the clinic pages' templates are
compiled by the process that renders those pages: clinicwork.py): the templates the build
renders and every one they name (extends, include, import), into the same on-disk caches Jinja
reads (diskcache.py). Jinja writes each entry whole (a temporary file renamed) and checks it
against its template's source, so the build takes each one it finds there and compiles any
other itself, exactly as without this process. Nothing waits for it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable

from jinja2 import Environment, TemplateError, meta

from ketaguide.sidework import fork_possible, give_way, quiet


def start(jobs: Iterable[tuple[Environment, list[str]]]) -> int | None:
    """Fork the process that fills the caches, at low priority (sidework.give_way): for each
    Jinja environment, the templates named (in the order given, the first needed first). Its
    process id, or None when no environment has a cache that lacks them, or no fork is to be
    had (no os.fork, a thread alive)."""
    cold = [(env, names) for env, names in jobs if env.bytecode_cache is not None and names]
    cold = [(env, names) for env, names in cold if not all(_cached(env, n) for n in names)]
    if not cold or not fork_possible():
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the compiling process: never returns
        try:
            quiet()
            give_way()
            for env, names in cold:
                compile_all(env, names)
        finally:
            os._exit(0)
    return pid


def compile_all(env: Environment, roots: list[str]) -> list[str]:
    """Compile `roots` and every template they name into the cache; the names compiled."""
    assert env.bytecode_cache is not None
    assert env.loader is not None
    done: list[str] = []
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = env.loader.get_source(env, name)
            tree = env.parse(source, name, filename)
        except TemplateError:
            continue  # the build says what is wrong when it loads it
        todo += [n for n in meta.find_referenced_templates(tree) if n]  # None: a computed name
        bucket = env.bytecode_cache.get_bucket(env, name, filename, source)
        if bucket.code is None:
            bucket.code = env.compile(tree, name, filename)
            env.bytecode_cache.set_bucket(bucket)
            done.append(name)
    return done


def _cached(env: Environment, name: str) -> bool:
    assert env.bytecode_cache is not None
    assert env.loader is not None
    try:
        source, filename, _ = env.loader.get_source(env, name)
    except TemplateError:
        return False
    return env.bytecode_cache.get_bucket(env, name, filename, source).code is not None


def reap(pid: int | None) -> None:
    """Collect the process if it has ended (it ends on its own otherwise)."""
    if pid:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
