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
from knowledge_base.medicine_names import MedicineMatch, asked_about, focus_docs, focus_generics
from retrieval import dense
from retrieval.chunking import Chunk
from retrieval.embedder import Embedder
from retrieval.korean import KoreanEncoder
from retrieval.snapshot import Snapshot
from retrieval.topics import TOPIC_WORDS, detect_topics, preferred_sections

# hybrid: reciprocal-rank fusion of BM25 and dense plus the topic-section and brand bonuses;
# rrf: the fusion alone (for the ablation); dense / sparse: one retriever alone
Mode = Literal["hybrid", "rrf", "dense", "sparse"]


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
            "kind": c.kind, "chunk_id": c.chunk_id, "language": c.language,
            "passage": c.passage, "prescriber_only": c.prescriber_only,
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
    """Two index parts, routed by the question's language and the products it names.

    English documents: MiniLM + English BM25 (a Korean question is embedded as its English
    pivot, as before). Korean leaflets (MFDS e약은요) and the Korean translations of the store
    FAQ and HR handbook (``X-ko``): USE + Kiwi BM25 (retrieval/korean.py).
    A Korean question, or any question naming a Korean product that no English leaflet
    covers ("Buscopan"), searches the Korean part; its passages rank first when it named a
    Korean product or ingredient, or no medicine at all. US labels then follow, so they
    answer a Korean question only when no Korean leaflet does. So a Korean store or HR
    question ("강남점 영업시간은?") is answered from the Korean translation, an English one
    (which never searches the Korean part unless it names a Korean product) from the English
    document.
    """

    def __init__(self, snapshot: Snapshot, embedder: Embedder, settings: RetrievalSettings,
                 korean_encoder: KoreanEncoder | None = None):
        self.snapshot = snapshot
        self._embedder = embedder
        self._settings = settings
        self._korean_encoder = korean_encoder or KoreanEncoder()

    def _fuse(self, lists: list[tuple[float, np.ndarray]], brands: set[str],
              doc_focus: tuple[str, ...], sections: list[str],
              named_generics: frozenset[str] = frozenset()) -> dict[int, float]:
        """Reciprocal-rank fusion plus bonuses: the brand named; the section the topic
        wants; the Korean product the words fit best; and, for a brand that names a family
        ("Pepcid"), the products made of exactly the family's ingredient (Pepcid AC) over
        the combinations that add to it (Pepcid Complete)."""
        settings, chunks = self._settings, self.snapshot.chunks
        fused: dict[int, float] = {}
        for weight, ids in lists:
            for rank, chunk_id in enumerate(ids.tolist()):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + weight / (settings.rrf_k + rank + 1)
        bonus = 1.0 / (settings.rrf_k + 1)
        for chunk_id in fused:
            chunk = chunks[chunk_id]
            if brands and brands & {b.lower() for b in chunk.brands}:
                fused[chunk_id] += bonus
            if chunk.section in sections:
                fused[chunk_id] += settings.topic_weight / (
                    settings.rrf_k + 1 + sections.index(chunk.section))
            if doc_focus and chunk.doc_id == doc_focus[0]:
                fused[chunk_id] += bonus / 2  # the product the words fit best
            if named_generics and named_generics == set(chunk.generics):
                fused[chunk_id] += bonus / 2
        return fused

    def search(
        self, query: str, *, k: int = 10, audience: str | None = "consumer",
        medicine: str | None = None, topic: str | None = None, kinds: tuple[str, ...] = (),
        mode: Mode = "hybrid", focus: bool = True, sections: tuple[str, ...] = (),
        distinct_texts: bool = True,
    ) -> SearchResult:
        """``sections``: only passages of these section keys (e.g. the uses of every leaflet,
        for "what can I take for …?"). ``distinct_texts``: drop a passage whose text repeats
        a better one (two products with the same wording count once), unless False."""
        snapshot, settings = self.snapshot, self._settings
        matches = asked_about(query, snapshot.lexicon.detect(query)) if focus else []
        if focus and medicine:
            matches = snapshot.lexicon.detect(medicine) + matches
        generics, doc_focus = focus_generics(matches), focus_docs(matches)
        en_allowed = snapshot.restrict(snapshot.ids_for(audience, generics, kinds),
                                       language="en", sections=sections)
        korean_query = bool(_HANGUL.search(query))
        named_english = bool(generics) and bool(len(en_allowed))
        ko_allowed = None
        if snapshot.korean is not None and (korean_query or (doc_focus and not named_english)):
            base = snapshot.ids_for(audience, () if doc_focus else generics, kinds)
            ko_allowed = snapshot.restrict(base, doc_ids=doc_focus, language="ko",
                                           sections=sections)
        has_ko = ko_allowed is not None and bool(len(ko_allowed))
        not_covered = bool(generics or doc_focus) and not len(en_allowed) and not has_ko
        if not_covered:
            en_allowed = snapshot.restrict(snapshot.ids_for(audience, kinds=kinds),
                                           language="en", sections=sections)
            if ko_allowed is not None:
                ko_allowed = snapshot.restrict(snapshot.ids_for(audience, kinds=kinds),
                                               language="ko", sections=sections)
                has_ko = bool(len(ko_allowed))
        n = max(settings.candidates, k)

        # Brand words ("Dramamine Less Drowsy") must not read as topics.
        topic_text = query.lower()
        for match in matches:
            topic_text = topic_text.replace(match.surface, " ")
        topics = ([topic] if topic else []) + detect_topics(topic_text)
        brands = {m.name for m in matches if m.is_brand} if mode == "hybrid" else set()
        use_topics = mode == "hybrid"

        named_us_brand = bool(brands) and not doc_focus and named_english
        # a question Korean leaflets have no section for (excipients) goes to the US label
        uncovered_topic = bool(topics) and not preferred_sections(topics[:1], "ko")
        cosines: dict[int, float] = {}
        agreed: set[str] = set()
        ko_ranked: list[tuple[int, float]] = []
        if has_ko and ko_allowed is not None:
            ko_ranked = self._search_korean(query, ko_allowed, n, mode, brands, doc_focus,
                                            topics if use_topics else [], cosines, agreed)
        korean_first = bool(ko_ranked) and (not korean_query or not named_us_brand) and not (
            uncovered_topic and named_english)
        en_ranked: list[tuple[int, float]] = []
        # The English part is skipped when Korean passages fill the answer on their own.
        if not korean_first or len(ko_ranked) < k:
            en_ranked = self._search_english(query, en_allowed, n, mode, brands, generics,
                                             topics, use_topics, cosines)
        ranked = ko_ranked + en_ranked if korean_first else en_ranked + ko_ranked

        hits: list[Hit] = []
        seen_texts: set[str] = set()
        for chunk_id, score in ranked:
            chunk = snapshot.chunks[chunk_id]
            text_key = " ".join(chunk.text.lower().split())
            if distinct_texts and text_key in seen_texts:
                continue
            seen_texts.add(text_key)
            hits.append(Hit(chunk, float(score), float(cosines.get(chunk_id, 0.0))))
            if len(hits) == k:
                break
        confidence = max((h.dense_score for h in hits[:3]), default=0.0)
        if korean_first and hits and hits[0].chunk.language == "ko" and (
            hits[0].chunk.doc_id in doc_focus
            or (generics and set(generics) & set(hits[0].chunk.generics))
        ):
            # USE's cosine between a question and the right Korean passage is low (0.15–0.4)
            # and barely separates right from wrong; the evidence is that the named product
            # (or ingredient) has a leaflet and the topic picked its section.
            confidence = max(confidence, settings.korean_named_confidence)
        if korean_first and hits and hits[0].chunk.kind != "leaflet" and (
                hits[0].chunk.doc_id in agreed):
            # the chain's own Korean pages (store FAQ, HR handbook): the dense and the
            # sparse search agreeing on the page is the evidence USE's cosine cannot give
            confidence = max(confidence, settings.korean_agreed_confidence)
        return SearchResult(hits, matches, topics, confidence, not_covered)

    def _search_english(
        self, query: str, allowed: np.ndarray, n: int, mode: Mode, brands: set[str],
        generics: tuple[str, ...], topics: list[str], use_topics: bool,
        cosines: dict[int, float],
    ) -> list[tuple[int, float]]:
        """MiniLM + English BM25 over the English documents. The embedding model reads
        English: a Korean question is embedded as its English pivot (the generic names and
        topics it was resolved to)."""
        snapshot, settings = self.snapshot, self._settings
        if not len(allowed):
            return []
        query_vector = self._embedder.encode_query(english_pivot(query, generics, topics))
        empty = np.empty(0, np.int64)
        # the English FAISS index holds English chunks only: "all of them" needs no selector
        en_ids = snapshot.en_ids
        assert en_ids is not None  # Snapshot.__post_init__ fills it
        selector = None if len(allowed) == len(en_ids) else allowed
        dense_ids = (dense.search(snapshot.dense_index, query_vector, n, selector)[0]
                     if mode != "sparse" else empty)
        sparse_ids = empty
        if mode != "dense":
            mask = np.zeros(len(en_ids), dtype=np.float32)
            mask[snapshot.en_rows(allowed)] = 1.0
            sparse_ids = en_ids[_top(snapshot.sparse_index.scores(query, mask), n)]
        fused = self._fuse([(settings.dense_weight, dense_ids),
                            (settings.sparse_weight, sparse_ids)], brands, (),
                           preferred_sections(topics) if use_topics else [],
                           frozenset(generics) if len(brands) == 1 else frozenset())
        ranked = sorted(fused.items(), key=lambda item: -item[1])
        if ranked:
            ids = [c for c, _ in ranked]
            vectors = snapshot.vectors[snapshot.en_rows(ids)]
            cosines.update(zip(ids, (vectors @ query_vector).tolist(), strict=True))
        return ranked

    def _search_korean(
        self, query: str, allowed: np.ndarray, n: int, mode: Mode, brands: set[str],
        doc_focus: tuple[str, ...], topics: list[str], cosines: dict[int, float],
        agreed: set[str],
    ) -> list[tuple[int, float]]:
        """USE + Kiwi BM25 over the Korean leaflets (retrieval/korean.py). ``agreed`` gets
        the top passage's document when the dense and the sparse search both put it first."""
        part, settings = self.snapshot.korean, self._settings
        assert part is not None
        vector = self._korean_encoder.encode_query(query)
        lists = []
        if mode != "sparse":
            lists.append((settings.dense_weight, part.dense_top(vector, n, allowed)))
        if mode != "dense":
            lists.append((settings.sparse_weight, part.sparse_top(query, n, allowed)))
        fused = self._fuse(lists, brands, doc_focus, preferred_sections(topics, "ko"))
        ranked = sorted(fused.items(), key=lambda item: -item[1])
        cosines.update(part.cosines([c for c, _ in ranked], vector))
        if len(lists) == 2 and ranked and all(len(ids) for _, ids in lists):
            chunks = self.snapshot.chunks
            firsts = {chunks[int(ids[0])].doc_id for _, ids in lists}
            if firsts == {chunks[ranked[0][0]].doc_id}:
                agreed.add(chunks[ranked[0][0]].doc_id)
        return ranked
