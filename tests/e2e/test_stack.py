"""The real stack (Rasa server + action server + gateway over the full knowledge base), chatting.

Nothing is faked here: each message goes gateway → Rasa → action server → gateway search
and back. The degradation test stops the Rasa server and starts it again afterwards.
"""

from __future__ import annotations

import re
import uuid

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def chat(stack, session_id: str, message: str, headers: dict | None = None) -> dict:
    with stack.client() as client:
        response = client.post("/v1/chat", json={"session_id": session_id, "message": message},
                               headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()


def reply_text(body: dict) -> str:
    return "\n".join(reply["text"] for reply in body["replies"])


def new_session() -> str:
    return uuid.uuid4().hex


def test_stack_is_ready(running_stack):
    with running_stack.client() as client:
        ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text


def test_medicine_question_is_answered_from_a_cited_leaflet(running_stack):
    body = chat(running_stack, new_session(), "how often can I take ibuprofen?")
    assert body["answered_by"] == "assistant"
    assert body["intent"]["name"] == "ask_medicine"
    assert not body["emergency"]
    assert body["sources"], body
    assert {source["drug"] for source in body["sources"]} == {"ibuprofen"}
    text = reply_text(body)
    assert "pharmacist" in text.lower()
    assert any(source["title"] in text for source in body["sources"]), text


@pytest.mark.parametrize(("message", "expected"), [
    ("hello", "Ask me about our medicines"), ("안녕하세요", "의약품"),
])
def test_the_app_greets_as_the_pharmacy_assistant_in_the_users_language(running_stack, message,
                                                                         expected):
    text = reply_text(chat(running_stack, new_session(), message))
    assert expected in text and "HR" not in text, text


def test_medicine_carries_over_to_the_follow_up(running_stack):
    session = new_session()
    first = chat(running_stack, session, "how much advil can i take")
    assert {source["drug"] for source in first["sources"]} == {"ibuprofen"}
    follow_up = chat(running_stack, session, "and for my 8 year old?")
    assert follow_up["sources"], follow_up
    assert {source["drug"] for source in follow_up["sources"]} == {"ibuprofen"}
    assert re.search(r"child|year", reply_text(follow_up), re.IGNORECASE)


def test_emergency_in_the_middle_of_a_conversation(running_stack):
    session = new_session()
    chat(running_stack, session, "can i take loratadine with food?")
    body = chat(running_stack, session, "my son just swallowed a whole bottle of tylenol")
    assert body["emergency"] is True
    assert body["sources"] == []
    assert "119" in reply_text(body)
    after = chat(running_stack, session, "what is loratadine for?")
    assert after["emergency"] is False and after["sources"]


def test_store_question_answers_from_the_store_faq(running_stack):
    body = chat(running_stack, new_session(), "when does the gangnam store close?")
    assert body["intent"]["name"] == "ask_store_info"
    assert re.search(r"\d{1,2}(:\d\d)?", reply_text(body)), body


def test_unknown_medicine_never_gets_a_dose(running_stack):
    dose = re.compile(r"\d+\s*(mg|tablets?|caplets?|ml)\b")
    not_held = reply_text(chat(running_stack, new_session(), "how much xanax can i take?"))
    assert "pharmacist" in not_held.lower() and not dose.search(not_held.lower()), not_held
    made_up = reply_text(chat(running_stack, new_session(), "how much zorblaxin should I take?"))
    assert not dose.search(made_up.lower()), made_up
    assert re.search(r"pharmacist|which medicine", made_up, re.IGNORECASE), made_up


def test_staff_edit_is_cited_in_the_next_answer(running_stack):
    staff = running_stack.token("pharmacist")
    doc_id, section = "cat-motrin-ib-tablets", "storage_and_handling"
    marker = f"Store-check code {uuid.uuid4().hex[:6].upper()}"
    with running_stack.client(headers=staff) as client:
        before = client.get(f"/v1/kb/documents/{doc_id}").json()
        edited = client.put(f"/v1/kb/documents/{doc_id}/sections/{section}", json={
            "text": f"Keep the tablets in a cool dry cupboard away from sunlight. {marker}.",
            "expected_version": before["version"]})
        assert edited.status_code == 200, edited.text
        try:
            body = chat(running_stack, new_session(), "how should I store motrin ib?")
            assert marker in reply_text(body), body
            assert any(source["doc_id"] == doc_id and source["section"] == section
                       for source in body["sources"]), body["sources"]
        finally:
            back = client.post(f"/v1/kb/documents/{doc_id}/rollback",
                               json={"version": before["version"]})
            assert back.status_code == 200, back.text
    assert marker not in reply_text(chat(running_stack, new_session(),
                                         "how should I store motrin ib?"))


def test_with_rasa_stopped_the_gateway_degrades_and_recovers(running_stack):
    """Rasa down: medicine questions come from retrieval alone, emergencies still escalate."""
    rasa = running_stack.stack.services["rasa"]
    rasa.kill()
    try:
        with running_stack.client(timeout=5) as client:  # never hangs: answers well within 5 s
            medicine = client.post("/v1/chat", json={
                "session_id": new_session(), "message": "how often can I take ibuprofen?"})
            emergency = client.post("/v1/chat", json={
                "session_id": new_session(), "message": "I took 40 pills and feel dizzy"})
            small_talk = client.post("/v1/chat", json={
                "session_id": new_session(), "message": "tell me a joke about cats"})
            ready = client.get("/readyz")
        assert medicine.status_code == 200, medicine.text
        assert medicine.json()["answered_by"] == "retrieval_only"
        assert {s["drug"] for s in medicine.json()["sources"]} == {"ibuprofen"}
        assert emergency.status_code == 200 and emergency.json()["emergency"] is True
        assert small_talk.status_code == 503
        assert small_talk.json()["detail"]
        assert ready.status_code == 503
    finally:
        rasa.start(running_stack.var_dir / "logs")
        running_stack.stack.wait_healthy(300, names=["rasa"], quiet=True)
        rasa.warm()
    assert chat(running_stack, new_session(), "hi")["answered_by"] == "assistant"
