import time

from fastapi.testclient import TestClient
from sqlalchemy import select

from api.main import create_app
from api.models import ChatTurn
from retrieval.service import SearchService

SOURCE = {"doc_id": "cat-advil-tablets", "drug": "ibuprofen",
          "section": "dosage_and_administration", "title": "Advil (ibuprofen)"}


def chat(client, message, session_id="s1"):
    return client.post("/v1/chat", json={"session_id": session_id, "message": message})


def test_reply_carries_intent_sources_and_flags(client, rasa):
    rasa.reply("Take 1 tablet every 4 to 6 hours…", sources=[SOURCE])
    response = chat(client, "how often can I take Advil?")
    assert response.status_code == 200
    body = response.json()
    assert body["replies"][0]["text"].startswith("Take 1 tablet")
    assert body["intent"] == {"name": "ask_medicine", "confidence": 0.97}
    # the reply quoted part of the dose section: the app offers "more"
    assert body["sources"] == [{**SOURCE, "source": None, "date": None, "note": None,
                               "more": True}]
    assert (body["emergency"], body["handoff"], body["answered_by"]) == (
        False, False, "assistant")
    sender, _, metadata = rasa.received[0]
    assert sender == "consumer:s1" and metadata["channel"] == "consumer"


def test_the_gateway_escalates_an_emergency_the_dialogue_missed(client, rasa):
    rasa.reply("Take 1 tablet every 4 to 6 hours…", sources=[SOURCE])
    body = chat(client, "my son swallowed a whole bottle of advil").json()
    assert body["emergency"] is True and body["sources"] == []
    assert "119" in body["replies"][0]["text"]
    assert "every 4 to 6 hours" not in " ".join(r["text"] for r in body["replies"])


def test_emergencies_in_words_nobody_listed_get_koreas_numbers_before_the_dialogue(client, rasa):
    rasa.reply("어떤 약에 대해 궁금하신가요?")
    crisis = chat(client, "살 이유를 모르겠어요").json()
    assert crisis["emergency"] is True and crisis["answered_by"] == "safety"
    assert "109" in crisis["replies"][0]["text"] and "1577-0199" in crisis["replies"][0]["text"]
    poisoning = chat(client, "my kid got into the dishwasher pods and bit one", "s2").json()
    text = poisoning["replies"][0]["text"]
    assert poisoning["emergency"] is True and text.startswith("Call 119 now")
    assert not any(n in text for n in ("1-800-222-1222", "911", "988"))
    assert rasa.received == []  # the emergency never waited for the dialogue


def test_an_emergency_near_a_named_branch_adds_an_open_branchs_phone(client):
    body = chat(client, "my son swallowed a button battery, we're near the jamsil branch").json()
    text = body["replies"][0]["text"]
    assert body["emergency"] and text.startswith("Call 119 now")
    assert "02-3452-1100" in text or "02-3142-1300" in text  # a Seoul branch open 24 hours


def test_with_rasa_down_a_medicine_question_is_answered_from_retrieval(client, rasa):
    rasa.available = False
    body = chat(client, "how often can I take advil").json()
    assert body["answered_by"] == "retrieval_only"
    assert body["sources"][0]["doc_id"] == "cat-advil-tablets"
    assert "Advil" in body["replies"][1]["text"]


def test_with_rasa_down_other_messages_get_a_quick_503(client, rasa):
    rasa.available = False
    started = time.monotonic()
    response = chat(client, "hello there")
    assert response.status_code == 503 and "unavailable" in response.json()["detail"]
    assert time.monotonic() - started < 2.0


def test_with_rasa_down_emergencies_are_still_recognised(client, rasa):
    rasa.available = False
    body = chat(client, "I took 30 tylenol pills an hour ago").json()
    assert body["emergency"] is True and body["answered_by"] == "safety"


def test_bad_input_is_refused_with_the_field_and_reason(client):
    for payload, field in [({"session_id": "s1", "message": ""}, "message"),
                           ({"session_id": "bad id!", "message": "hi"}, "session_id"),
                           ({"session_id": "s1", "message": "x" * 10_000}, "message"),
                           ({"session_id": "s1"}, "message"),
                           ({"session_id": "s1", "message": 42}, "message")]:
        response = client.post("/v1/chat", json=payload)
        assert response.status_code == 422, payload
        assert response.json()["detail"][0]["loc"] == ["body", field]
    broken = client.post("/v1/chat", content=b"{not json",
                         headers={"content-type": "application/json"})
    assert broken.status_code == 422


