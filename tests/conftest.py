"""Shared fixtures: one embedding model per test session, a small real index, temp stores,
and the real stack (action server, Rasa server, gateway) on free ports, started once per
session for the end-to-end and fault tests. The stack serves a copy of the published
knowledge base and index (`make index`) and the trained model (`make train`), so tests can
edit documents without touching var/."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from core.settings import REPO_ROOT, PathSettings, RetrievalSettings, Settings
from knowledge_base.documents import Document
from knowledge_base.store import KnowledgeBase, open_knowledge_base
from ops import small_index
from ops.stack import Ports, Stack, copy_published_state, services

CATALOGUE = REPO_ROOT / "knowledge_base" / "catalogue"
CHAIN_DOCS = REPO_ROOT / "knowledge_base" / "chain"


def make_settings(var_dir: Path) -> Settings:
    # no background warm-up of the index-update caches: a thousand short-lived test apps
    # would each start one (tests/api/test_kb_warm_up.py runs it on purpose)
    return Settings(paths=PathSettings(var_dir=var_dir),
                    retrieval=RetrievalSettings(warm_index_updates=False))


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


@dataclass
class RunningStack:
    stack: Stack
    ports: Ports
    var_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports.gateway}"

    def client(self, **kwargs) -> httpx.Client:
        kwargs.setdefault("timeout", 30)
        return httpx.Client(base_url=self.url, **kwargs)

    def token(self, username: str) -> dict[str, str]:
        response = httpx.post(f"{self.url}/v1/auth/token",
                              data={"username": username, "password": f"{username}-demo"})
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory) -> RunningStack:
    var_dir = tmp_path_factory.mktemp("stack-var")
    copy_published_state(var_dir)
    ports = Ports.free()
    # pharmacists answer consultations whatever the hour the tests run at
    env = {"PHARMA_PATHS__VAR_DIR": str(var_dir), "PHARMA_CONSULTATIONS__HOURS": "00:00-24:00"}
    stack = Stack(services(ports, env=env),
                  var_dir / "logs")
    try:
        stack.start(timeout_seconds=300, quiet=True)
    except Exception:
        stack.stop()
        for log in (var_dir / "logs").glob("*.log"):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")
        raise
    yield RunningStack(stack, ports, var_dir)
    stack.stop()
