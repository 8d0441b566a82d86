"""The HR tests' app: the real one, with "today" fixed (tests/api/hr/support.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import api.main
from api.main import create_app
from api.routes.hr import get_today
from retrieval.service import SearchService
from tests.api.conftest import token
from tests.api.hr.support import (
    TODAY,
)


@pytest.fixture
def client(settings, rasa, embedder, monkeypatch):
    monkeypatch.setattr(api.main, "today_in_seoul", lambda: TODAY)  # the seed's "today"
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=rasa)
    app.dependency_overrides[get_today] = lambda: TODAY
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth(client):
    """Headers per demo user, signing in once per test."""
    signed_in: dict[str, dict[str, str]] = {}

    def headers(username: str) -> dict[str, str]:
        if username not in signed_in:
            signed_in[username] = token(client, username)
        return signed_in[username]

    return headers
