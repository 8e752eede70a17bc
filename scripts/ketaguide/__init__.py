"""Tooling for the Ketamine Infusion Guide: checks for content and data, and MkDocs hooks."""

__version__ = "0.1.0"
