"""`ketaguide generate OUT [--lang es]`: the files one edition's build makes from the clinic data,
written to a folder (English by default; `--lang es` the Spanish edition's, for docs-es/).

The MkDocs hook adds the same files to the build from the same functions (build.py), so an engine
that runs no hooks (Zensical reads mkdocs.yml but not its hooks) can build the guide from docs/
with OUT laid over it: each clinic's page (with its JSON-LD), the state pages, the open data
clinics.json and the ZIP index the directory's script reads. The directory itself, which the
hook puts in place of the clinic-directory directive, is written as DIRECTORY, an HTML fragment
for such an engine to include. The Spanish edition's files are its clinic and state pages and
its directory, in Spanish; the data files (clinics.json, the ZIP index) are the English
edition's, which both editions read (build.shared_root).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ketaguide.editions import SOURCE, Edition, edition_url
from ketaguide.publish import build, words

DIRECTORY = "clinics/directory.fragment.html"
SITE_URL = "https://ketamine-infusion-guide.github.io/ketamine-infusion-guide/"  # as mkdocs.yml


def files(
    project: Path, today: dt.date, site_url: str | None = None, lang: Edition = SOURCE
) -> list[build.Generated]:
    """What the build of `lang`'s edition generates, in the order the hook adds it; the
    directory last. `site_url` is the site's (English) address; a translation's is under it."""
    clinics = build.load(project, today, project / lang.docs)
    url = os.environ.get("SITE_URL", SITE_URL) if site_url is None else site_url
    said = words.LANGUAGES[lang.code]
    made = build.generated_files(clinics, today, edition_url(url, lang), said)
    return [*made, build.Generated(DIRECTORY, build.directory(clinics, today, said))]


def write(out: Path, made: list[build.Generated]) -> list[Path]:
    """Each file under `out` (folders made as needed); the paths written."""
    written = []
    for item in made:
        path = out / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.content, encoding="utf-8")
        written.append(path)
    return written
