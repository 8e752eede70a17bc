"""A synthetic site: the real docs plus N generated articles in nav sections, and M clinics.

Articles are about 1,200 words of text drawn from a word chain trained on the real pages (so
word lengths, vocabulary and compression are realistic), with a key-points box, headings,
a table, a list, footnotes to 8 sources, and links to a sibling page, the glossary and an anchor.
Their front matter is valid and each is in the review log, so the strict build and `ketaguide
check` accept them as they accept a real article: the check's timing measures its real path.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clinics_validate import generate as generate_clinics
from common import ENV, ROOT, copy_docs, project_config, write_config

PER_SECTION = 50  # articles per nav section; 1,000 articles make 20 sections
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
# Words the content rules would flag out of context (claims, for example); never generated.
_AVOID = {"cure", "cures", "cured", "miracle", "breakthrough", "guaranteed", "approved"}
_AVOID |= {"completely", "addictive", "fda", "suicide", "suicidal", "harm", "ane"}


@dataclass(frozen=True)
class Corpus:
    root: Path
    docs: Path
    clinics: Path
    config: Path
    site: Path
    articles: int
    clinic_count: int

    @property
    def env(self) -> dict[str, str]:
        return {**ENV, "KETAGUIDE_CLINICS_DIR": str(self.clinics)}


class Chain:
    """An order-1 word chain over the body text of the real pages."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        for page in sorted((ROOT / "docs").rglob("*.md")):
            words = [w.lower() for w in _WORD.findall(_body(page.read_text(encoding="utf-8")))]
            words = [w for w in words if _AVOID.isdisjoint(w.split("-"))]
            for a, b in itertools.pairwise(words):
                self.next[a].append(b)
        self.starts = sorted(w for w in self.next if len(w) > 2)

    def words(self, count: int) -> list[str]:
        word = self.rng.choice(self.starts)
        out = [word]
        while len(out) < count:
            options = self.next.get(word)
            word = self.rng.choice(options) if options else self.rng.choice(self.starts)
            out.append(word)
        return out

    def sentence(self, low: int = 7, high: int = 15) -> str:
        words = self.words(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def _body(text: str) -> str:
    """Plain prose lines of a page: no front matter, headings, tables, HTML or footnotes."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    lines = [
        line
        for line in text.splitlines()
        if line.strip()
        and not line.startswith((" ", "\t"))  # footnote text (source titles) and boxes
        and not line.startswith(("#", "|", "<", "!!!", "[^", "*["))
    ]
    prose = " ".join(lines)
    prose = re.sub(r"\[\^[^\]]+\]", "", prose)
    return re.sub(r"\]\([^)]*\)|https?://\S+|`[^`]*`", " ", prose)


def article(n: int, chain: Chain, count: int) -> str:
    rng = chain.rng
    title = f"Topic {n:04d}: " + " ".join(chain.words(4)).capitalize()
    description = f"What readers ask about topic {n}: " + " ".join(chain.words(12)) + "."
    sibling = n % count + 1
    cites = [f"[^s{k}]" for k in range(1, 9)]
    parts = [
        "---",
        f'title: "{title[:70]}"',
        f'description: "{description[:158]}"',
        "first_published: 2026-10-01",
        "last_reviewed: 2026-11-01",
        "next_review: 2027-05-01",
        "crisis: true",
        "---",
        "",
        f"# {title}",
        "",
        '!!! abstract "Key points"',
        "",
        *(f"    - {chain.sentence()}" for _ in range(4)),
        "",
        chain.paragraph(4) + cites[0],
        "",
    ]
    for part in range(1, 8):
        heading = " ".join(chain.words(rng.randint(3, 6))).capitalize()
        parts += [f"## {heading}? {{#part-{part}}}", ""]
        for p in range(3):
            cite = cites[(part + p) % 8]
            parts += [chain.paragraph(rng.randint(3, 4)) + cite, ""]
        if part == 2:
            parts += ["| Option | What it involves | Typical time |", "| --- | --- | --- |"]
            for row in range(4):
                parts.append(f"| {chain.words(1)[0]} | {' '.join(chain.words(6))} | {row + 1} h |")
            parts.append("")
        if part == 4:
            parts += [f"- {chain.sentence(5, 9)}" for _ in range(5)] + [""]
        if part == 5:
            parts += ["### " + " ".join(chain.words(4)).capitalize(), "", chain.paragraph(3), ""]
        if part == 6:
            link = f"../section-{_section(sibling):02d}/article-{sibling:04d}.md"
            parts += [
                f"See [a related topic]({link}), the [glossary](../../practical/glossary.md) "
                "and [the first part](#part-1) of this page.",
                "",
            ]
    for k in range(1, 9):
        doi = f"10.5555/kg.{n}.{k}"
        parts.append(
            f"[^s{k}]: Study Group {n}-{k}. {' '.join(chain.words(6)).capitalize()}. "
            f"*Journal of {chain.words(1)[0]}*. 20{10 + k};{k}(3):{k}0-{k}9. "
            f"[doi:{doi}](https://doi.org/{doi})"
        )
    return re.sub(r"\bno side effect", "few side effect", "\n".join(parts) + "\n")


def _section(n: int) -> int:
    return (n - 1) // PER_SECTION + 1


def nav(count: int) -> list[dict[str, Any]]:
    """One top-level section holding sections of 50. With navigation.sections, Material shows
    every top-level section's pages on every page (prune cannot drop them); second-level
    sections are pruned to their title unless the page is in them."""
    sections: dict[int, list[str]] = defaultdict(list)
    for n in range(1, count + 1):
        sections[_section(n)].append(f"library/section-{_section(n):02d}/article-{n:04d}.md")
    return [{"Library": [{f"Topics {s:02d}": pages} for s, pages in sorted(sections.items())]}]


def _log_fact_checks(docs: Path, articles: int) -> None:
    """A fact-check row per nav section in the review log, as a real article has (REV007)."""
    log = docs / "about" / "review-log.md"
    header = "| --- | --- | --- | --- |\n"
    rows = []
    for section in range(1, _section(articles) + 1):
        first = (section - 1) * PER_SECTION + 1
        last = min(section * PER_SECTION, articles)
        links = ", ".join(
            f"[Topic {n:04d}](../library/section-{section:02d}/article-{n:04d}.md)"
            for n in range(first, last + 1)
        )
        rows.append(f"| 2026-11-01 | {links} | {8 * (last - first + 1)} | None. |\n")
    text = log.read_text(encoding="utf-8")
    log.write_text(text.replace(header, header + "".join(rows), 1), encoding="utf-8")


def make(root: Path, articles: int, clinics: int, seed: int = 7) -> Corpus:
    """Write the corpus and its mkdocs.yml under `root` (an empty temporary folder)."""
    docs = copy_docs(root / "docs")
    chain = Chain(random.Random(seed))
    for n in range(1, articles + 1):
        path = docs / "library" / f"section-{_section(n):02d}" / f"article-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(n, chain, articles), encoding="utf-8")
    _log_fact_checks(docs, articles)
    clinic_dir = root / "clinics"
    clinic_dir.mkdir()
    generate_clinics(clinic_dir, clinics)
    config = write_config(root, project_config(docs, nav(articles)))
    return Corpus(root, docs, clinic_dir, config, root / "site", articles, clinics)
