"""Hybrid search: BM25 and dense candidates fused by weighted reciprocal rank.

A medicine named in the question (or passed in by the dialogue's ``medicine`` slot) focuses
both retrievers on that medicine's leaflets; a brand named exactly lifts that product's
leaflet above its generic siblings. The audience filter is applied inside both retrievers,
so a consumer query never sees an employee document. What the question asks about
(dosage, pregnancy, storage...) lifts the sections that answer it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.settings import RetrievalSettings
from retrieval import dense
from retrieval.chunking import Chunk
from retrieval.embedder import Embedder
from retrieval.medicine_names import MedicineMatch, focus_generics
from retrieval.snapshot import Snapshot
from retrieval.topics import TOPIC_WORDS, detect_topics, preferred_sections

Mode = Literal["hybrid", "dense", "sparse"]


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    dense_score: float

    def to_json(self) -> dict:
        c = self.chunk
        return {
            "doc_id": c.doc_id, "drug": c.drug, "section": c.section, "title": c.title,
            "text": c.text, "score": round(self.score, 6),
            "section_title": c.section_title, "label_date": c.effective_date,
            "kind": c.kind, "chunk_id": c.chunk_id,
        }


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    medicines: list[MedicineMatch]
    topics: list[str]
    # Cosine similarity between the question and the best passages: low means "not sure".
    confidence: float
    # A medicine was named that no leaflet covers for this audience.
    medicine_not_covered: bool = False


_HANGUL = re.compile("[\uac00-\ud7a3]")


def english_pivot(query: str, generics: tuple[str, ...], topics: list[str]) -> str:
    """The query itself, or for a Korean question what it was resolved to, in English words."""
    if not _HANGUL.search(query) or not (generics or topics):
        return query
    latin = " ".join(re.findall(r"[A-Za-z][A-Za-z0-9-]*", query))
    words = [*generics, *(TOPIC_WORDS.get(t, t) for t in dict.fromkeys(topics)), latin]
    return " ".join(w for w in words if w)


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        positive = positive[np.argpartition(-scores[positive], k)[:k]]
    return positive[np.argsort(-scores[positive], kind="stable")]


class HybridSearcher:
    def __init__(self, snapshot: Snapshot, embedder: Embedder, settings: RetrievalSettings):
        self.snapshot = snapshot
        self._embedder = embedder
        self._settings = settings

    def _mask(self, allowed: np.ndarray | None) -> np.ndarray | None:
        if allowed is None:
            return None
        mask = np.zeros(len(self.snapshot.chunks), dtype=np.float32)
        mask[allowed] = 1.0
        return mask

    def search(
        self, query: str, *, k: int = 10, audience: str | None = "consumer",
        medicine: str | None = None, topic: str | None = None, kinds: tuple[str, ...] = (),
        mode: Mode = "hybrid", focus: bool = True,
    ) -> SearchResult:
        snapshot, settings = self.snapshot, self._settings
        matches = snapshot.lexicon.detect(query) if focus else []
        if focus and medicine:
            matches = snapshot.lexicon.detect(medicine) + matches
        generics = focus_generics(matches)
        allowed = snapshot.ids_for(audience, generics, kinds)
        not_covered = bool(generics) and allowed is not None and len(allowed) == 0
        if not_covered:
            allowed = snapshot.ids_for(audience, kinds=kinds)
        n = max(settings.candidates, k)

        # Brand words ("Dramamine Less Drowsy") must not read as topics.
        topic_text = query.lower()
        for match in matches:
            topic_text = topic_text.replace(match.surface, " ")
        topics = ([topic] if topic else []) + detect_topics(topic_text)
        # The embedding model reads English: a Korean question is embedded as its English
        # pivot (the generic names and topics it was resolved to), which is also what its
        # confidence is measured against.
        query_vector = self._embedder.encode_query(english_pivot(query, generics, topics))
        dense_ids, _dense_scores = (
            dense.search(snapshot.dense_index, query_vector, n, allowed)
            if mode != "sparse" else (np.empty(0, np.int64), np.empty(0, np.float32))
        )
        sparse_ids = (
            _top(snapshot.sparse_index.scores(query, self._mask(allowed)), n)
            if mode != "dense" else np.empty(0, np.int64)
        )

        fused: dict[int, float] = {}
        ranked_lists = ((settings.dense_weight, dense_ids), (settings.sparse_weight, sparse_ids))
        for weight, ids in ranked_lists:
            for rank, chunk_id in enumerate(ids.tolist()):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (settings.rrf_k + rank + 1)
        brands = {m.name for m in matches if m.is_brand}
        if brands and mode == "hybrid":
            bonus = 1.0 / (settings.rrf_k + 1)
            for chunk_id in fused:
                chunk_brands = {b.lower() for b in snapshot.chunks[chunk_id].brands}
                if brands & chunk_brands:
                    fused[chunk_id] += bonus

        sections = preferred_sections(topics) if mode == "hybrid" else []
        if sections:
            for chunk_id in fused:
                section = snapshot.chunks[chunk_id].section
                if section in sections:
                    fused[chunk_id] += settings.topic_weight / (
                        settings.rrf_k + 1 + sections.index(section)
                    )

        ranked = sorted(fused.items(), key=lambda item: -item[1])
        # Cosine of every ranked chunk, from the stored vectors (exact, cheap at this size).
        cosines = snapshot.vectors[[c for c, _ in ranked]] @ query_vector if ranked else []
        hits: list[Hit] = []
        seen_texts: set[str] = set()
        for (chunk_id, score), cosine in zip(ranked, cosines, strict=False):
            chunk = snapshot.chunks[chunk_id]
            text_key = " ".join(chunk.text.lower().split())
            if text_key in seen_texts:
                continue
            seen_texts.add(text_key)
            hits.append(Hit(chunk, float(score), float(cosine)))
            if len(hits) == k:
                break
        confidence = max((h.dense_score for h in hits[:3]), default=0.0)
        return SearchResult(hits, matches, topics, confidence, not_covered)
