"""Two Rasa replicas share one conversation: PostgreSQL tracker store + Redis lock store.

The continuity test addresses the replicas directly on their gateway channel, alternating
turn by turn; the fault test goes through nginx and the gateways (which reach "Rasa" through
nginx's Rasa upstream) and kills a replica mid-conversation. The fault test runs last in the
session (the continuity test restarts a killed replica if the order ever changes).
"""

from __future__ import annotations

import re
import uuid

import psycopg
import pytest

from ops.infra import DB_USER, TRACKER_DB

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
WEBHOOK = "/webhooks/gateway/webhook"  # bot/channels/gateway.py, what the gateway calls
CONSUMER = {"channel": "consumer", "language": "en"}


def turn(scaled, replica: str, sender: str, message: str) -> dict:
    """One message straight to a Rasa replica, as the gateway sends it."""
    with scaled.client(replica) as client:
        response = client.post(WEBHOOK, json={"sender": sender, "message": message,
                                              "metadata": CONSUMER})
    assert response.status_code == 200, response.text
    body = response.json()
    body["text"] = "\n".join(m["text"] for m in body["messages"] if m.get("text"))
    body["sources"] = [s for m in body["messages"] if isinstance(m.get("custom"), dict)
                       for s in m["custom"].get("sources") or []]
    return body


def user_turns_stored(scaled, sender: str) -> int:
    """User messages of ``sender`` in the shared tracker store (PostgreSQL `rasa`)."""
    stack = scaled.stack
    with psycopg.connect(host="127.0.0.1", port=stack.ports.postgres, dbname=TRACKER_DB,
                         user=DB_USER, password=stack.secrets.postgres_password) as db:
        row = db.execute("SELECT count(*) FROM events WHERE sender_id = %s AND type_name = %s",
                         (sender, "user")).fetchone()
    return row[0]


def assert_cited(body: dict, drug: str) -> None:
    assert body["sources"], body
    assert {source["drug"] for source in body["sources"]} == {drug}, body["sources"]
    assert any(source["title"] in body["text"] for source in body["sources"]), body["text"]
    assert "Source:" in body["text"], body["text"]


def test_a_conversation_alternating_replicas_keeps_its_slots(scaled):
    scaled.ensure_running("rasa-1", "rasa-2")
    sender = f"consumer:{uuid.uuid4().hex}"

    first = turn(scaled, "rasa-1", sender, "how often can I take ibuprofen?")
    assert first["intent"]["name"] == "ask_medicine"
    assert first["slots"]["medicine_generic"] == "ibuprofen"
    assert_cited(first, "ibuprofen")

    # No medicine named: rasa-2 only knows it from the shared tracker store.
    second = turn(scaled, "rasa-2", sender, "can I take it while pregnant?")
    assert second["slots"]["medicine_generic"] == "ibuprofen", second["slots"]
    assert_cited(second, "ibuprofen")
    assert re.search(r"pregnan", second["text"], re.IGNORECASE), second["text"]

    third = turn(scaled, "rasa-1", sender, "and for my 8 year old?")
    assert third["slots"]["medicine_generic"] == "ibuprofen", third["slots"]
    assert_cited(third, "ibuprofen")
    assert re.search(r"child|year", third["text"], re.IGNORECASE), third["text"]

    assert user_turns_stored(scaled, sender) == 3


def chat(client, session: str, message: str) -> dict:
    response = client.post("/v1/chat", json={"session_id": session, "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def drugs(body: dict) -> set[str]:
    return {source["drug"] for source in body["sources"]}


def test_a_killed_rasa_replica_is_skipped_and_the_conversation_goes_on(scaled):
    """Through nginx → gateways → nginx's Rasa upstream: no 5xx, slots intact, no fallback."""
    session = uuid.uuid4().hex
    with scaled.client("front") as front:
        first = chat(front, session, "how often can I take ibuprofen?")
        assert first["answered_by"] == "assistant" and drugs(first) == {"ibuprofen"}, first

        scaled.stack.services["rasa-1"].kill()

        follow_up = chat(front, session, "can I take it while pregnant?")
        assert follow_up["answered_by"] == "assistant", follow_up
        assert drugs(follow_up) == {"ibuprofen"}, follow_up
        child = chat(front, session, "and for my 8 year old?")
        assert child["answered_by"] == "assistant" and drugs(child) == {"ibuprofen"}, child

        # New conversations too, spread by nginx over both gateways, all answered by Rasa.
        for question, drug in [("what is loratadine for?", "loratadine"),
                               ("how much tylenol can I take in a day?", "acetaminophen"),
                               ("does zyrtec make you sleepy?", "cetirizine"),
                               ("how often can I take motrin?", "ibuprofen")]:
            body = chat(front, uuid.uuid4().hex, question)
            assert body["answered_by"] == "assistant", body
            assert any(drug in name for name in drugs(body)), (question, body["sources"])

    assert not scaled.stack.services["rasa-1"].running()
    for gateway in ("gateway-1", "gateway-2"):
        with scaled.client(gateway) as client:
            ready = client.get("/readyz")
        assert ready.status_code == 200, (gateway, ready.text)
        assert ready.json()["checks"]["rasa"] is True
