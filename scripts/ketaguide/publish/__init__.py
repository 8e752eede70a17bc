"""Publishing the clinic data: pages from templates, JSON-LD, open data, the build's glue."""
