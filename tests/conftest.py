"""Shared fixtures: one embedding model per test session, a small real index, temp stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from core.settings import REPO_ROOT, PathSettings, Settings
from knowledge_base.documents import Document
from knowledge_base.store import KnowledgeBase, open_knowledge_base
from ops import small_index

CATALOGUE = REPO_ROOT / "knowledge_base" / "catalogue"
CHAIN_DOCS = REPO_ROOT / "knowledge_base" / "chain"


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
    documents = small_index.small_documents(make_settings(REPO_ROOT / "var"))
    leaflets = [d for d in documents if d.kind == "leaflet"]
    assert len(leaflets) == len(small_index.SMALL_INDEX_PRODUCTS)
    return documents


@pytest.fixture(scope="session")
def small_index_settings(tmp_path_factory, embedder, token_counter) -> Settings:
    """Settings whose store and index hold ``small_documents`` (built once per session)."""
    return small_index.build_small_index(tmp_path_factory.mktemp("small-index"),
                                             embedder, token_counter)


@pytest.fixture
def kb(tmp_path) -> KnowledgeBase:
    return open_knowledge_base(f"sqlite:///{tmp_path / 'kb.sqlite'}")
