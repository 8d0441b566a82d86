"""The chain's own documents: Markdown with YAML front matter, one section per ``## `` heading.

Front matter keys: id, title, audience (consumer|employee), kind (store_faq|hr_handbook),
effective_date, and optionally language (en|ko) and translation_of. Text before the first
``## `` heading becomes an "overview" section.

Translations. Each document exists in English (``opening-hours.md``, id ``X``) and may have a
Korean translation beside it (``opening-hours.ko.md``, id ``X-ko``): the link comes from the
id (``Document.translation_of``, ``Document.language``), nothing new is stored. The front
matter says so too, and must agree with the id: ``language: ko`` and ``translation_of: X``
for ``X-ko``; ``language: en`` (or nothing) for ``X``. A translation keeps its original's
kind and audience, and its original must be among the chain documents read with it.

Section keys are heading slugs (a-z0-9), which Korean headings do not have. So a
translation's sections take the keys of its original's sections, in order
(``align_translation``): both must have the same number of sections, and an overview (text
before the first heading) in both or in neither, so a citation ("hr-annual-leave-ko",
section "half_day_leave_and_hourly_leave") names the same part in either language. A file
that breaks a rule is reported (``RecordError`` naming it) and not imported.
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
from knowledge_base.documents import TRANSLATION_SUFFIX, Document, Section, original_id
from knowledge_base.openfda import RecordError

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.DOTALL)
REQUIRED_KEYS = ("id", "title", "audience", "kind")
LANGUAGES = ("en", "ko")
OVERVIEW = "overview"
KOREAN_OVERVIEW_TITLE = "개요"
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


def _check_translation_keys(meta: dict, doc_id: str) -> None:
    """``language`` and ``translation_of`` in the front matter must agree with the id."""
    original = original_id(doc_id)
    language = meta.get("language")
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    if original is None:
        if language == "ko":
            raise ValueError(f"language: ko, but a Korean translation's id ends in "
                             f"{TRANSLATION_SUFFIX} (the id of the English document + "
                             f"{TRANSLATION_SUFFIX})")
        if meta.get("translation_of") is not None:
            raise ValueError(f"translation_of is given, but the id {doc_id} does not end in "
                             f"{TRANSLATION_SUFFIX}: a translation's id is its original's id "
                             f"+ {TRANSLATION_SUFFIX}")
        return
    if language is not None and language != "ko":
        raise ValueError(f"language: {language}, but an id ending in {TRANSLATION_SUFFIX} "
                         "is a Korean translation (language: ko)")
    given = meta.get("translation_of")
    if given is not None and str(given) != original:
        raise ValueError(f"translation_of: {given} does not match the id {doc_id}: it must "
                         f"be {original} (the id without {TRANSLATION_SUFFIX})")


def parse_markdown_document(text: str, *, source: str) -> Document:
    """One document; a translation's section keys are still its own heading slugs here
    (``align_translation`` gives it its original's)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ValueError("missing YAML front matter (--- ... ---)")
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    missing = [k for k in REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"front matter lacks {', '.join(missing)}")
    _check_translation_keys(meta, str(meta["id"]))
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


def _is_overview(section: Section) -> bool:
    return section.key == OVERVIEW or section.title in ("Overview", KOREAN_OVERVIEW_TITLE)


def align_translation(translation: Document, original: Document) -> Document:
    """``translation`` with its original's section keys, in order (ValueError if the two do
    not line up: another kind or audience, another number of sections, or an overview in
    only one of them). A translation's overview is titled "개요"."""
    if (translation.kind, translation.audience) != (original.kind, original.audience):
        raise ValueError(
            f"{translation.doc_id} is a {translation.kind} document for {translation.audience}, "
            f"but its original {original.doc_id} is a {original.kind} document for "
            f"{original.audience}: a translation keeps both")
    ours, theirs = translation.sections, original.sections
    if len(ours) != len(theirs):
        raise ValueError(
            f"{translation.doc_id} has {len(ours)} sections but its original "
            f"{original.doc_id} has {len(theirs)}: a translation keeps the original's "
            f"sections (one ## heading each), in the same order")
    if _is_overview(ours[0]) != (theirs[0].key == OVERVIEW):
        has, lacks = ((translation.doc_id, original.doc_id) if _is_overview(ours[0])
                      else (original.doc_id, translation.doc_id))
        raise ValueError(
            f"{has} has text before its first ## heading (an overview) but {lacks} has "
            "none: a translation keeps the original's sections, in the same order")
    sections = []
    for mine, theirs_section in zip(ours, theirs, strict=True):
        title = (KOREAN_OVERVIEW_TITLE if theirs_section.key == OVERVIEW
                 and mine.title == "Overview" else mine.title)
        sections.append(mine.model_copy(update={"key": theirs_section.key, "title": title}))
    return translation.model_copy(update={"sections": tuple(sections)})


def link_translations(
    items: list[tuple[Path, Document | RecordError]],
) -> Iterator[Document | RecordError]:
    """Each translation checked against its original (among ``items``) and given its section
    keys; a translation whose original is missing or does not line up becomes an error."""
    originals = {item.doc_id: item for _, item in items
                 if isinstance(item, Document) and item.translation_of is None}
    for path, item in items:
        if not isinstance(item, Document) or item.translation_of is None:
            yield item
            continue
        original = originals.get(item.translation_of)
        if original is None:
            yield RecordError(str(path), 1, (
                f"{item.doc_id} is the Korean translation of {item.translation_of} (its id "
                f"ends in {TRANSLATION_SUFFIX}), which is not among the chain documents"))
            continue
        try:
            yield align_translation(item, original)
        except ValueError as exc:
            yield RecordError(str(path), 1, str(exc))


def read_markdown_dir(directory: Path) -> Iterator[Document | RecordError]:
    """Every ``*.md`` under ``directory`` (``*.ko.md`` translations included), translations
    linked to their originals (``link_translations``)."""
    items: list[tuple[Path, Document | RecordError]] = []
    for path in sorted(directory.rglob("*.md")):
        items.append((path, _read_one(path, directory)))
    yield from link_translations(items)


def _read_one(path: Path, directory: Path) -> Document | RecordError:
    try:
        return parse_markdown_document(
            path.read_text(encoding="utf-8"),
            source=f"chain documents: {path.relative_to(directory.parent)}",
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        return RecordError(str(path), 1, f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
    except (ValueError, yaml.YAMLError) as exc:
        return RecordError(str(path), 1, str(exc))
