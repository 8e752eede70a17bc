"""Glossary terms marked where tooltips.py keeps them: the abbr extension's own pass marks
every use of every term, and tooltips.py then turns the first use outside a link, button,
label or summary into the tooltip and every other use back into plain text. This pass marks
only those first uses, so the page's HTML is the same, with less of it made and read again
(the side-effects page had 79 marked uses, each with its definition).

It replaces the abbr extension's tree pass and keeps the rest of that extension (the
glossary and a page's own `*[term]: definition` lines)."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator
from typing import Any

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.extensions.abbr import AbbrTreeprocessor  # type: ignore[import-untyped]
from markdown.util import HTML_PLACEHOLDER, AtomicString  # type: ignore[import-untyped]

INTERACTIVE = frozenset({"a", "button", "label", "summary"})  # as tooltips.py reads them
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # made plain (pagehtml.py)

_PLACEHOLDER = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_TASK_LABEL = '<label class="task-list-control">'  # pymdownx.tasklist's checkbox
# A use: the element, whether in its text ("text") or after it ("tail"), and the match.
Use = tuple[etree.Element, str, re.Match[str]]


class FirstUseTreeprocessor(AbbrTreeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.RE = pattern(tuple(self.abbrs))
        first: dict[str, Use] = {}
        for use in self._uses(root):
            first.setdefault(use[2].group(0), use)
        spots: dict[tuple[int, str], list[Use]] = {}
        for use in first.values():
            spots.setdefault((id(use[0]), use[1]), []).append(use)
        parents = {id(child): el for el in root.iter() for child in el}
        for uses in spots.values():
            self._mark(sorted(uses, key=lambda u: u[2].start()), parents)

    def _uses(self, el: etree.Element) -> Iterator[Use]:
        """Every use with a definition, in document order, where a tooltip may stand: not in
        an interactive element or a heading, nor in a checklist item's text (pagehtml.py
        moves it into the item's label)."""
        if el.tag in INTERACTIVE or el.tag in HEADINGS or self._labelled_task(el):
            return
        yield from self._found(el, "text", el.text)
        for child in el:
            yield from self._uses(child)
            yield from self._found(child, "tail", child.tail)

    def _found(self, el: etree.Element, where: str, text: str | None) -> Iterator[Use]:
        if text and not isinstance(text, AtomicString):
            for m in self.RE.finditer(text):
                if self.abbrs[m.group(0)]:
                    yield el, where, m

    def _labelled_task(self, el: etree.Element) -> bool:
        """A checklist item's text that pagehtml.py moves into its label: the item's, when no
        list or paragraph is in it, or its paragraph's (a list with blank lines between
        items). Its checkbox is raw HTML set aside (a placeholder at the start of the text)."""
        if el.tag not in ("li", "p") or not el.text or not (m := _PLACEHOLDER.match(el.text)):
            return False
        stash = self.md.htmlStash.rawHtmlBlocks
        index = int(m.group(1))
        if index >= len(stash) or not str(stash[index]).startswith(_TASK_LABEL):
            return False
        return el.tag == "p" or not any(e.tag in ("ul", "ol", "p") for e in el.iter())

    def _mark(self, uses: list[Use], parents: dict[int, etree.Element]) -> None:
        """As the abbr extension marks a text: from its end, each term an `<abbr>` element."""
        el, where, _ = uses[0]
        text = el.text if where == "text" else el.tail
        assert text is not None
        for _el, _where, m in reversed(uses):
            abbr = self.create_element(self.abbrs[m.group(0)], m.group(0), text[m.end() :])
            if where == "text":
                el.insert(0, abbr)
            else:
                parent = parents[id(el)]
                parent.insert(list(parent).index(el) + 1, abbr)
            text = text[: m.start()]
        if where == "text":
            el.text = text
        else:
            el.tail = text


@functools.lru_cache(maxsize=8)  # one glossary per edition: made once, not for every page
def pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """The abbr extension's pattern, a term between word boundaries, the longest first, written
    as a tree of the terms' letters: the same matches, found about three times faster than
    trying each of the glossary's terms in turn at every position."""
    tree: dict[str, Any] = {}
    for term in terms:
        node = tree
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here
    return re.compile(f"\\b(?:{_branches(tree)})\\b")


def _branches(node: dict[str, Any]) -> str:
    """Longer first: a term that goes on is tried before the one that ends here."""
    parts = [re.escape(char) + _branches(rest) for char, rest in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if "" in node else body


class FirstUseExtension(Extension):  # type: ignore[misc]
    """Load after `abbr`: takes over its tree pass, with the same terms."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" not in md.treeprocessors:
            return  # no abbr extension: nothing to take over
        abbr = md.treeprocessors["abbr"]
        md.treeprocessors.register(FirstUseTreeprocessor(md, abbr.abbrs), "abbr", 7)
