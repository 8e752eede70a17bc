"""Clinic data: one YAML file per clinic, read into the model and checked (nothing rendered)."""
