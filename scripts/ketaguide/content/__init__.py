"""The rules on the Markdown pages under docs/ (reading a page is pages/)."""
