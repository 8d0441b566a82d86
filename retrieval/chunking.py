"""Split document sections into passages that fit the embedding model.

Each chunk carries what a citation needs (document, drug, section, title, label date) and
a ``search_text`` that prefixes the passage with its product and section, so both the BM25
and the dense index know "whose directions" a bare "take 2 tablets every 6 hours" is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cached_property

from knowledge_base.documents import Document
from knowledge_base.names import (
    PROFESSIONAL_ONLY_SECTIONS,
    SECTION_SEARCH_HINTS,
    for_prescriber,
)

TokenCounter = Callable[[str], int]

# Sentence ends, and the bullet-like breaks labels use instead of punctuation.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;:])\s+|\s+(?=\u2022)|\n+")


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    kind: str
    audience: str
    title: str
    drug: str
    brands: tuple[str, ...]
    section: str
    section_title: str
    effective_date: str | None
    text: str
    search_text: str
    language: str = "en"  # "ko": indexed by the Korean part (retrieval/korean.py)
    # a prescription label's dose-setting section: answers refer to the prescriber
    prescriber_only: bool = False

    @property
    def generics(self) -> tuple[str, ...]:
        return tuple(g for g in self.drug.split(", ") if g)

    @property
    def passage(self) -> int:
        """The passage's place in its section, from 0 (ids end "#<n>")."""
        tail = self.chunk_id.rsplit("#", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the embedding input, so unchanged chunks reuse their vectors (kept:
        an index update asks every chunk for it several times)."""
        return hashlib.sha1(self.search_text.encode()).hexdigest()

    @cached_property
    def json_line(self) -> str:
        """The chunk as one line of a snapshot's ``chunks.jsonl`` (kept: unchanged chunks are
        written again by every index update)."""
        return json.dumps(self.to_json(), ensure_ascii=False)

    def to_json(self) -> dict:
        # every field is a str, bool, None or a tuple of str: no deep copy needed (asdict's
        # was a tenth of an index update's time)
        data = {f.name: getattr(self, f.name) for f in _CHUNK_FIELDS}
        data["brands"] = list(self.brands)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Chunk:
        return cls(**{**data, "brands": tuple(data["brands"])})


_CHUNK_FIELDS = fields(Chunk)


# Words Korean customers use for each section (as SECTION_SEARCH_HINTS for English).
KOREAN_SECTION_HINTS: dict[str, str] = {
    "indications_and_usage": "효능 효과 어디에 쓰는 약",
    "dosage_and_administration": "용법 용량 복용법 먹는 법 하루 몇 번 몇 알 몇 시간 간격",
    "warnings": "경고 반드시 알아야 할 내용",
    "precautions": "주의사항 복용하면 안 되는 사람 임산부 수유부 어린이 상의",
    "drug_interactions": "함께 먹으면 안 되는 약 음식 술",
    "adverse_reactions": "부작용 이상반응",
    "storage_and_handling": "보관 방법 보관법",
}
KOREAN_CHUNK_CHARS = 500
_KO_SENTENCE_END = re.compile(r"(?<=[.다요])\s+")


def split_korean(text: str, limit: int = KOREAN_CHUNK_CHARS) -> list[str]:
    """A Korean section as one passage, or paragraphs packed up to ``limit`` characters.

    MFDS sections are short (median 86 characters), so almost every section is one chunk,
    which keeps the Korean part near one chunk per section (≈27k for 4,712 leaflets).
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        if len(paragraph) <= limit:
            pieces.append(paragraph)
        else:
            pieces.extend(_KO_SENTENCE_END.split(paragraph))
    chunks: list[str] = []
    for piece in filter(None, (p.strip() for p in pieces)):
        if chunks and len(chunks[-1]) + len(piece) + 2 <= limit:
            chunks[-1] = f"{chunks[-1]}\n\n{piece}"
        else:
            chunks.append(piece)
    return chunks


def korean_prefix(doc: Document, section_key: str, section_title: str) -> str:
    if doc.kind != "leaflet":  # a chain document's Korean translation: no names, no hints
        return f"{doc.title}. {section_title}:"
    names = " ".join(dict.fromkeys(doc.brand_names[:4]))
    hint = KOREAN_SECTION_HINTS.get(section_key, "")
    return f"{doc.title}. {names}. {section_title} ({hint}):"


def context_prefix(doc: Document, section_key: str, section_title: str) -> str:
    names = ", ".join(dict.fromkeys((*doc.brand_names[:4], *doc.generic_names)))
    hint = SECTION_SEARCH_HINTS.get(section_key, "")
    label = f"{section_title} ({hint})" if hint else section_title
    return f"{doc.title}. {names}. {label}:" if names else f"{doc.title}. {label}:"


def _pieces(text: str, limit: int, count: TokenCounter) -> list[tuple[str, int]]:
    """(sentence, token count) pairs; a sentence longer than ``limit`` is cut into word runs.

    WordPiece splits on whitespace first, so token counts add up across words and each
    piece is tokenised once.
    """
    out: list[tuple[str, int]] = []
    for sentence in filter(None, (s.strip() for s in _SENTENCE_BREAK.split(text))):
        size = count(sentence)
        if size <= limit:
            out.append((sentence, size))
            continue
        run: list[str] = []
        run_size = 0
        for word in sentence.split():
            word_size = count(word)
            if run and run_size + word_size > limit:
                out.append((" ".join(run), run_size))
                run, run_size = [], 0
            run.append(word)
            run_size += word_size
        if run:
            out.append((" ".join(run), run_size))
    return out


def split_text(text: str, limit: int, overlap: int, count: TokenCounter) -> list[str]:
    """Greedy packing of sentences up to ``limit`` tokens, carrying ~``overlap`` tokens over."""
    chunks: list[str] = []
    current: list[tuple[str, int]] = []
    size = 0
    for piece, piece_size in _pieces(text, limit, count):
        if current and size + piece_size > limit:
            chunks.append(" ".join(p for p, _ in current))
            carried: list[tuple[str, int]] = []
            carried_size = 0
            for previous in reversed(current):
                grown = carried_size + previous[1]
                if grown > overlap or grown + piece_size > limit:
                    break
                carried.insert(0, previous)
                carried_size += previous[1]
            current, size = carried, carried_size
        current.append((piece, piece_size))
        size += piece_size
    if current:
        chunks.append(" ".join(p for p, _ in current))
    return chunks


def chunk_document(
    doc: Document, *, max_tokens: int, overlap: int, count: TokenCounter
) -> list[Chunk]:
    chunks: list[Chunk] = []
    language = doc.language
    for section in doc.sections:
        if section.key in PROFESSIONAL_ONLY_SECTIONS:
            continue
        if language == "ko":  # Korean tools: no word-piece counting, paragraph passages
            prefix = korean_prefix(doc, section.key, section.title)
            texts = split_korean(section.text)
        else:
            prefix = context_prefix(doc, section.key, section.title)
            budget = max(max_tokens - count(prefix), 32)
            texts = split_text(section.text, budget, overlap, count)
        for n, text in enumerate(texts):
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}#{section.key}#{n}",
                    doc_id=doc.doc_id,
                    kind=doc.kind,
                    audience=doc.audience,
                    title=doc.title,
                    drug=doc.drug,
                    brands=doc.brand_names,
                    section=section.key,
                    section_title=section.title,
                    effective_date=doc.effective_date,
                    text=text,
                    search_text=f"{prefix} {text}",
                    language=language,
                    prescriber_only=for_prescriber(section.key, doc.prescription),
                )
            )
    return chunks
