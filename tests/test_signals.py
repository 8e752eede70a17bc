"""No test and no in-process code leaves Ctrl-C (SIGINT) or SIGTERM ignored or blocked in the
test process: every process a later test starts would inherit it through exec."""

from __future__ import annotations

import os
import signal
import subprocess
from typing import Any

import pytest

from ketaguide import serve
from tests.conftest import stop_signals

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signal masks")


def _handler(signum: int, frame: object) -> None:
    """A handler this process never had (SIGINT may already be ignored: see below)."""


def test_the_guard_sees_a_changed_or_blocked_sigint() -> None:
    """The guard sees a test that changes or blocks SIGINT. (The one place a test process got an
    ignored SIGINT was its start: a shell without job control starts `pytest ... &` with SIGINT
    ignored, and exec keeps that; the Ctrl-C test gives its child the default, as a terminal
    does.)"""
    before = stop_signals()
    old = signal.signal(signal.SIGINT, _handler)
    try:
        assert stop_signals() != before
    finally:
        signal.signal(signal.SIGINT, old)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        assert stop_signals() != before
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    assert stop_signals() == before


class _Started:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])


class _Refused:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise OSError("no such program")


@pytest.mark.parametrize("popen", [_Started, _Refused])
def test_starting_the_preview_holds_the_stop_signals_only_while_it_forks(
    popen: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    """serve.Preview.start blocks SIGINT and SIGTERM around its fork (so a stop signal that
    comes then waits for the child to be known), and unblocks them after, even on a failure."""
    before = stop_signals()
    monkeypatch.setattr(subprocess, "Popen", popen)
    preview = serve.Preview("127.0.0.1", 8000)
    if popen is _Refused:
        with pytest.raises(OSError, match="no such program"):
            preview.start()
    else:
        preview.start()
        assert {signal.SIGINT, signal.SIGTERM} <= preview.child.blocked  # type: ignore[union-attr]
    assert stop_signals() == before
