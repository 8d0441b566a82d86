"""FAISS inner-product index over normalised embeddings, with chunk positions as ids."""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


def build_index(
    vectors: np.ndarray, factory: str = "Flat", ids: np.ndarray | None = None
) -> faiss.Index:
    """``factory`` is a FAISS factory string ("Flat", "HNSW32", "IVF256,Flat"); ``ids`` are
    the chunk positions of the rows (default 0..n-1: the index covers every chunk)."""
    base = faiss.index_factory(vectors.shape[1], factory, faiss.METRIC_INNER_PRODUCT)
    index = faiss.IndexIDMap2(base)
    if not base.is_trained:
        base.train(vectors)
    if ids is None:
        ids = np.arange(len(vectors), dtype=np.int64)
    index.add_with_ids(vectors, np.asarray(ids, dtype=np.int64))
    return index


def save_index(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load_index(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))


def search(
    index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Top-``k`` (ids, cosine scores); ``allowed`` restricts to those chunk ids."""
    params = None
    if allowed is not None:
        if len(allowed) == 0:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        selector = faiss.IDSelectorBatch(allowed)
        # faiss's stub gives SearchParameters no kwargs; its Python wrapper's __init__ takes them
        params = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]  # stub bug
    scores, ids = index.search(query.reshape(1, -1).astype(np.float32), k, params=params)
    keep = ids[0] >= 0
    return ids[0][keep], scores[0][keep]
