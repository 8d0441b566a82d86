"""Immutable index snapshots: chunks, FAISS index, BM25 index and lexicon, versioned together.

A snapshot is written into a fresh directory, checksummed, and only then published by
atomically replacing the ``CURRENT`` pointer (never with an older revision than it names).
Readers load what ``CURRENT`` names and verify every checksum, so a truncated or corrupt
file is refused and the last good snapshot keeps serving. Rebuilding after an edit
re-embeds only chunks whose text changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import overload

import faiss
import numpy as np
from filelock import FileLock
from tqdm import tqdm

from core.lines import physical_lines
from knowledge_base.documents import Document
from knowledge_base.medicine_names import MedicineLexicon
from retrieval import dense
from retrieval.chunking import Chunk, chunk_document
from retrieval.embedder import Embedder, TokenCounter
from retrieval.korean import KoreanPart
from retrieval.sparse import SparseIndex

POINTER = "CURRENT"
FORMAT_VERSION = 1


class SnapshotError(RuntimeError):
    """A snapshot is missing, incomplete or corrupt."""


@dataclass
class Snapshot:
    name: str
    revision: int
    chunks: list[Chunk]
    vectors: np.ndarray
    dense_index: faiss.Index
    sparse_index: SparseIndex
    lexicon: MedicineLexicon
    manifest: dict
    # English part: ``vectors``, ``dense_index`` and ``sparse_index`` cover the chunks at
    # ``en_ids`` (every chunk when there is no Korean part); Korean chunks are in ``korean``.
    en_ids: np.ndarray | None = None
    korean: KoreanPart | None = None
    _audience_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _generic_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _kind_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _doc_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _language_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _section_ids: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.en_ids is None:
            self.en_ids = np.arange(len(self.chunks), dtype=np.int64)
        self._en_row_of = np.full(len(self.chunks), -1, dtype=np.int64)
        self._en_row_of[self.en_ids] = np.arange(len(self.en_ids))
        by_doc: dict[str, list[int]] = {}
        by_language: dict[str, list[int]] = {}
        by_section: dict[str, list[int]] = {}
        for i, chunk in enumerate(self.chunks):
            by_doc.setdefault(chunk.doc_id, []).append(i)
            by_language.setdefault(chunk.language, []).append(i)
            by_section.setdefault(chunk.section, []).append(i)
        self._section_ids = {k: np.array(v, dtype=np.int64) for k, v in by_section.items()}
        self._doc_ids = {k: np.array(v, dtype=np.int64) for k, v in by_doc.items()}
        self._language_ids = {k: np.array(v, dtype=np.int64) for k, v in by_language.items()}
        by_audience: dict[str, list[int]] = {}
        by_generic: dict[str, list[int]] = {}
        by_kind: dict[str, list[int]] = {}
        for i, chunk in enumerate(self.chunks):
            by_audience.setdefault(chunk.audience, []).append(i)
            by_kind.setdefault(chunk.kind, []).append(i)
            for generic in chunk.generics:
                by_generic.setdefault(generic, []).append(i)
        self._audience_ids = {k: np.array(v, dtype=np.int64) for k, v in by_audience.items()}
        self._generic_ids = {k: np.array(v, dtype=np.int64) for k, v in by_generic.items()}
        self._kind_ids = {k: np.array(v, dtype=np.int64) for k, v in by_kind.items()}

    def ids_for(
        self, audience: str | None, generics: tuple[str, ...] = (), kinds: tuple[str, ...] = ()
    ) -> np.ndarray | None:
        """Chunk ids visible to ``audience`` (None: all), of ``kinds``, about ``generics``."""
        empty = np.empty(0, np.int64)
        ids = None if audience is None else self._audience_ids.get(audience, empty)
        if kinds:
            of_kinds = np.unique(np.concatenate([self._kind_ids.get(k, empty) for k in kinds]))
            ids = of_kinds if ids is None else np.intersect1d(ids, of_kinds)
        if generics:
            about = [self._generic_ids.get(g, np.empty(0, np.int64)) for g in generics]
            medicine_ids = np.unique(np.concatenate(about))
            ids = medicine_ids if ids is None else np.intersect1d(ids, medicine_ids)
        return ids

    @overload
    def restrict(self, ids: np.ndarray | None, *, doc_ids: tuple[str, ...] = (),
                 language: str, sections: tuple[str, ...] = ()) -> np.ndarray: ...

    @overload
    def restrict(self, ids: np.ndarray | None, *, doc_ids: tuple[str, ...] = (),
                 language: None = None,
                 sections: tuple[str, ...] = ()) -> np.ndarray | None: ...

    def restrict(self, ids: np.ndarray | None, *, doc_ids: tuple[str, ...] = (),
                 language: str | None = None,
                 sections: tuple[str, ...] = ()) -> np.ndarray | None:
        """``ids`` (None: all) narrowed to chunks of ``doc_ids``, of ``language`` and/or of
        ``sections`` (section keys)."""
        empty = np.empty(0, np.int64)
        if sections:
            of_sections = np.unique(np.concatenate(
                [self._section_ids.get(key, empty) for key in sections]))
            ids = of_sections if ids is None else np.intersect1d(ids, of_sections)
        if doc_ids:
            of_docs = np.unique(np.concatenate([self._doc_ids.get(d, empty) for d in doc_ids]))
            ids = of_docs if ids is None else np.intersect1d(ids, of_docs)
        if language is not None:
            of_language = self._language_ids.get(language, empty)
            ids = of_language if ids is None else np.intersect1d(ids, of_language)
        return ids

    def has_language(self, language: str, ids: np.ndarray | None = None) -> bool:
        of_language = self._language_ids.get(language)
        if of_language is None or not len(of_language):
            return False
        return ids is None or bool(len(np.intersect1d(ids, of_language)))

    def en_rows(self, chunk_ids: list[int] | np.ndarray) -> np.ndarray:
        """Rows of ``vectors`` for English chunk ids (-1 for a chunk of another part)."""
        return self._en_row_of[np.asarray(chunk_ids, dtype=np.int64)]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def chunk_documents(
    documents: list[Document], counter: TokenCounter, *, max_tokens: int, overlap: int,
    show_progress: bool = False, cache: dict[str, list[Chunk]] | None = None,
) -> list[Chunk]:
    """Chunks of every document; ``cache`` (content hash -> chunks) skips unchanged ones."""
    chunks: list[Chunk] = []
    for doc in tqdm(documents, desc="chunking", unit="doc", disable=not show_progress):
        key = f"{max_tokens}:{overlap}:{doc.content_hash()}"
        doc_chunks = cache.get(key) if cache is not None else None
        if doc_chunks is None:
            doc_chunks = chunk_document(doc, max_tokens=max_tokens, overlap=overlap,
                                        count=counter)
            if cache is not None:
                cache[key] = doc_chunks
        chunks.extend(doc_chunks)
    return chunks


def embed_chunks(
    chunks: list[Chunk], embedder: Embedder, *, reuse: dict[str, np.ndarray],
    batch_size: int, show_progress: bool = False,
) -> tuple[np.ndarray, int]:
    """Vectors for ``chunks`` (re-embedding only those not in ``reuse``) and how many were new."""
    missing = [c for c in chunks if c.fingerprint not in reuse]
    fresh = embedder.encode_documents(
        [c.search_text for c in missing], batch_size=batch_size, show_progress=show_progress
    )
    known = dict(reuse)
    known.update({c.fingerprint: v for c, v in zip(missing, fresh, strict=True)})
    if not chunks:
        return np.zeros((0, embedder.dimension), dtype=np.float32), 0
    return np.stack([known[c.fingerprint] for c in chunks]).astype(np.float32), len(missing)


def write_snapshot(
    index_dir: Path, *, revision: int, chunks: list[Chunk], vectors: np.ndarray,
    lexicon: MedicineLexicon, model: str, factory: str, params: str = "",
    publish: bool = True, en_ids: np.ndarray | None = None, korean: KoreanPart | None = None,
) -> Path:
    """Write all files of a snapshot, checksum them, then (optionally) publish it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"r{revision:06d}-{stamp}"
    staging = index_dir / f".staging-{name}"
    staging.mkdir()
    with (staging / "chunks.jsonl").open("w", encoding="utf-8") as handle:
        for chunk in chunks:
            handle.write(chunk.json_line + "\n")
    if en_ids is None:
        en_ids = np.arange(len(chunks), dtype=np.int64)
    np.save(staging / "vectors.npy", vectors)
    np.save(staging / "en_ids.npy", en_ids)
    dense.save_index(dense.build_index(vectors, factory, ids=en_ids), staging / "dense.faiss")
    SparseIndex.build([chunks[i].search_text for i in en_ids.tolist()]).save(staging / "bm25")
    if korean is not None:
        korean.save(staging / "ko")
    (staging / "lexicon.json").write_text(json.dumps(lexicon.to_json(), ensure_ascii=False))
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    manifest = {
        "format": FORMAT_VERSION, "name": name, "revision": revision, "model": model,
        "faiss_factory": factory, "params": params, "chunks": len(chunks),
        "korean_model": korean.model if korean is not None else None,
        "korean_chunks": len(korean) if korean is not None else 0,
        "created_at": stamp,
        "files": {str(p.relative_to(staging)): _sha256(p) for p in files},
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1))
    for path in [*files, staging / "manifest.json"]:
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    final = index_dir / name
    staging.rename(final)
    _fsync_dir(index_dir)
    if publish:
        publish_snapshot(index_dir, name)
    return final


