"""Shared fixtures: one embedding model per test session, a small real index, temp stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from core.settings import REPO_ROOT, PathSettings, Settings
from knowledge_base.documents import Document
from knowledge_base.markdown_docs import read_markdown_dir
from knowledge_base.openfda import read_catalogue
from knowledge_base.store import KnowledgeBase, open_knowledge_base

CATALOGUE = REPO_ROOT / "knowledge_base" / "catalogue"
CHAIN_DOCS = REPO_ROOT / "knowledge_base" / "chain"
SMALL_INDEX_PRODUCTS = {
    "cat-advil-tablets", "cat-tylenol-extra-strength-caplets", "cat-claritin-tablets",
    "cat-childrens-motrin-oral-suspension", "cat-zyrtec-tablets", "cat-tylenol-pm-extra-strength",
}


def make_settings(var_dir: Path) -> Settings:
    return Settings(paths=PathSettings(var_dir=var_dir))


@pytest.fixture(scope="session")
def embedder():
    from retrieval.embedder import Embedder

    return Embedder(threads=2)


@pytest.fixture(scope="session")
def token_counter():
    from retrieval.embedder import TokenCounter

    return TokenCounter()


@pytest.fixture(scope="session")
def small_documents() -> list[Document]:
    """A few real catalogue leaflets plus the chain's FAQ and handbook documents."""
    leaflets = [d for d in read_catalogue(CATALOGUE)
                if isinstance(d, Document) and d.doc_id in SMALL_INDEX_PRODUCTS]
    chain = [d for d in read_markdown_dir(CHAIN_DOCS) if isinstance(d, Document)]
    assert len(leaflets) == len(SMALL_INDEX_PRODUCTS)
    return leaflets + chain


@pytest.fixture(scope="session")
def small_index_settings(tmp_path_factory, small_documents, embedder, token_counter) -> Settings:
    """Settings whose store and index hold ``small_documents`` (built once per session)."""
    from retrieval.indexing import build_and_publish

    settings = make_settings(tmp_path_factory.mktemp("small-index"))
    kb = open_knowledge_base(settings.db_url)
    kb.import_documents([("test", d) for d in small_documents], origins={"test"},
                        author="importer")
    build_and_publish(
        kb.current_documents(), revision=kb.revision(), index_dir=settings.paths.index_dir,
        settings=settings.retrieval, embedder=embedder, counter=token_counter,
        lexicon_dir=settings.paths.lexicon_dir,
    )
    return settings


@pytest.fixture
def kb(tmp_path) -> KnowledgeBase:
    return open_knowledge_base(f"sqlite:///{tmp_path / 'kb.sqlite'}")
