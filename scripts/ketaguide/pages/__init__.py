"""Reading a page: text, front matter and lines, as the build and the rules both use them."""
