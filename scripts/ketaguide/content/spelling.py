"""Spelling: codespell's list of common misspellings, minus the project's own words.

codespell reports file and line; the column is found here, and a report inside code, a link
address or HTML is dropped. Words codespell mistakes for typos (ECT, HSA) go in
scripts/ketaguide/data/spelling-words.txt, one per line, with a comment saying what each is.

English pages only. codespell has no Spanish list, and the offline Spanish dictionaries
(hunspell's es_ES/es_MX through pyenchant or spylls, pyspellchecker's word-frequency list) flag
every correct drug, brand and medical term they lack: on the guide's Spanish pages that would be
hundreds of findings, silenced only by a word list that records what the pages say rather than
what is correct. Spanish spelling is checked by the separate reviewer who compares each Spanish
page with its English page, sentence by sentence, and logs the review.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import codespell_lib

from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.pages.markdown import Line, mask_inline
from ketaguide.paths import shown
from ketaguide.rules import Rule

WORDS_FILE = "spelling-words.txt"

SPELLING = Rule(
    "CNT020",
    "spelling",
    "error",
    "A word is a common misspelling (codespell).",
    why="Typos cost trust, and in drug names or doses they can mislead.",
    fix="Use the spelling the finding suggests. If the word is right (a medical abbreviation "
    "such as ECT), add it in lower case to scripts/ketaguide/data/spelling-words.txt with a "
    "comment.",
    languages=("en",),  # codespell knows English misspellings only: see the module's docstring
)

_REPORT = re.compile(r"^(?P<path>.*):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


def words_path() -> Path:
    return Path(str(resources.files("ketaguide") / "data" / WORDS_FILE))


@functools.cache
def project_words() -> tuple[str, ...]:
    lines = words_path().read_text(encoding="utf-8").splitlines()
    return tuple(w for line in lines if (w := line.split("#")[0].strip()))


def _run_codespell(files: list[str]) -> list[re.Match[str]]:
    args = ["--disable-colors", "--quiet-level", "35"]
    if project_words():
        args += ["--ignore-words-list", ",".join(project_words())]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = codespell_lib.main(*args, "--", *files)
    if status not in (0, 65):  # 65: misspellings found
        raise RuntimeError(f"codespell failed with status {status}")
    return [m for line in out.getvalue().splitlines() if (m := _REPORT.match(line))]


def _visible(line: Line) -> str:
    """The part of a line a reader sees as words; everything else is spaces."""
    if line.kind == "front":
        return line.raw
    if line.kind == "footnote":
        return mask_inline(line.raw)
    return line.text


def _columns(line: Line, word: str) -> list[int]:
    visible = _visible(line)
    pattern = re.compile(rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w'\u2019-])")
    return [m.start() + 1 for m in pattern.finditer(visible)]


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    # codespell reads the files; a page's shared statements (pages/shared.py) are read as
    # their own files, and each reported line is found in the expanded page it belongs to.
    where: dict[tuple[str, int], tuple[source.Source, int]] = {}
    files: dict[str, str] = {}
    for src in source.load(paths):
        if src.language != "en":  # codespell's list is of English misspellings
            continue
        files[str(src.file)] = src.path
        if src.includes is not None:
            files.update({str(f): shown(f) for f in src.includes.used})
        for index, origin in enumerate(source.origins(src)):
            where.setdefault((origin.path, origin.line), (src, index))
    if not files:
        return
    seen: set[tuple[str, int, int]] = set()
    for report in _run_codespell(list(files)):
        found = where.get((files[report["path"]], int(report["line"])))
        if found is None:
            continue
        src, index = found
        line = src.lines[index]
        for col in _columns(line, report["word"]):
            if (src.path, line.number, col) in seen:
                continue
            seen.add((src.path, line.number, col))
            message = f'"{report["word"]}" may be a misspelling of {report["fix"]}'
            yield Finding(src.path, line.number, col, SPELLING, message)
