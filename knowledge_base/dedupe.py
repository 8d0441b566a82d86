"""Collapse near-identical labels of one product so results are not copies of one text.

Store brands relabel the same product many times; the label texts differ only in the brand
line. Two leaflets with the same ingredients whose word 5-shingle sets overlap at or above
``threshold`` (Jaccard) are one product: the newest label is kept and the other's brand
names become aliases of it.
"""

from __future__ import annotations

import re

from knowledge_base.documents import Document

_WORD = re.compile(r"[a-z0-9]+")


def shingles(doc: Document, size: int = 5) -> set[int]:
    words = _WORD.findall(" ".join(s.text for s in doc.sections).lower())
    return {hash(tuple(words[i : i + size])) for i in range(max(len(words) - size + 1, 1))}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def collapse_near_duplicates(
    documents: list[Document], threshold: float = 0.9
) -> tuple[list[Document], dict[str, str]]:
    """Return the kept documents and a map dropped doc_id -> kept doc_id."""
    ordered = sorted(documents, key=lambda d: d.effective_date or "", reverse=True)
    kept: list[Document] = []
    kept_shingles: list[set[int]] = []
    merged_into: dict[str, str] = {}
    for doc in ordered:
        if doc.kind != "leaflet":
            kept.append(doc)
            kept_shingles.append(set())
            continue
        doc_shingles = shingles(doc)
        for i, other in enumerate(kept):
            if (
                other.kind == "leaflet"
                and other.generic_names == doc.generic_names
                and jaccard(doc_shingles, kept_shingles[i]) >= threshold
            ):
                aliases = tuple(dict.fromkeys(other.brand_names + doc.brand_names))
                kept[i] = other.model_copy(update={"brand_names": aliases})
                merged_into[doc.doc_id] = other.doc_id
                break
        else:
            kept.append(doc)
            kept_shingles.append(doc_shingles)
    by_id = {d.doc_id: d for d in kept}
    order = [d.doc_id for d in documents if d.doc_id in by_id]
    return [by_id[i] for i in order], merged_into
