"""Whether this process is the writer's preview: `dev.py serve` sets KETAGUIDE_PREVIEW=1 for the
`mkdocs serve` it runs. Apart from preview.py, which imports the front-matter model, so the build
can ask before it imports anything heavy (mkdocs_hooks.py)."""

from __future__ import annotations

import os

ENV = "KETAGUIDE_PREVIEW"


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def plain_build(command: str) -> bool:
    """`mkdocs build` (MkDocs' `command`), not serve or the preview: work may go to processes
    beside it."""
    return command == "build" and not enabled()
