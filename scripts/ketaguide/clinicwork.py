"""The clinic pages, made beside the build.

Reading and checking the clinic data and rendering its pages (each clinic's page, the state
lists, the data files, the directory) cost a build about 0.1 s with the imports they need (the
clinic models, the phone-number library). A command-line build forks as its configuration is
read (on_config): the fork does this work on the machine's other core while the build reads
its theme and pages, and answers with the text of every file. The build takes it when it adds
files (on_files). The build itself imports none of the clinic code.

The fork is made as soon as MkDocs has read the config, before the build imports the rest of
the package (mkdocs_hooks.py), so this module imports little.

Where a fork is not possible or not wise (no os.fork, another thread alive, `mkdocs serve` and
the preview), or the fork gives no answer, the same function runs in the build itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ketaguide import editions, previewmode, sidework
from ketaguide.publish.words import LANGUAGES, Words

TIMEOUT_S = 300  # 10,000 clinics take well under a minute; a hang ends here


@dataclass(frozen=True)
class Made:
    files: dict[str, str]  # path under docs_dir -> text
    directory: str  # the directory's HTML (the directive on clinics/index.md)
    error: str = ""  # what is wrong with the clinic data, formatted: the build stops with it


def make(project: Path, today: dt.date, docs: Path, site_url: str, words: Words) -> Made:
    """The same load and checks as `ketaguide check`, then every clinic file of the build.
    With errors, nothing but them (the preview shows the clinics that pass, and the errors in
    its panels)."""
    from ketaguide.publish import build  # here: the build process need not import it

    try:
        clinics = build.load(project, today, docs)
    except build.ClinicDataError as err:
        if not previewmode.enabled():
            return Made({}, "", str(err))
        from ketaguide import preview

        clinics = preview.valid_clinics(project, today)
    try:
        files = build.generated_files(clinics, today, site_url, words)
    except build.ClinicDataError as err:
        return Made({}, "", str(err))
    directory = build.directory(clinics, today, words)
    return Made({item.path: item.content for item in files}, directory)


def start(config: MkDocsConfig, today: dt.date, beside: bool) -> Pending:
    """The clinic pages of the config's edition (its theme.language), made `beside` the build
    if it can be. Raises editions.UnknownLanguage, or KeyError for an edition without words."""
    lang = editions.of_theme(config.theme.get("language"))
    site_url = editions.edition_url(config.site_url or "", lang)
    project, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    work = functools.partial(make, project, today, docs, site_url, LANGUAGES[lang.code])
    return Pending(work, beside)


class Pending:
    """`make` run in a fork (`beside`) or, when that is not to be had, here on `result`."""

    def __init__(self, work: Callable[[], Made], beside: bool) -> None:
        self._work = work
        self._fork: sidework.Answer | None = None
        if beside and sidework.fork_possible():
            self._start()

    def _start(self) -> None:
        answer_read, answer_write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(answer_read)
            os.close(answer_write)
            return
        if pid == 0:  # the clinic pages' process: never returns
            os.close(answer_read)
            try:
                data = json.dumps({"made": asdict(self._work())}).encode()
            except BaseException:  # the build runs the work again and shows what went wrong
                data = b"{}"
            sidework.send(answer_write, data)
            os._exit(0)
        os.close(answer_write)
        self._fork = sidework.Answer(pid, answer_read)

    def result(self) -> Made:
        if self._fork is not None:
            answer = self._fork.wait(TIMEOUT_S)
            self._fork = None
            if answer is None:
                return Made({}, "", f"the clinic pages were not made within {TIMEOUT_S} s")
            try:
                return Made(**json.loads(answer)["made"])
            except (ValueError, KeyError, TypeError):
                pass  # the process failed: the work is done here, which shows why
        return self._work()

    def stop(self) -> None:
        """End the process (also when the build failed half way)."""
        if self._fork is not None:
            self._fork.stop()
            self._fork = None
