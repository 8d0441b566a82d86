"""At start-up the gateway prepares the index-update caches in the background, so the first
staff edit is as quick as the next ones (tests turn this off elsewhere: see make_settings)."""

from __future__ import annotations

import logging
import threading

from fastapi.testclient import TestClient

from api.main import create_app
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa


def test_the_gateway_warms_the_index_update_caches_at_start(settings, embedder, caplog):
    settings.retrieval.warm_index_updates = True
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=FakeRasa())
    with caplog.at_level(logging.INFO, logger="api.services.kb_admin"), TestClient(app):
        for thread in threading.enumerate():
            if thread.name == "warm-index-updates":
                thread.join(120)
        chunks = len(app.state.search.snapshot.chunks)
        ready = [r.getMessage() for r in caplog.records
                 if r.getMessage().startswith("index-update caches ready")]
        assert ready == [f"index-update caches ready: {chunks} chunks"]
        # and the first edit publishes from them
        assert app.state.kb_admin.publish().chunks == chunks
