"""The query-vector cache both encoders share: repeated questions skip the model."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

import numpy as np


class QueryCache:
    """A thread-safe LRU of query text (case and spacing folded) → vector."""

    def __init__(self, size: int) -> None:
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = size
        self._lock = Lock()

    def get_or_encode(self, text: str, encode: Callable[[str], np.ndarray]) -> np.ndarray:
        key = " ".join(text.lower().split())
        with self._lock:
            hit = self._vectors.get(key)
            if hit is not None:
                self._vectors.move_to_end(key)
                return hit
        vector = encode(text)
        with self._lock:
            self._vectors[key] = vector
            if len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return vector
