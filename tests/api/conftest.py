"""Gateway tests: the real app, a real SQLite store and a real small index; Rasa is faked."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.services.rasa_client import BotTurn, RasaUnavailable
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


@pytest.fixture
def settings(tmp_path, small_index_settings, small_documents):
    """A fresh store and a copy of the small index, so tests may change both."""
    fresh = make_settings(tmp_path)
    shutil.copytree(small_index_settings.paths.index_dir, fresh.paths.index_dir)
    kb = open_knowledge_base(fresh.db_url)
    kb.import_documents([("test", d) for d in small_documents], origins={"test"},
                        author="importer")
    return fresh


@pytest.fixture
def rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(settings, rasa, embedder):
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=rasa)
    with TestClient(app) as test_client:
        yield test_client


def token(client: TestClient, username: str) -> dict[str, str]:
    password = f"{username}-demo"
    response = client.post("/v1/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
