"""The clinic directory: one YAML file per clinic, validated, then rendered into the site."""