def revision_of(name: str) -> int:
    """The knowledge-base revision a snapshot name carries (``r000042-…`` → 42)."""
    return int(name.split("-", 1)[0].removeprefix("r"))


def publish_snapshot(index_dir: Path, name: str) -> bool:
    """Atomically point ``CURRENT`` at snapshot ``name``; False if it already names a later
    revision. Several processes (gateway replicas, the indexer) may publish into one
    directory: a file lock serialises them, so an edit built more slowly can never move the
    pointer back past a newer one."""
    with FileLock(index_dir / ".publish.lock"):
        current = current_name(index_dir)
        if current is not None and revision_of(current) > revision_of(name):
            return False
        tmp = index_dir / f".{POINTER}.tmp"
        tmp.write_text(name)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, index_dir / POINTER)
        _fsync_dir(index_dir)
        return True


def current_name(index_dir: Path) -> str | None:
    try:
        return (index_dir / POINTER).read_text().strip() or None
    except FileNotFoundError:
        return None


def load_snapshot(index_dir: Path, name: str | None = None, *,
                  written: tuple[list[Chunk], list[list[str]] | None] | None = None) -> Snapshot:
    """Load and verify snapshot ``name`` (default: the published one); SnapshotError if any
    file is missing, corrupt or unreadable.

    ``written``: the chunks (and Korean tokens) the caller has just written into it. Their
    files are still checksummed, but not parsed again (the writer reading back its own
    snapshot before publishing it); every index file is loaded as any reader would.
    """
    name = name or current_name(index_dir)
    if not name:
        raise SnapshotError(f"no published index in {index_dir}: run `make index`")
    directory = index_dir / name
    try:
        manifest = json.loads((directory / "manifest.json").read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise SnapshotError(f"snapshot {name}: unreadable manifest ({exc})") from exc
    for relative, expected in manifest.get("files", {}).items():
        path = directory / relative
        if not path.is_file() or _sha256(path) != expected:
            raise SnapshotError(f"snapshot {name}: {relative} is missing or corrupt")
    try:
        chunks = written[0] if written is not None else [
            Chunk.from_json(json.loads(line))
            for line in physical_lines((directory / "chunks.jsonl").read_text(encoding="utf-8"))
        ]
        korean_tokens = written[1] if written is not None else None
        snapshot = Snapshot(
            name=name,
            revision=int(manifest["revision"]),
            chunks=chunks,
            vectors=np.load(directory / "vectors.npy"),
            dense_index=dense.load_index(directory / "dense.faiss"),
            sparse_index=SparseIndex.load(directory / "bm25"),
            lexicon=MedicineLexicon.from_json(json.loads((directory / "lexicon.json").read_text())),
            manifest=manifest,
            en_ids=np.load(directory / "en_ids.npy")
            if (directory / "en_ids.npy").is_file() else None,
            korean=KoreanPart.load(directory / "ko", korean_tokens)
            if (directory / "ko").is_dir() else None,
        )
    except Exception as exc:  # any parse failure means the snapshot cannot serve
        raise SnapshotError(f"snapshot {name}: cannot load ({exc})") from exc
    english = len(snapshot.en_ids) if snapshot.en_ids is not None else len(chunks)
    korean = len(snapshot.korean) if snapshot.korean is not None else 0
    if (snapshot.dense_index.ntotal != english or len(snapshot.vectors) != english
            or english + korean != len(chunks)):
        raise SnapshotError(f"snapshot {name}: index and chunk counts differ")
    return snapshot


def load_newest_older(index_dir: Path, refused: str) -> Snapshot:
    """The newest snapshot older than ``refused`` that verifies (when ``CURRENT`` is corrupt).

    Names sort by revision, then creation time, so "older" is "sorts before". A snapshot that
    was written but never published (newer than ``refused``) is not a candidate.
    """
    older = sorted((p.name for p in index_dir.glob("r*-*") if p.is_dir() and p.name < refused),
                   reverse=True)
    problems = []
    for name in older:
        try:
            return load_snapshot(index_dir, name)
        except SnapshotError as exc:
            problems.append(str(exc))
    raise SnapshotError(f"no snapshot older than {refused} verifies"
                        + (f" ({'; '.join(problems)})" if problems else ""))


def prune_snapshots(index_dir: Path, keep: int = 3) -> None:
    """Delete old snapshots (never the current one) and abandoned staging directories."""
    current = current_name(index_dir)
    for stale in index_dir.glob(".staging-*"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)
    names = sorted(p.name for p in index_dir.glob("r*-*") if p.is_dir())
    for old in names[:-keep]:
        if old != current:
            shutil.rmtree(index_dir / old, ignore_errors=True)
