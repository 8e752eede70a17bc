"""Part of the pages' Markdown, rendered beside the build.

Markdown is most of a build's own work (about 0.4 s of 1.2 s for today's guide). A command-line
build forks once its navigation is known (on_nav). The fork takes the pages from the last one
back, with the very steps MkDocs takes (read the source, the page_markdown hooks, render), and
sends what rendering set on each page. The build takes them from the first one on; at each page
it uses the fork's result if there is one, and otherwise renders the page itself and tells the
fork how far it has come, so the fork stops where the two meet.

What the build takes is what it would have made: a result counts only if the fork rendered the
same Markdown the build has for the page (a hash of it), and a page whose rendering logged or
warned anything, or failed, is left to the build, which then logs, warns or fails as always.
The fork prints nothing. The build never waits on it: a fork that is slow, stuck or gone only
leaves more pages to the build, and it is ended when the pages are read (on_env). Where no core
is spare (buildall's editions, built at once, take both of a two-core machine's), there is no
fork: it would only add its own work to theirs.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import select
import struct
import warnings
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ketaguide import sidework

_LENGTH = struct.Struct("!I")  # each result: its length, then its pickle
_AT = struct.Struct("!i")  # the build's place: the index of the page it renders itself
_LINKS = "links_to_anchors"  # the one result keyed by File objects: sent by path
PIPE_BYTES = 1 << 20  # room for many results while the build is busy with a page


def digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode(), digest_size=16).digest()


class Beside:
    """The fork's results, taken page by page (`use`), and the fork's end (`stop`)."""

    def __init__(self, pages: list[Page], pid: int, results: int, place: int) -> None:
        self._index = {page.file.src_uri: i for i, page in enumerate(pages)}
        self.pid, self._results, self._place = pid, results, place
        self._buffer = bytearray()
        self._ready: dict[int, dict[str, Any]] = {}

    def use(self, page: Page) -> None:
        """Called by the page_markdown hook: the page's rendering is the fork's, if the fork has
        one, else the build's own (and the fork learns how far the build has come)."""
        i = self._index.get(page.file.src_uri)
        if i is None or self.pid == 0:
            return
        self._drain()
        found = self._ready.pop(i, None)
        if found is None:
            with contextlib.suppress(OSError):
                os.write(self._place, _AT.pack(i))
            return
        page.render = _Taken(page, found)  # type: ignore[method-assign]

    def _drain(self) -> None:
        """Every result written so far, without waiting for more."""
        while self._results >= 0 and select.select([self._results], [], [], 0)[0]:
            try:
                chunk = os.read(self._results, PIPE_BYTES)
            except OSError:
                chunk = b""
            if not chunk:  # the fork has ended: nothing more will come
                os.close(self._results)
                self._results = -1
                break
            self._buffer += chunk
        while len(self._buffer) >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(self._buffer)
            if len(self._buffer) < _LENGTH.size + size:
                break
            whole = self._buffer[_LENGTH.size : _LENGTH.size + size]
            i, found = pickle.loads(whole)  # noqa: S301 (written by the build's own fork)
            del self._buffer[: _LENGTH.size + size]
            self._ready[i] = found

    def stop(self) -> None:
        """End the fork (also when the build failed half way) and close the pipes."""
        for fd in (self._results, self._place):
            if fd >= 0:
                os.close(fd)
        self._results = self._place = -1
        if self.pid:
            sidework.end(self.pid)
            self.pid = 0
        self._ready.clear()


class _Taken:
    """Stands in for `page.render` once: the fork's result, set on the page as render sets it.
    Markdown changed after the hook (by another plugin) is rendered here instead."""

    def __init__(self, page: Page, found: dict[str, Any]) -> None:
        self._page, self._found = page, found

    def __call__(self, config: MkDocsConfig, files: Files) -> None:
        page = self._page
        del page.render  # the class's own render again, for any later call
        found = dict(self._found["set"])
        linked = found.get(_LINKS) or {}
        if linked:
            found[_LINKS] = linked = {files.get_file_from_path(u): to for u, to in linked.items()}
        if self._found["digest"] != digest(page.markdown or "") or None in linked:
            page.render(config, files)  # other Markdown, or a file the build does not have
            return
        for name, value in found.items():
            setattr(page, name, value)


def start(pages: list[Page], config: MkDocsConfig, files: Files) -> Beside | None:
    """Fork the renderer of `pages` (in the build's order); None if there is no fork to have,
    or no core for it (the other builds of buildall take them all). Call before any thread
    starts (sidework.fork_possible)."""
    if not pages or not sidework.fork_possible() or not sidework.spare_core():
        return None
    results_read, results_write = os.pipe()
    place_read, place_write = os.pipe()
    with contextlib.suppress(OSError, AttributeError):
        import fcntl

        fcntl.fcntl(results_write, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    try:
        pid = os.fork()
    except OSError:
        for fd in (results_read, results_write, place_read, place_write):
            os.close(fd)
        return None
    if pid == 0:  # the renderer: never returns
        os.close(results_read)
        os.close(place_write)
        _child(pages, config, files, results_write, place_read)
    os.close(results_write)
    os.close(place_read)
    os.set_blocking(place_write, False)
    return Beside(pages, pid, results_read, place_write)


def _child(pages: list[Page], config: MkDocsConfig, files: Files, out: int, place: int) -> None:
    try:
        sidework.quiet()  # the build says it all, for the pages it renders
        os.set_blocking(place, False)
        said = _Said()
        build_at = -1
        for i in reversed(range(len(pages))):
            build_at = max(build_at, _build_place(place))
            if i <= build_at:
                break
            data = _render(i, pages[i], config, files, said)
            if data is not None:
                sidework.send(out, _LENGTH.pack(len(data)) + data)
    finally:
        os._exit(0)


class _Said:
    """Whether anything was logged or warned since `anything` was last set False: such a page
    is left to the build."""

    def __init__(self) -> None:
        self.anything = False
        said = self

        def handle(logger: logging.Logger, record: logging.LogRecord) -> bool:
            said.anything = True  # every record a logger lets through, printed or not
            return False

        def show(*args: object, **kwargs: object) -> None:
            said.anything = True

        logging.Logger.handle = handle  # type: ignore[method-assign,assignment]
        warnings.showwarning = show


def _build_place(place: int) -> int:
    """The last page the build has said it renders itself (-1: none yet)."""
    data = b""
    with contextlib.suppress(BlockingIOError, OSError):
        while chunk := os.read(place, 4096):
            data += chunk
    whole = len(data) - len(data) % _AT.size
    return _AT.unpack_from(data, whole - _AT.size)[0] if whole else -1


def _render(i: int, page: Page, config: MkDocsConfig, files: Files, said: _Said) -> bytes | None:
    """MkDocs' steps for page `i` up to rendering (mkdocs.commands.build._populate_page): what
    rendering set on the page, pickled, or None for a page the build is to render itself."""
    said.anything = False
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        before = dict(vars(page))
        page.render(config, files)
        changed = {k: v for k, v in vars(page).items() if k not in before or before[k] is not v}
        if isinstance(changed.get(_LINKS), dict):
            changed[_LINKS] = {f.src_uri: links for f, links in changed[_LINKS].items()}
        found = {"digest": digest(page.markdown or ""), "set": changed}
        data = pickle.dumps((i, found), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # anything that fails, or cannot travel: the build renders the page
        return None
    finally:
        config._current_page = None
    return None if said.anything else data
