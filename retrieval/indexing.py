"""Build and publish a snapshot from the knowledge base's current documents."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from core.settings import RetrievalSettings
from knowledge_base.documents import Document
from retrieval.chunking import Chunk
from retrieval.embedder import Embedder, TokenCounter
from retrieval.medicine_names import MedicineLexicon
from retrieval.snapshot import (
    Snapshot,
    SnapshotError,
    chunk_documents,
    embed_chunks,
    load_snapshot,
    prune_snapshots,
    publish_snapshot,
    write_snapshot,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildReport:
    name: str
    revision: int
    chunks: int
    embedded: int
    seconds: float


def build_params(settings: RetrievalSettings, embedder: Embedder, lexicon_dir: Path) -> str:
    """Everything besides the documents that changes the built index."""
    lexicon = sorted((p.name, p.read_text(encoding="utf-8")) for p in lexicon_dir.glob("*.yml"))
    code_dirs = (Path(__file__).parent, Path(__file__).parent.parent / "knowledge_base")
    code = sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                  for d in code_dirs for p in d.glob("*.py"))
    payload = {
        "model": embedder.name, "chunk_tokens": settings.chunk_tokens,
        "overlap": settings.chunk_overlap_tokens, "factory": settings.faiss_factory,
        "lexicon": lexicon, "code": code, "format": 1,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def is_current(snapshot: Snapshot | None, revision: int, params: str) -> bool:
    return (
        snapshot is not None
        and snapshot.revision == revision
        and snapshot.manifest.get("params") == params
    )


def build_and_publish(
    documents: list[Document], *, revision: int, index_dir: Path,
    settings: RetrievalSettings, embedder: Embedder, counter: TokenCounter,
    lexicon_dir: Path, previous: Snapshot | None = None, show_progress: bool = False,
    chunk_cache: dict[str, list[Chunk]] | None = None,
) -> tuple[Snapshot, BuildReport]:
    """Chunk, embed (reusing ``previous`` vectors), index, write and publish atomically."""
    started = time.perf_counter()
    if previous is None:
        try:
            previous = load_snapshot(index_dir)
        except SnapshotError:
            previous = None
    reuse = {}
    if previous is not None and previous.manifest.get("model") == embedder.name:
        reuse = {c.fingerprint: v for c, v in zip(previous.chunks, previous.vectors, strict=True)}
    chunks = chunk_documents(
        documents, counter, max_tokens=settings.chunk_tokens,
        overlap=settings.chunk_overlap_tokens, show_progress=show_progress, cache=chunk_cache,
    )
    vectors, embedded = embed_chunks(
        chunks, embedder, reuse=reuse, batch_size=settings.embed_batch_size,
        show_progress=show_progress,
    )
    lexicon = MedicineLexicon.from_documents(documents, sorted(lexicon_dir.glob("*.yml")))
    params = build_params(settings, embedder, lexicon_dir)
    path = write_snapshot(
        index_dir, revision=revision, chunks=chunks, vectors=vectors, lexicon=lexicon,
        model=embedder.name, factory=settings.faiss_factory, params=params, publish=False,
    )
    # read back before publishing: a snapshot that cannot be loaded is never made CURRENT
    snapshot = load_snapshot(index_dir, path.name)
    publish_snapshot(index_dir, path.name)
    prune_snapshots(index_dir)
    report = BuildReport(path.name, revision, len(chunks), embedded,
                         time.perf_counter() - started)
    log.info("published index %s: %d chunks, %d embedded, %.2fs", report.name, report.chunks,
             report.embedded, report.seconds)
    return snapshot, report
