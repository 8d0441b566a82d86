"""The action server killed: Rasa still answers, but its custom actions say nothing.

The gateway must then never answer 5xx: a medicine question is answered from the leaflets
alone (marked ``retrieval_only``, cited), an emergency still escalates, and anything else
gets a plain apology (``answered_by="unavailable"``) unless Rasa's own responses (a
greeting) still work. Once the action server is back, answers are normal again.

The first test drives the gateway in-process with a dialogue that answers nothing; the
second kills the real action server of the end-to-end stack (and always restarts it).
"""

from __future__ import annotations

import time
import uuid

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from api.models import ChatTurn
from api.services.rasa_client import BotTurn
from replies import retrieval_only_note
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa, token

APOLOGY = {"en": "Sorry, I can't answer that right now", "ko": "죄송합니다"}


class SilentRasa(FakeRasa):
    """Rasa whose custom actions fail: it understands the message but replies nothing."""

    async def send(self, sender: str, message: str, metadata: dict) -> BotTurn:
        self.received.append((sender, message, metadata))
        return BotTurn(texts=[], intent={"name": "ask_store_info", "confidence": 0.9})


def text_of(body: dict) -> str:
    return "\n".join(reply["text"] for reply in body["replies"])


def test_a_silent_dialogue_gets_leaflet_answers_apologies_and_escalations(fault_settings,
                                                                           embedder):
    app = create_app(fault_settings, search_service=SearchService(fault_settings, embedder),
                     rasa_client=SilentRasa())
    with TestClient(app) as client:
        def chat(message: str, path: str = "/v1/chat", headers: dict | None = None) -> dict:
            response = client.post(path, json={"session_id": "s1", "message": message},
                                   headers=headers or {})
            assert response.status_code == 200, response.text
            return response.json()

        medicine = chat("how often can I take advil?")
        assert medicine["answered_by"] == "retrieval_only"
        assert medicine["replies"][0]["text"] == retrieval_only_note("en")
        assert medicine["sources"][0]["doc_id"] == "cat-advil-tablets"

        for message, language in [("when does the gangnam store close?", "en"),
                                  ("강남점은 몇 시에 문을 닫나요?", "ko")]:
            store = chat(message)
            assert store["answered_by"] == "unavailable" and store["language"] == language
            assert text_of(store).startswith(APOLOGY[language]) and "119" in text_of(store)
            assert store["sources"] == [] and not store["emergency"]

        emergency = chat("my son swallowed a whole bottle of advil")
        assert emergency["emergency"] is True and "119" in text_of(emergency)
        assert emergency["sources"] == []

        hr = chat("how many leave days do I have?", "/v1/hr/chat", token(client, "employee"))
        assert hr["answered_by"] == "unavailable"

        with app.state.sessions() as session:
            kept = session.scalars(select(ChatTurn.answered_by)
                                   .order_by(ChatTurn.created_at)).all()
        assert kept == ["retrieval_only", "unavailable", "unavailable", "safety", "unavailable"]


# --- the real stack -----------------------------------------------------------------------------

TURNS = [  # (message, what it needs from the action server)
    ("how often can I take ibuprofen?", "medicine"),
    ("what is the maximum dose of tylenol extra strength?", "medicine"),
    ("can I take loratadine with food?", "medicine"),
    ("how should I store motrin ib?", "medicine"),
    ("what are the side effects of cetirizine?", "medicine"),
    ("타이레놀 하루에 몇 알까지 먹어요?", "medicine"),
    ("when does the gangnam store close?", "other"),
    ("is there parking at your stores?", "other"),
    ("강남점 몇 시에 닫아요?", "other"),
    ("can I talk to a pharmacist?", "other"),
    ("tell me a joke about cats", "other"),
    ("hi", "other"),
    ("thanks, that helps", "other"),
    ("asdfgh qwerty", "other"),
    ("do you deliver to busan?", "other"),
    ("I took 40 pills and feel dizzy", "emergency"),
    ("my son just swallowed a whole bottle of tylenol", "emergency"),
    ("my friend is having a seizure", "emergency"),
    ("how much advil can I give my 8 year old?", "medicine"),
    ("what is naproxen?", "other"),
]


def post_chat(stack, message: str) -> httpx.Response:
    with stack.client(timeout=30) as client:
        return client.post("/v1/chat", json={"session_id": uuid.uuid4().hex,
                                             "message": message})


@pytest.mark.e2e
@pytest.mark.slow
def test_with_the_action_server_killed_no_turn_fails_and_answers_recover(running_stack):
    actions = running_stack.stack.services["actions"]
    actions.kill()
    try:
        answers = [(message, kind, post_chat(running_stack, message))
                   for message, kind in TURNS]
        for message, kind, response in answers:
            assert response.status_code == 200, (message, response.status_code, response.text)
            body = response.json()
            text = text_of(body)
            assert text.strip(), message
            if kind == "emergency":
                assert body["emergency"] is True and "119" in text, (message, body)
                assert body["sources"] == []
                continue
            assert body["emergency"] is False, (message, body)
            if body["answered_by"] == "retrieval_only":  # marked, and quoting with a citation
                assert body["replies"][0]["text"] == retrieval_only_note(body["language"])
                assert body["sources"] or "pharmacist" in text.lower() or "약사" in text
            elif body["answered_by"] == "unavailable":  # a plain apology
                assert text.startswith(APOLOGY[body["language"]]), (message, text)
                assert body["sources"] == []
            else:  # Rasa's own responses (a greeting) need no action server; never a leaflet
                assert body["answered_by"] == "assistant", (message, body)
                assert body["sources"] == [] and kind == "other", (message, body)
        by_message = {message: response.json() for message, _, response in answers}
        ibuprofen = by_message["how often can I take ibuprofen?"]
        assert ibuprofen["answered_by"] == "retrieval_only"
        assert {s["drug"] for s in ibuprofen["sources"]} == {"ibuprofen"}
        assert by_message["when does the gangnam store close?"]["answered_by"] == "unavailable"
    finally:
        if not actions.running():
            actions.start(running_stack.var_dir / "logs")
        running_stack.stack.wait_healthy(300, names=["actions"], quiet=True)
        actions.warm()

    # back to normal: the first calls may still be warming up (then the gateway falls back)
    deadline = time.monotonic() + 180
    while True:
        body = post_chat(running_stack, "how often can I take ibuprofen?").json()
        if body["answered_by"] == "assistant" or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert body["answered_by"] == "assistant", body
    assert {s["drug"] for s in body["sources"]} == {"ibuprofen"}
    assert any(s["title"] in text_of(body) for s in body["sources"]), body
    assert "pharmacist" in text_of(body).lower()
