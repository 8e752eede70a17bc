"""Link checks: the built site's own links and anchors (offline), and outside links (opt-in)."""
