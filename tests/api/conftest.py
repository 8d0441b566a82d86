"""Gateway tests: the real app, a real SQLite store and a real small index; Rasa is faked."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.services.rasa_client import BotTurn, RasaUnavailable
from core.settings import Settings
from knowledge_base.store import open_knowledge_base
from retrieval.service import SearchService
from tests.conftest import make_settings


class FakeRasa:
    """Stands in for the Rasa server: replies with whatever the test queued."""

    def __init__(self) -> None:
        self.available = True
        self.turns: list[BotTurn] = []
        self.received: list[tuple[str, str, dict]] = []

    def reply(self, text: str, *, intent: str = "ask_medicine", **payload) -> None:
        meta = {"type": "assistant_meta", "sources": [], "emergency": False, "handoff": False,
                "gap": None, **payload}
        self.turns.append(BotTurn(texts=[{"text": text, "buttons": None}], payloads=[meta],
                                  intent={"name": intent, "confidence": 0.97}))

    async def send(self, sender: str, message: str, metadata: dict) -> BotTurn:
        if not self.available:
            raise RasaUnavailable("connection refused")
        self.received.append((sender, message, metadata))
        if self.turns:
            return self.turns.pop(0)
        return BotTurn(texts=[{"text": "Hello! Ask me about a medicine.", "buttons": None}],
                       intent={"name": "greet", "confidence": 0.9})

    async def ready(self) -> bool:
        return self.available

    async def aclose(self) -> None:
        return None


@pytest.fixture(scope="session")
def store_template(tmp_path_factory, small_documents) -> Path:
    """The small documents imported once per session into a store every test copies (the
    migrations and the import are the same for all; only the copy is each test's own)."""
    template = make_settings(tmp_path_factory.mktemp("store-template"))
    kb = open_knowledge_base(template.db_url)
    kb.import_documents([("test", d) for d in small_documents], origins={"test"},
                        author="importer")
    return template.paths.var_dir / "pharmacy.sqlite"


def copy_test_state(var_dir: Path, small_index: Settings, store: Path) -> Settings:
    """Settings over a copy of the small index and of the store template, in ``var_dir``."""
    fresh = make_settings(var_dir)
    shutil.copytree(small_index.paths.index_dir, fresh.paths.index_dir)  # makes var_dir too
    # SQLite's backup API copies a consistent database even with the template in WAL mode
    with closing(sqlite3.connect(store)) as source, \
            closing(sqlite3.connect(fresh.paths.var_dir / "pharmacy.sqlite")) as target:
        source.backup(target)
    return fresh


@pytest.fixture
def settings(tmp_path, small_index_settings, store_template):
    """A fresh store and a copy of the small index, so tests may change both."""
    return copy_test_state(tmp_path, small_index_settings, store_template)


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(settings, rasa, embedder):
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=rasa)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def read_only_client(tmp_path_factory, small_index_settings, store_template, embedder):
    """One app for a module whose tests only read (pages, static files, the schema)."""
    settings = copy_test_state(tmp_path_factory.mktemp("read-only"), small_index_settings,
                               store_template)
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as test_client:
        yield test_client


def token(client: TestClient, username: str) -> dict[str, str]:
    password = f"{username}-demo"
    response = client.post("/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
