"""The search service a process holds: one snapshot in memory, swapped atomically.

Queries always run against a complete snapshot. ``publish`` builds the next one beside it
(re-embedding only changed chunks) and swaps the reference when it is ready, so queries
during an update are answered from the old index. Other processes sharing the index
directory pick the new snapshot up on their next query (``CURRENT`` is re-read at most
every ``poll_seconds``); a snapshot that fails its checksums is refused and the last good
one keeps serving. A process that starts while ``CURRENT`` names a corrupt snapshot serves
the newest older one that verifies.
"""

from __future__ import annotations

import logging
import threading
import time

from core.settings import Settings
from knowledge_base.documents import Document
from retrieval.chunking import Chunk
from retrieval.embedder import Embedder, TokenCounter
from retrieval.hybrid import HybridSearcher, Mode, SearchResult
from retrieval.indexing import BuildReport, build_and_publish, index_chunks
from retrieval.korean import KoreanEncoder
from retrieval.snapshot import (
    Snapshot,
    SnapshotError,
    current_name,
    load_newest_older,
    load_snapshot,
)

log = logging.getLogger(__name__)


class SearchService:
    def __init__(
        self, settings: Settings, embedder: Embedder | None = None, poll_seconds: float = 0.5
    ) -> None:
        self._settings = settings
        self.embedder = embedder or Embedder(
            threads=settings.retrieval.torch_threads,
            query_cache_size=settings.retrieval.query_cache_size,
        )
        self.korean_encoder = KoreanEncoder(query_cache_size=settings.retrieval.query_cache_size)
        self._searcher: HybridSearcher | None = None
        self._build_lock = threading.Lock()
        self._poll_seconds = poll_seconds
        self._last_poll = 0.0
        self._refused: set[str] = set()
        self._counter: TokenCounter | None = None
        self._chunk_cache: dict[str, list[Chunk]] = {}

    @property
    def index_dir(self):
        return self._settings.paths.index_dir

    @property
    def snapshot(self) -> Snapshot | None:
        return self._searcher.snapshot if self._searcher else None

    @property
    def ready(self) -> bool:
        return self._searcher is not None

    def load(self) -> Snapshot:
        """Load the published snapshot and warm the model (raises SnapshotError).

        If the snapshot ``CURRENT`` names fails verification, the newest older one that
        passes serves instead (until a good snapshot is published), rather than nothing.
        """
        name = current_name(self.index_dir)
        try:
            snapshot = load_snapshot(self.index_dir, name)
        except SnapshotError as exc:
            if not name:
                raise
            self._refused.add(name)
            snapshot = load_newest_older(self.index_dir, name)
            log.error("refusing published index snapshot: %s; serving the older %s instead",
                      exc, snapshot.name)
        self._swap(snapshot)
        self.embedder.encode_query("warm up")
        if snapshot.korean is not None:
            self.korean_encoder.encode_query("준비")
            snapshot.korean.sparse_top("준비 운동", 1, None)  # loads Kiwi's model
        return snapshot

    def _swap(self, snapshot: Snapshot) -> None:
        self._searcher = HybridSearcher(snapshot, self.embedder, self._settings.retrieval,
                                        self.korean_encoder)

    def refresh(self) -> bool:
        """Follow ``CURRENT`` if another process published; True when a new snapshot loaded."""
        name = current_name(self.index_dir)
        if not name or name in self._refused or (self.snapshot and self.snapshot.name == name):
            return False
        try:
            snapshot = load_snapshot(self.index_dir, name)
        except SnapshotError as exc:
            log.error("refusing index snapshot: %s; still serving %s", exc,
                      self.snapshot.name if self.snapshot else "nothing")
            self._refused.add(name)
            return False
        self._swap(snapshot)
        log.info("now serving index snapshot %s", name)
        return True

    def search(
        self, query: str, *, k: int = 10, audience: str | None = "consumer",
        medicine: str | None = None, topic: str | None = None, kinds: tuple[str, ...] = (),
        mode: Mode = "hybrid", sections: tuple[str, ...] = (), distinct_texts: bool = True,
        focus: bool = True,
    ) -> SearchResult:
        now = time.monotonic()
        if now - self._last_poll >= self._poll_seconds:
            self._last_poll = now
            self.refresh()
        if self._searcher is None:
            raise SnapshotError("no index loaded")
        return self._searcher.search(
            query, k=k, audience=audience, medicine=medicine, topic=topic, kinds=kinds, mode=mode,
            sections=sections, distinct_texts=distinct_texts, focus=focus)

    def prepare_updates(self, documents: list[Document]) -> list[Chunk]:
        """Chunk ``documents`` into the cache index updates reuse, with each chunk's
        fingerprint and snapshot line, so the first staff edit after a start is as quick as
        the next ones. Returns the chunks."""
        with self._build_lock:
            chunks = index_chunks(documents, self._settings.retrieval, self._token_counter(),
                                  cache=self._chunk_cache)
            for chunk in chunks:
                _ = chunk.fingerprint, chunk.json_line
            return chunks

    def _token_counter(self) -> TokenCounter:
        """The chunker's token counter, made on the first build (its tokenizer takes a
        moment to load; a gateway that never builds never loads it)."""
        if self._counter is None:
            self._counter = TokenCounter()
        return self._counter

    def publish(self, documents: list[Document], revision: int) -> BuildReport:
        """Index ``documents`` as ``revision`` and start serving it; one build at a time."""
        with self._build_lock:
            snapshot, report = build_and_publish(
                documents, revision=revision, index_dir=self.index_dir,
                settings=self._settings.retrieval, embedder=self.embedder,
                counter=self._token_counter(), lexicon_dir=self._settings.paths.lexicon_dir,
                previous=self.snapshot, chunk_cache=self._chunk_cache,
                korean_encoder=self.korean_encoder,
            )
            if self.snapshot is None or snapshot.revision >= self.snapshot.revision:
                self._swap(snapshot)
            return report
