"""A small real knowledge base and index for tests: a few leaflets plus the chain documents.

    python -m ops.small_index <var_dir>     (used by the action-server tests)
"""

from __future__ import annotations

import sys
from pathlib import Path

from core.settings import PathSettings, Settings
from knowledge_base.documents import Document
from knowledge_base.markdown_docs import read_markdown_dir
from knowledge_base.openfda import read_catalogue
from knowledge_base.store import open_knowledge_base
from retrieval.embedder import Embedder, TokenCounter
from retrieval.indexing import build_and_publish
from retrieval.snapshot import Snapshot, SnapshotError, load_snapshot

PUBLISHED_INDEX = PathSettings().index_dir  # what `make index` publishes

SMALL_INDEX_PRODUCTS = {
    "cat-advil-tablets", "cat-tylenol-extra-strength-caplets", "cat-claritin-tablets",
    "cat-childrens-motrin-oral-suspension", "cat-zyrtec-tablets", "cat-tylenol-pm-extra-strength",
}


def small_documents(settings: Settings) -> list[Document]:
    leaflets = [d for d in read_catalogue(settings.paths.catalogue_dir)
                if isinstance(d, Document) and d.doc_id in SMALL_INDEX_PRODUCTS]
    chain = [d for d in read_markdown_dir(settings.paths.chain_docs_dir)
             if isinstance(d, Document)]
    return leaflets + chain


def build_small_index(var_dir: Path, embedder: Embedder | None = None,
                      counter: TokenCounter | None = None,
                      reuse_from: Path = PUBLISHED_INDEX) -> Settings:
    """Import ``small_documents`` into a store under ``var_dir`` and index them. Vectors of
    chunks the published index at ``reuse_from`` holds (`make index`) are taken from it, as
    an index update takes them from the previous snapshot; the rest are encoded."""
    settings = Settings(paths=PathSettings(var_dir=var_dir))
    kb = open_knowledge_base(settings.db_url)
    kb.import_documents([("test", d) for d in small_documents(settings)], origins={"test"},
                        author="importer")
    build_and_publish(
        kb.current_documents(), revision=kb.revision(), index_dir=settings.paths.index_dir,
        settings=settings.retrieval, embedder=embedder or Embedder(),
        counter=counter or TokenCounter(), lexicon_dir=settings.paths.lexicon_dir,
        previous=_published(reuse_from),
    )
    return settings


def _published(index_dir: Path) -> Snapshot | None:
    try:
        return load_snapshot(index_dir)
    except SnapshotError:
        return None


if __name__ == "__main__":
    build_small_index(Path(sys.argv[1]))
