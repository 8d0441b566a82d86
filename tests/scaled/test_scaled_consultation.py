"""A live consultation across the two gateway replicas of the scaled profile: the user talks
to gateway-2, the pharmacist claims and answers on gateway-1 (PostgreSQL holds the state)."""

from __future__ import annotations

import uuid

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_user_on_one_gateway_pharmacist_on_the_other(scaled):
    scaled.ensure_running("rasa-1", "rasa-2", "gateway-1", "gateway-2")
    sid = f"scaled-{uuid.uuid4().hex[:12]}"
    pharmacist = scaled.token("pharmacist", via="gateway-1")
    with scaled.client("gateway-2") as user, scaled.client("gateway-1") as staff:
        first = user.post("/v1/chat", json={"session_id": sid,
                                            "message": "I'd like to talk to a pharmacist"})
        assert first.status_code == 200, first.text
        body = first.json()
        assert body["handoff"] is True and body["consultation_status"] == "waiting", body
        session_token, consultation_id = body["session_token"], body["consultation_id"]

        queue = staff.get("/v1/staff/consultations", headers=pharmacist).json()
        assert consultation_id in [c["id"] for c in queue["consultations"]]
        claimed = staff.post(f"/v1/staff/consultations/{consultation_id}/claim",
                             headers=pharmacist)
        assert claimed.status_code == 200, claimed.text
        sent = staff.post(f"/v1/staff/consultations/{consultation_id}/messages",
                          headers=pharmacist, json={"text": "Hello, how can I help?"})
        assert sent.status_code == 201, sent.text

        seen = user.get(f"/v1/chat/{sid}/messages",
                        headers={"X-Session-Token": session_token}).json()
        assert "Hello, how can I help?" in [m["text"] for m in seen["messages"]
                                            if m["sender"] == "pharmacist"]
        pending = user.post("/v1/chat", json={"session_id": sid, "session_token": session_token,
                                              "message": "can I take ibuprofen with coffee?"})
        assert pending.json()["answered_by"] == "pharmacist_pending", pending.text
        transcript = staff.get(f"/v1/staff/consultations/{consultation_id}",
                               headers=pharmacist).json()
        assert transcript["messages"][-1]["text"] == "can I take ibuprofen with coffee?"

        closed = staff.post(f"/v1/staff/consultations/{consultation_id}/close",
                            headers=pharmacist, json={"outcome": "answered"})
        assert closed.status_code == 200, closed.text
        back = user.post("/v1/chat", json={"session_id": sid, "session_token": session_token,
                                           "message": "how often can I take ibuprofen?"})
        assert back.json()["answered_by"] in ("assistant", "retrieval_only"), back.text
        assert back.json()["replies"], back.text
    with scaled.client("gateway-1") as stranger:
        other = stranger.get(f"/v1/chat/{sid}/messages",
                             headers={"X-Session-Token": "not-the-token-of-this-session"})
        assert other.status_code == 404
