"""BM25 over the chunks' search text (bm25s, English stop words and Snowball stemming)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import bm25s
import numpy as np


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False
    )


class SparseIndex:
    def __init__(self, bm25: bm25s.BM25) -> None:
        self._bm25 = bm25

    @classmethod
    def build(cls, texts: list[str]) -> SparseIndex:
        bm25 = bm25s.BM25()
        bm25.index(tokenize(texts), show_progress=False)
        return cls(bm25)

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory))

    @classmethod
    def load(cls, directory: Path) -> SparseIndex:
        return cls(bm25s.BM25.load(str(directory)))

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk (0 where ``mask`` is 0)."""
        tokens = [t for t in tokenize([query])[0] if t in self._bm25.vocab_dict]
        if not tokens:
            return np.zeros(self._bm25.scores["num_docs"], dtype=np.float32)
        return self._bm25.get_scores(tokens, weight_mask=mask)
