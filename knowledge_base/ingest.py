"""Read every source (catalogue, shared FDA labels, chain documents) into the store.

Parsing happens first and completely; only then is the store written, in one transaction,
so an import never half-writes. Malformed records are reported and skipped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from knowledge_base.dedupe import collapse_near_duplicates
from knowledge_base.documents import Document
from knowledge_base.markdown_docs import read_markdown_dir
from knowledge_base.mfds import load_dictionary, read_e_yakeunyo
from knowledge_base.openfda import RecordError, read_catalogue, read_openfda_file
from knowledge_base.store import ImportResult, KnowledgeBase

IMPORT_AUTHOR = "importer"


@dataclass
class SourceBatch:
    origin: str
    documents: list[Document] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    # Near-duplicate collapsing compares English word shingles: meaningless for Korean
    # leaflets (each MFDS product is its own registered product and is kept).
    dedupe: bool = True


@dataclass
class ImportReport:
    batches: list[SourceBatch]
    result: ImportResult
    merged_into: dict[str, str]

    @property
    def errors(self) -> list[RecordError]:
        return [e for b in self.batches for e in b.errors]


def _collect(
    origin: str, items: Iterable[Document | RecordError], *, dedupe: bool = True
) -> SourceBatch:
    batch = SourceBatch(origin, dedupe=dedupe)
    for item in items:
        if isinstance(item, RecordError):
            batch.errors.append(item)
        else:
            batch.documents.append(item)
    return batch


class SourceMissing(FileNotFoundError):
    """A source directory of the repository is not there (a broken checkout)."""


def read_sources(
    catalogue_dir: Path | None, chain_docs_dir: Path | None, label_files: list[Path],
    *, mfds_file: Path | None = None, dur_dir: Path | None = None,
) -> list[SourceBatch]:
    """Parse each source. The repository's own directories must exist (``SourceMissing``
    names the path otherwise); a missing shared label file is not a source, and a warning
    naming its path says so on stderr (its leaflets are then not imported)."""
    for directory in (catalogue_dir, chain_docs_dir):
        if directory is not None and not directory.is_dir():
            raise SourceMissing(f"{directory} is missing: its documents cannot be imported")
    batches: list[SourceBatch] = []
    if catalogue_dir:
        batches.append(_collect("catalogue", read_catalogue(catalogue_dir)))
    for path in label_files:
        if path.is_file():
            batches.append(_collect(f"fda:{path.name}", read_openfda_file(path)))
        else:
            print(f"warning: {path} is missing: its openFDA labels are not imported",
                  file=sys.stderr)
    if mfds_file is not None:
        if mfds_file.is_file():
            leaflets = read_e_yakeunyo(mfds_file, load_dictionary(dur_dir))
            batches.append(_collect(f"mfds:{mfds_file.name}", leaflets, dedupe=False))
        else:
            print(f"warning: {mfds_file} is missing: its MFDS leaflets are not imported",
                  file=sys.stderr)
    if chain_docs_dir:
        batches.append(_collect("chain", read_markdown_dir(chain_docs_dir)))
    return batches


def import_all(
    kb: KnowledgeBase, batches: list[SourceBatch], *, show_progress: bool = True
) -> ImportReport:
    pairs: list[tuple[str, Document]] = []
    for batch in batches:
        pairs.extend((batch.origin, d) for d in batch.documents)
    no_dedupe = {b.origin for b in batches if not b.dedupe}
    kept, merged_into = collapse_near_duplicates(
        [d for origin, d in pairs if origin not in no_dedupe])
    kept_ids = {d.doc_id: d for d in kept}
    kept_ids.update({d.doc_id: d for origin, d in pairs
                     if origin in no_dedupe and d.doc_id not in kept_ids})
    seen: set[str] = set()
    unique: list[tuple[str, Document]] = []
    for origin, doc in pairs:
        if doc.doc_id in kept_ids and doc.doc_id not in seen:
            seen.add(doc.doc_id)
            unique.append((origin, kept_ids[doc.doc_id]))
        elif doc.doc_id in seen:
            batch = next(b for b in batches if b.origin == origin)
            batch.errors.append(RecordError(origin, 0, f"duplicate document id {doc.doc_id}"))
    progress = tqdm(unique, desc="importing documents", unit="doc", disable=not show_progress)
    result = kb.import_documents(
        progress, origins={b.origin for b in batches}, author=IMPORT_AUTHOR
    )
    return ImportReport(batches, result, merged_into)
