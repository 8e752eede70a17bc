"""Citations: footnotes that resolve, that are used, that link to their source, and enough of them.

A source is what a footnote links to: a DOI, a PubMed id or an https address. Two footnotes that
link to the same DOI count as one source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ketaguide.content.pagetypes import ARTICLE, POLICIES
from ketaguide.findings import Finding
from ketaguide.pages import source
from ketaguide.pages.markdown import without_code
from ketaguide.rules import Rule

UNDEFINED = Rule(
    "CNT009",
    "footnote-undefined",
    "error",
    "Every footnote reference `[^label]` has a definition.",
    why="An undefined reference prints as raw text `[^label]` and the claim loses its source.",
    fix="Add `[^label]: Authors. Title. *Journal*. Year. [doi:...](https://doi.org/...)` at the "
    "end of the page, or correct the label's spelling.",
)
UNUSED = Rule(
    "CNT010",
    "footnote-unused",
    "error",
    "Every footnote definition is referenced from the text.",
    why="An unused definition is a source that supports nothing, and its back-link is broken.",
    fix="Cite it with `[^label]` after the claim it supports, or delete the definition.",
)
NO_LINK = Rule(
    "CNT011",
    "footnote-no-link",
    "error",
    "Every footnote definition links to its source: a DOI, a PubMed id or an https address.",
    why="Readers and reviewers must be able to open the source and check the claim.",
    fix="End the footnote with `[doi:10.xxxx/yyyy](https://doi.org/10.xxxx/yyyy)`, a PubMed "
    "link, or the agency's https page.",
)
TOO_FEW_SOURCES = Rule(
    "CNT012",
    "too-few-sources",
    "error",
    f"An article cites at least {ARTICLE.min_sources} distinct sources.",
    why="A medical article resting on a handful of sources cannot show the balance of evidence.",
    fix="Add sources for the claims that lack them; if the page is not an article, set "
    "`page_type` in its front matter (home, policy, reference or directory).",
)

_DEFINITION = re.compile(r"^[ \t]*\[\^([^\]\s]+)\]:")  # indented in an admonition too
_REFERENCE = re.compile(r"\[\^([^\]\[\s]+)\](?!:)")  # no [ in a label: linear time
_URL = re.compile(r"\bhttps?://[^\s<>\]\"']+")
_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+)", re.I)
_PMID = re.compile(r"\bPMID:?\s*(\d+)", re.I)
_DOI_URL = re.compile(r"^https://(?:dx\.)?doi\.org/(10\.\d{4,9}/.+)$", re.I)
_DOI_HOST = re.compile(r"^https://(?:dx\.)?doi\.org/", re.I)
# Hosts reserved for examples (RFC 2606, RFC 6761): never a source.
_EXAMPLE_HOST = re.compile(
    r"^https://([^/]*\.)?(example\.(com|net|org)|[^/]*\.(example|test|invalid))(/|$)"
)
_PUBMED_URL = re.compile(r"^https://pubmed\.ncbi\.nlm\.nih\.gov/(\d+)", re.I)


@dataclass(frozen=True, slots=True)
class Definition:
    label: str
    line: int
    text: str


def _trim(url: str) -> str:
    url = url.rstrip(".,;")
    while url.endswith(")") and url.count("(") < url.count(")"):
        url = url[:-1]
    return url


def source_key(text: str) -> str | None:
    """What a footnote cites, as one comparable string; None when it has no usable link."""
    urls = [_trim(u) for u in _URL.findall(text) if u.lower().startswith("https://")]
    # A doi.org link that holds no DOI (the template's 10.xxxx/yyyy) or an example host is not
    # a source.
    urls = [
        u
        for u in urls
        if not _EXAMPLE_HOST.match(u.lower()) and (_DOI_URL.match(u) or not _DOI_HOST.match(u))
    ]
    for url in urls:
        if doi := _DOI_URL.match(url):
            return f"doi:{doi.group(1).lower()}"
    if doi := _DOI.search(text):
        return f"doi:{_trim(doi.group(1)).lower()}"
    for url in urls:
        if pmid := _PUBMED_URL.match(url):
            return f"pmid:{pmid.group(1)}"
    if pmid := _PMID.search(text):
        return f"pmid:{pmid.group(1)}"
    if urls:
        url = re.sub(r"^https://(?:www\.)?", "", urls[0].split("#")[0]).rstrip("/")
        return f"url:{url.lower()}"
    return None


def definitions(src: source.Source) -> list[Definition]:
    found: list[Definition] = []
    for line in src.lines:
        if line.kind != "footnote":
            continue
        if match := _DEFINITION.match(line.raw):
            found.append(Definition(match.group(1), line.number, line.raw[match.end() :]))
        elif found:
            last = found[-1]
            found[-1] = Definition(last.label, last.line, f"{last.text}\n{line.raw}")
    return found


def _references(src: source.Source) -> Iterator[tuple[str, int, int]]:
    for line in src.lines:
        if line.kind in ("code", "front") or "[^" not in line.raw:
            continue
        visible = without_code(line.raw)
        start = m.end() if (m := _DEFINITION.match(visible)) else 0
        for ref in _REFERENCE.finditer(visible, start):
            yield ref.group(1), line.number, ref.start() + 1


def cited(src: source.Source) -> dict[str, tuple[int, int]]:
    """Each footnote label the page cites, with where it is first cited (line, column)."""
    found: dict[str, tuple[int, int]] = {}
    for label, line, col in _references(src):
        found.setdefault(label, (line, col))
    return found


def distinct_sources(src: source.Source) -> int:
    return len({key for d in definitions(src) if (key := source_key(d.text))})


def _page(src: source.Source) -> Iterator[Finding]:
    defs = definitions(src)
    defined = {d.label for d in defs}
    used: set[str] = set()
    for label, line, col in _references(src):
        used.add(label)
        if label not in defined:
            yield Finding(src.path, line, col, UNDEFINED, f"[^{label}] has no definition")
    for d in defs:
        if d.label not in used:
            yield Finding(src.path, d.line, 1, UNUSED, f"[^{d.label}] is defined but never cited")
        if source_key(d.text) is None:
            plain = "http://" in d.text
            hint = "use its https:// address" if plain else "add a DOI, PubMed or https link"
            yield Finding(src.path, d.line, 1, NO_LINK, f"[^{d.label}] has no usable link; {hint}")
    wanted = POLICIES[src.page_type].min_sources
    count = distinct_sources(src)
    if count < wanted and not src.generated:
        kind = src.page_type
        yield Finding(
            src.path,
            src.page.body_line,
            1,
            TOO_FEW_SOURCES,
            f"the page cites {count} distinct source(s); an {kind} needs at least {wanted}",
        )


def check(paths: list[Path], today: dt.date | None = None) -> Iterator[Finding]:
    for src in source.load(paths):
        yield from _page(src)
