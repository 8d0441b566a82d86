"""Fixtures of the retrieval tests."""

from __future__ import annotations

import shutil

import pytest

from knowledge_base.store import open_knowledge_base
from retrieval.service import SearchService
from tests.conftest import make_settings


@pytest.fixture
def editable(small_index_settings, small_documents, embedder, tmp_path):
    """A private copy of the small index and its store, and a service over them."""
    settings = make_settings(tmp_path)
    shutil.copytree(small_index_settings.paths.index_dir, settings.paths.index_dir)
    kb = open_knowledge_base(settings.db_url)
    kb.import_documents([("test", d) for d in small_documents], origins={"test"},
                        author="importer")
    svc = SearchService(settings, embedder)
    svc.load()
    return settings, kb, svc