def test_oversized_bodies_are_refused_with_413(client):
    response = client.post("/v1/chat", content=b"x" * 2_000_000,
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and "larger than" in response.json()["detail"]


def test_turns_are_stored_redacted_and_feedback_is_kept(client, rasa):
    rasa.reply("Our Gangnam branch is open 24 hours.", intent="ask_store_info")
    body = chat(client, "call me on 010-1234-5678 or kim@example.com, gangnam hours?").json()
    with client.app.state.sessions() as session:
        turn = session.scalar(select(ChatTurn).where(ChatTurn.id == body["message_id"]))
    assert "010-1234-5678" not in turn.question and "[PHONE]" in turn.question
    assert "[EMAIL]" in turn.question
    ok = client.post("/v1/feedback", json={"message_id": body["message_id"], "rating": "down",
                                           "comment": "wrong branch"})
    assert ok.status_code == 201 and ok.json()["rating"] == "down"
    missing = client.post("/v1/feedback", json={"message_id": "nope", "rating": "up"})
    assert missing.status_code == 404


def test_chat_is_rate_limited_per_session_and_per_ip(settings, rasa, embedder):
    from fastapi.testclient import TestClient

    from api.main import create_app
    from core.settings import RateLimitSettings

    limited = settings.model_copy(update={
        "rate_limit": RateLimitSettings(per_ip="5/minute", per_session="3/minute")})
    from retrieval.service import SearchService

    app = create_app(limited, search_service=SearchService(limited, embedder), rasa_client=rasa)
    with TestClient(app) as client:
        statuses = [client.post("/v1/chat", json={"session_id": "flood", "message": "hi"})
                    .status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        refused = client.post("/v1/chat", json={"session_id": "flood", "message": "hi"})
        assert refused.json()["detail"].startswith("too many messages from this session")
        assert int(refused.headers["Retry-After"]) > 0
        other = [client.post("/v1/chat", json={"session_id": f"s{i}", "message": "hi"})
                 .status_code for i in range(3)]
        assert other == [200, 200, 429]  # 5 per IP: the sixth accepted call is refused
        with client.app.state.sessions() as session:
            from sqlalchemy import func, select

            from api.models import ChatTurn
            assert session.scalar(select(func.count()).select_from(ChatTurn)) == 5


def test_an_unsure_check_puts_the_numbers_before_the_ordinary_answer(settings, rasa, embedder):
    """Level "caution" (every message here: the caution band is made to cover all scores)."""
    settings.safety.caution_threshold, settings.safety.emergency_threshold = 0.0, 1.01
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=rasa)
    with TestClient(app) as unsure:
        rasa.reply("Take 1 tablet every 4 to 6 hours…", sources=[SOURCE])
        body = chat(unsure, "how often can i take tylenol").json()
        assert (body["caution"], body["emergency"], body["answered_by"]) == (
            True, False, "assistant")
        note, answer = (r["text"] for r in body["replies"])
        assert "119" in note and not any(n in note for n in ("911", "1-800-222-1222"))
        assert answer.startswith("Take 1 tablet") and body["sources"]
        rasa.reply("어떤 약에 대해 궁금하신가요?")
        korean = chat(unsure, "요즘 너무 힘들어요", "s2").json()
        assert korean["caution"] is True and "119" in korean["replies"][0]["text"]
        assert any("\uac00" <= ch <= "\ud7a3" for ch in korean["replies"][0]["text"])
        rasa.available = False  # the dialogue is down: the note still goes out
        down = chat(unsure, "can i take advil with coffee", "s3").json()
        assert down["caution"] is True and "119" in down["replies"][0]["text"]


def test_a_sure_check_adds_no_note(client, rasa):
    rasa.reply("Take 1 tablet every 4 to 6 hours…", sources=[SOURCE])
    body = chat(client, "how often can i take tylenol").json()
    assert body["caution"] is False and len(body["replies"]) == 1
