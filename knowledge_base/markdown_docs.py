"""The chain's own documents: Markdown with YAML front matter, one section per ``## `` heading.

Front matter keys: id, title, audience (consumer|employee), kind (store_faq|hr_handbook),
effective_date. Text before the first ``## `` heading becomes an "overview" section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from pydantic import ValidationError

from core.lines import physical_lines
from knowledge_base.documents import Document, Section
from knowledge_base.openfda import RecordError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.DOTALL)
REQUIRED_KEYS = ("id", "title", "audience", "kind")
_MARKDOWN = MarkdownIt("commonmark")


def slugify(heading: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")
    return slug[:80] or "section"


def _headings(body: str) -> list[tuple[int, int, str, str]]:
    """(first line, end line, level tag, title) of each top-level ATX heading (``#``, ``##``).

    markdown-it parses the text, so a ``## `` line inside a fenced code block or an
    indented block is text, not a heading. Setext headings (a line underlined with
    ``---``) are left as text: staff type ``---`` as a rule, not as a heading.
    """
    tokens = _MARKDOWN.parse(body)
    found = []
    for opening, inline in pairwise(tokens):
        if (opening.type == "heading_open" and opening.level == 0 and opening.map
                and opening.tag in ("h1", "h2") and opening.markup.startswith("#")):
            found.append((opening.map[0], opening.map[1], opening.tag, inline.content.strip()))
    return found


def split_sections(body: str) -> list[Section]:
    """One section per ``## `` heading (its text: the original lines up to the next one);
    text before the first becomes "Overview"; ``# `` title lines are dropped."""
    lines = physical_lines(body)
    headings = _headings(body)
    dropped = {n for first, end, tag, _ in headings if tag == "h1" for n in range(first, end)}
    sections: list[Section] = []

    def add(title: str, start: int, end: int) -> None:
        text = "\n".join(lines[n] for n in range(start, end) if n not in dropped).strip()
        if text:
            key = slugify(title)
            taken = {s.key for s in sections}
            suffix = 2
            while key in taken:
                key, suffix = f"{slugify(title)}_{suffix}", suffix + 1
            sections.append(Section(key=key, title=title, text=text))

    title, start = "Overview", 0
    for first, end, _, heading in (h for h in headings if h[2] == "h2"):
        add(title, start, first)
        title, start = heading, end
    add(title, start, len(lines))
    return sections


def parse_markdown_document(text: str, *, source: str) -> Document:
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError("missing YAML front matter (--- ... ---)")
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    missing = [k for k in REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"front matter lacks {', '.join(missing)}")
    effective = meta.get("effective_date")
    return Document(
        doc_id=str(meta["id"]),
        kind=meta["kind"],
        title=str(meta["title"]),
        audience=meta["audience"],
        sections=tuple(split_sections(match.group(2))),
        source=source,
        effective_date=str(effective) if effective else None,
    )


def read_markdown_dir(directory: Path) -> Iterator[Document | RecordError]:
    for path in sorted(directory.rglob("*.md")):
        try:
            yield parse_markdown_document(
                path.read_text(encoding="utf-8"),
                source=f"chain documents: {path.relative_to(directory.parent)}",
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            yield RecordError(str(path), 1, f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
        except (ValueError, yaml.YAMLError) as exc:
            yield RecordError(str(path), 1, str(exc))
