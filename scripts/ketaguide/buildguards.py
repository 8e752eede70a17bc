"""What the build refuses, found by the same code as `ketaguide check`, in the same words."""

from __future__ import annotations

from pathlib import Path

from ketaguide import safefile
from ketaguide.clinics.folder import folder as clinic_folder
from ketaguide.content import restated
from ketaguide.findings import Finding, format_text
from ketaguide.pages import shared
from ketaguide.pages.page import Page


def unsafe_files(docs_dir: Path, project: Path, custom_dir: str | None) -> list[str]:
    """FIL001 for every symlink or special file in docs/, data/ and overrides/, before MkDocs
    collects (and follows) anything."""
    roots = [docs_dir, project / "data", clinic_folder(project)]
    if custom_dir:
        roots.append(Path(custom_dir))
    return sorted({format_text(f) for f in safefile.scan(dict.fromkeys(roots))})


def includes(source: Page, path: str) -> list[Finding]:
    """Shared statements are read by the same code as `ketaguide check`: an include that the
    snippets extension would skip in silence (a loop, a link) stops the build here instead."""
    if "8<-" not in source.body:
        return []
    found = shared.expand(source.body, source.path, path, source.body_line)
    where = [found.origins[p.line - 1] for p in found.problems]
    return [
        Finding(o.path, o.line, p.col, restated.INCLUDE, p.message)
        for o, p in zip(where, found.problems, strict=True)
    ]
