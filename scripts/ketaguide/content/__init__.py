"""Checks on the Markdown pages under docs/."""
