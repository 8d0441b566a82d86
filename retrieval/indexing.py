"""Build and publish a snapshot from the knowledge base's current documents."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from core.settings import RetrievalSettings
from knowledge_base.documents import Document
from knowledge_base.medicine_names import MedicineLexicon
from retrieval.chunking import Chunk
from retrieval.embedder import Embedder, TokenCounter
from retrieval.korean import KoreanEncoder, KoreanPart, tokenize_korean
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
        "lexicon": lexicon, "code": code, "format": 2, "korean_model": KoreanEncoder.name,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def is_current(snapshot: Snapshot | None, revision: int, params: str) -> bool:
    return (
        snapshot is not None
        and snapshot.revision == revision
        and snapshot.manifest.get("params") == params
    )


def index_chunks(
    documents: list[Document], settings: RetrievalSettings, counter: TokenCounter, *,
    cache: dict[str, list[Chunk]] | None = None, show_progress: bool = False,
) -> list[Chunk]:
    """The chunks an index of ``documents`` holds, at the settings' sizes (``cache``: chunks
    of documents chunked before, by content)."""
    return chunk_documents(documents, counter, max_tokens=settings.chunk_tokens,
                           overlap=settings.chunk_overlap_tokens, show_progress=show_progress,
                           cache=cache)


def build_korean_part(
    chunks: list[Chunk], ids: list[int], encoder: KoreanEncoder, previous: Snapshot | None,
    *, factory: str = "Flat", show_progress: bool = False, batch_size: int = 64,
) -> tuple[KoreanPart | None, int]:
    """The Korean part for ``chunks`` (at global ``ids``); reuses the previous snapshot's
    vectors and morphemes for unchanged chunks, so an edit re-encodes one document, and its
    whole BM25 index when no Korean chunk changed (an English edit)."""
    if not chunks:
        return None, 0
    known: dict[str, tuple[np.ndarray, list[str]]] = {}
    old = previous.korean if previous is not None else None
    if previous is not None and old is not None and old.model == encoder.name:
        before = [previous.chunks[chunk_id].fingerprint for chunk_id in old.ids.tolist()]
        if before == [c.fingerprint for c in chunks]:  # no Korean chunk changed
            return old.with_ids(np.array(ids, dtype=np.int64), factory), 0
        for row, fingerprint in enumerate(before):
            known[fingerprint] = (old.vectors[row], old.tokens[row])
    missing = [c for c in chunks if c.fingerprint not in known]
    step = 512
    for start in tqdm(range(0, len(missing), step), desc="embedding (ko)", unit="batch",
                      disable=not show_progress):
        batch = missing[start : start + step]
        texts = [c.search_text for c in batch]
        vectors = encoder.encode_documents(texts, batch_size=batch_size)
        for chunk, vector, words in zip(batch, vectors, tokenize_korean(texts), strict=True):
            known[chunk.fingerprint] = (vector, words)
    vectors = np.stack([known[c.fingerprint][0] for c in chunks]).astype(np.float32)
    tokens = [known[c.fingerprint][1] for c in chunks]
    part = KoreanPart.build(np.array(ids, dtype=np.int64), vectors, tokens, factory)
    return part, len(missing)


def build_and_publish(
    documents: list[Document], *, revision: int, index_dir: Path,
    settings: RetrievalSettings, embedder: Embedder, counter: TokenCounter,
    lexicon_dir: Path, previous: Snapshot | None = None, show_progress: bool = False,
    chunk_cache: dict[str, list[Chunk]] | None = None,
    korean_encoder: KoreanEncoder | None = None,
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
        assert previous.en_ids is not None  # Snapshot.__post_init__ fills it
        old_english = [previous.chunks[i] for i in previous.en_ids.tolist()]
        reuse = {c.fingerprint: v for c, v in zip(old_english, previous.vectors, strict=True)}
    chunks = index_chunks(documents, settings, counter, cache=chunk_cache,
                          show_progress=show_progress)
    en_ids = [i for i, c in enumerate(chunks) if c.language != "ko"]
    ko_ids = [i for i, c in enumerate(chunks) if c.language == "ko"]
    vectors, embedded = embed_chunks(
        [chunks[i] for i in en_ids], embedder, reuse=reuse,
        batch_size=settings.embed_batch_size, show_progress=show_progress,
    )
    korean, embedded_ko = build_korean_part(
        [chunks[i] for i in ko_ids], ko_ids, korean_encoder or KoreanEncoder(), previous,
        factory=settings.korean_faiss_factory, show_progress=show_progress,
    )
    embedded += embedded_ko
    lexicon = MedicineLexicon.from_documents(documents, sorted(lexicon_dir.glob("*.yml")))
    params = build_params(settings, embedder, lexicon_dir)
    path = write_snapshot(
        index_dir, revision=revision, chunks=chunks, vectors=vectors, lexicon=lexicon,
        model=embedder.name, factory=settings.faiss_factory, params=params, publish=False,
        en_ids=np.array(en_ids, dtype=np.int64), korean=korean,
    )
    # read back before publishing (every file checksummed, every index loaded from disk):
    # a snapshot that cannot be loaded is never made CURRENT
    snapshot = load_snapshot(index_dir, path.name,
                             written=(chunks, korean.tokens if korean is not None else None))
    publish_snapshot(index_dir, path.name)
    prune_snapshots(index_dir)
    report = BuildReport(path.name, revision, len(chunks), embedded,
                         time.perf_counter() - started)
    log.info("published index %s: %d chunks, %d embedded, %.2fs", report.name, report.chunks,
             report.embedded, report.seconds)
    return snapshot, report
