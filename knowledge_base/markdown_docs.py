"""The chain's own documents: Markdown with YAML front matter, one section per ``## `` heading.

Front matter keys: id, title, audience (consumer|employee), kind (store_faq|hr_handbook),
effective_date. Text before the first ``## `` heading becomes an "overview" section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import ValidationError

from core.lines import physical_lines
from knowledge_base.documents import Document, Section
from knowledge_base.openfda import RecordError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.DOTALL)
REQUIRED_KEYS = ("id", "title", "audience", "kind")


def slugify(heading: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")
    return slug[:80] or "section"


def split_sections(body: str) -> list[Section]:
    sections: list[Section] = []
    title, lines = "Overview", []

    def flush() -> None:
        text = "\n".join(lines).strip()
        if text:
            key = slugify(title)
            taken = {s.key for s in sections}
            suffix = 2
            while key in taken:
                key, suffix = f"{slugify(title)}_{suffix}", suffix + 1
            sections.append(Section(key=key, title=title, text=text))

    for line in physical_lines(body):
        if line.startswith("## "):
            flush()
            title, lines = line[3:].strip(), []
        elif not line.startswith("# "):
            lines.append(line)
    flush()
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
