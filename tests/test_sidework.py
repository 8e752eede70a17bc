"""Work beside the build (sidework.py): what nothing waits for runs at a lower priority, so the
build keeps its core; a fork's answer comes back whole, or not at all once its time is up."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from ketaguide import searchservice, sidework


def test_a_process_beside_the_build_gives_way_to_it() -> None:
    code = (
        "import os; from ketaguide import sidework; before = os.nice(0); sidework.give_way(); "
        "print(os.nice(0) - before)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    own = os.getpriority(os.PRIO_PROCESS, 0)
    assert int(done.stdout) == min(sidework.BESIDE_NICE, 19 - own)


def test_pagefind_beside_the_build_gives_way_to_it() -> None:
    own = os.getpriority(os.PRIO_PROCESS, 0)
    indexer = searchservice.Indexer()
    indexer.start()
    try:
        pid = indexer._process.pid if indexer._process else 0
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(own + sidework.BESIDE_NICE, 19)
    finally:
        indexer.stop()


def test_an_answer_comes_back_whole_or_not_at_all_once_its_time_is_up() -> None:
    read, write = os.pipe()
    data = bytes(range(256)) * 1000  # more than a pipe holds
    writer = threading.Thread(target=lambda: (sidework.send(write, data), os.close(write)))
    writer.start()
    assert sidework.receive(read, 30) == data
    writer.join()
    os.close(read)
    read, write = os.pipe()
    os.write(write, b"half")
    assert sidework.receive(read, 0.2) is None  # the writer never closed it
    os.close(read)
    os.close(write)


@pytest.mark.parametrize(
    ("cores", "at_once", "spare"),
    [(2, None, True), (2, "2", False), (4, "2", True), (1, None, False), (2, "x", True)],
)
def test_a_core_is_spare_only_beside_every_build_at_once(
    monkeypatch: pytest.MonkeyPatch, cores: int, at_once: str | None, spare: bool
) -> None:
    monkeypatch.setattr(sidework.os, "cpu_count", lambda: cores)
    if at_once is None:
        monkeypatch.delenv(sidework.AT_ONCE, raising=False)
    else:
        monkeypatch.setenv(sidework.AT_ONCE, at_once)
    assert sidework.spare_core() is spare
