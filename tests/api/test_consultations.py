"""Live pharmacist consultations over the API (Rasa faked): queue, claim, reply, the bot
staying silent while a pharmacist holds the conversation, session tokens, honest hours."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from api.models import Employee, Role, User
from api.security import hash_password
from core.database import transaction
from tests.api.conftest import token

SEOUL = ZoneInfo("Asia/Seoul")
AT_NOON = datetime(2026, 12, 7, 12, 0, tzinfo=SEOUL)
LATE_NIGHT = datetime(2026, 12, 7, 23, 30, tzinfo=SEOUL)
EARLY_MORNING = datetime(2026, 12, 8, 6, 15, tzinfo=SEOUL)


@pytest.fixture
def at(client):
    """Set the gateway's clock (pharmacists answer 09:00-22:00 KST by default)."""
    def set_clock(moment: datetime) -> None:
        client.app.state.chat.clock = lambda: moment

    set_clock(AT_NOON)
    return set_clock


def say(client, session_id, message, session_token=None, expect=200):
    body = {"session_id": session_id, "message": message}
    if session_token:
        body["session_token"] = session_token
    response = client.post("/v1/chat", json=body)
    assert response.status_code == expect, response.text
    return response.json()


def ask_for_pharmacist(client, rasa, session_id, message="can I talk to a pharmacist?"):
    rasa.reply("I'm passing this conversation to a pharmacist.", intent="request_pharmacist",
               handoff=True)
    return say(client, session_id, message)


def read(client, session_id, session_token, after=0):
    response = client.get(f"/v1/chat/{session_id}/messages", params={"after": after},
                          headers={"X-Session-Token": session_token})
    assert response.status_code == 200, response.text
    return response.json()


def test_the_whole_consultation(client, rasa, at):
    sid = f"s-{uuid.uuid4().hex[:8]}"
    rasa.reply("Ibuprofen: take 1 tablet every 4 to 6 hours.")
    first = say(client, sid, "how often can I take ibuprofen?")
    session_token = first["session_token"]
    assert session_token and first["consultation_id"] is None

    handed = ask_for_pharmacist(client, rasa, sid)
    assert handed["session_token"] is None  # shown once
    assert handed["handoff"] is True and handed["consultation_status"] == "waiting"
    assert "pharmacist" in handed["replies"][0]["text"] and "09:00" in handed["replies"][0]["text"]
    consultation_id = handed["consultation_id"]

    pharmacist = token(client, "pharmacist")
    queue = client.get("/v1/staff/consultations", headers=pharmacist).json()
    assert [c["id"] for c in queue["consultations"]] == [consultation_id]
    assert queue["counts"]["waiting"] == 1
    detail = client.get(f"/v1/staff/consultations/{consultation_id}", headers=pharmacist).json()
    said = [(m["sender"], m["text"]) for m in detail["messages"]]
    assert said[0] == ("user", "how often can I take ibuprofen?")  # the transcript so far
    assert ("user", "can I talk to a pharmacist?") in said

    claimed = client.post(f"/v1/staff/consultations/{consultation_id}/claim", headers=pharmacist)
    assert claimed.status_code == 200 and claimed.json()["status"] == "active"
    assert claimed.json()["claimed_by_username"] == "pharmacist"
    sent = client.post(f"/v1/staff/consultations/{consultation_id}/messages",
                       headers=pharmacist, json={"text": "Take it with food, at most 3 a day."})
    assert sent.status_code == 201

    seen = read(client, sid, session_token)
    assert seen["consultation"]["status"] == "active"
    pharmacist_lines = [m for m in seen["messages"] if m["sender"] == "pharmacist"]
    assert [m["text"] for m in pharmacist_lines] == ["Take it with food, at most 3 a day."]
    assert pharmacist_lines[0]["author"] == "Jang Ha-jun"
    last_id = seen["messages"][-1]["id"]

    calls = len(rasa.received)
    pending = say(client, sid, "thanks! and at night?", session_token)
    assert pending["answered_by"] == "pharmacist_pending" and pending["replies"] == []
    assert len(rasa.received) == calls  # the bot never saw it
    detail = client.get(f"/v1/staff/consultations/{consultation_id}", headers=pharmacist).json()
    assert detail["messages"][-1]["text"] == "thanks! and at night?"

    closed = client.post(f"/v1/staff/consultations/{consultation_id}/close", headers=pharmacist,
                         json={"outcome": "advised on dosing"})
    assert closed.status_code == 200 and closed.json()["outcome"] == "advised on dosing"
    newer = read(client, sid, session_token, after=last_id)
    assert newer["consultation"]["status"] == "closed"
    assert newer["messages"][-1]["sender"] == "system"
    assert "assistant is back" in newer["messages"][-1]["text"]

    rasa.reply("Ibuprofen: take 1 tablet every 4 to 6 hours.")
    again = say(client, sid, "how often can I take ibuprofen?", session_token)
    assert again["answered_by"] == "assistant" and again["replies"]
    assert len(rasa.received) == calls + 1


def test_the_reply_says_whether_a_pharmacist_is_online(client, rasa, at):
    nobody = ask_for_pharmacist(client, rasa, "s-nobody-online")["replies"][0]["text"]
    assert "No pharmacist is online" in nobody and "Hongdae" in nobody
    assert "shortly" not in nobody
    pharmacist = token(client, "pharmacist")
    assert client.get("/v1/staff/consultations", headers=pharmacist).status_code == 200
    online = ask_for_pharmacist(client, rasa, "s-someone-online")["replies"][0]["text"]
    assert "will answer here in the chat shortly" in online
    at(datetime(2026, 12, 7, 12, 5, tzinfo=SEOUL))  # five minutes without polling: gone
    later = ask_for_pharmacist(client, rasa, "s-gone-again")["replies"][0]["text"]
    assert "No pharmacist is online" in later


def test_a_second_pharmacist_cannot_take_a_claimed_consultation(client, rasa, at):
    handed = ask_for_pharmacist(client, rasa, "s-claim-race")
    path = f"/v1/staff/consultations/{handed['consultation_id']}"
    assert client.post(f"{path}/claim", headers=token(client, "pharmacist")).status_code == 200
    admin = token(client, "admin")
    taken = client.post(f"{path}/claim", headers=admin)
    assert taken.status_code == 409 and "already claimed" in taken.json()["detail"]
    reply = client.post(f"{path}/messages", headers=admin, json={"text": "hello"})
    assert reply.status_code == 409


def test_another_sessions_token_reads_nothing(client, rasa, at):
    mine = say(client, "s-owner", "hello")["session_token"]
    theirs = say(client, "s-stranger", "hello")["session_token"]
    ask_for_pharmacist(client, rasa, "s-owner")
    url = "/v1/chat/s-owner/messages"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"X-Session-Token": theirs}).status_code == 404
    assert client.get("/v1/chat/s-nobody/messages",
                      headers={"X-Session-Token": mine}).status_code == 404
    assert client.get(url, headers={"X-Session-Token": mine}).status_code == 200
    say(client, "s-owner", "still waiting?")  # no pharmacist yet: the bot answers anyone
    consultation_id = client.get(url, headers={"X-Session-Token": mine}).json()["consultation"]
    client.post(f"/v1/staff/consultations/{consultation_id['id']}/claim",
                headers=token(client, "pharmacist"))
    # writing into the conversation a pharmacist holds needs the token
    say(client, "s-owner", "it's me", expect=401)
    say(client, "s-owner", "it's me", session_token=theirs, expect=403)


def test_staff_who_are_not_pharmacists_cannot_read_transcripts(client, rasa, at):
    with transaction(client.app.state.sessions) as session:
        hr_person = session.query(Employee).filter(Employee.department == "hr").first()
        assert hr_person is not None and "pharmacist" not in hr_person.job_role
        session.add(User(username="hr-staff", full_name="HR", role=Role.staff,
                         hashed_password=hash_password("hr-staff-demo"),
                         employee_id=hr_person.employee_id))
    handed = ask_for_pharmacist(client, rasa, "s-private")
    hr = token(client, "hr-staff")
    assert client.get("/v1/staff/consultations", headers=hr).status_code == 403
    assert client.get(f"/v1/staff/consultations/{handed['consultation_id']}",
                      headers=hr).status_code == 403


@pytest.mark.parametrize(("moment", "when"), [(LATE_NIGHT, "tomorrow at 09:00"),
                                              (EARLY_MORNING, "today at 09:00")])
def test_outside_hours_the_reply_says_when_and_gives_phones(client, rasa, at, moment, when):
    at(moment)
    handed = ask_for_pharmacist(client, rasa, f"s-night-{moment.hour}")
    text = handed["replies"][0]["text"]
    assert when in text and "nobody can answer here right now" in text
    assert "02-" in text and "Hongdae" in text  # a 24-hour branch's phone
    assert "will answer here in the chat shortly" not in text
    assert handed["consultation_status"] == "waiting"  # still queued for the morning


def test_outside_hours_in_korean(client, rasa, at):
    at(LATE_NIGHT)
    rasa.reply("약사에게 연결합니다.", intent="request_pharmacist", handoff=True)
    handed = say(client, "s-night-ko", "약사와 상담하고 싶어요")
    text = handed["replies"][0]["text"]
    assert "내일 09:00" in text and "홍대" in text and "119" in text


def test_a_named_branch_is_kept_with_the_consultation(client, rasa, at):
    rasa.reply("The Jamsil branch closes at 22:00.", intent="ask_store")
    say(client, "s-branch", "when does the jamsil branch close?")
    handed = ask_for_pharmacist(client, rasa, "s-branch")
    detail = client.get(f"/v1/staff/consultations/{handed['consultation_id']}",
                        headers=token(client, "pharmacist")).json()
    assert detail["branch"] == "Jamsil"


def test_waiting_conversations_still_get_answers_and_are_not_queued_twice(client, rasa, at):
    rasa.reply("I'm passing this conversation to a pharmacist.", intent="request_pharmacist",
               handoff=True)
    handed = say(client, "s-waiting", "pharmacist please")
    session_token = handed["session_token"]
    rasa.reply("Ibuprofen: every 4 to 6 hours.")
    answered = say(client, "s-waiting", "how often ibuprofen?", session_token)
    assert answered["answered_by"] == "assistant"
    assert answered["replies"][0]["text"] == "Ibuprofen: every 4 to 6 hours."
    assert answered["consultation_id"] == handed["consultation_id"]
    rasa.reply("I'm passing this conversation to a pharmacist.", intent="request_pharmacist",
               handoff=True)
    again = say(client, "s-waiting", "pharmacist please!!", session_token)
    assert again["consultation_id"] == handed["consultation_id"]
    queue = client.get("/v1/staff/consultations", headers=token(client, "pharmacist")).json()
    assert queue["counts"]["waiting"] == 1
    detail = client.get(f"/v1/staff/consultations/{handed['consultation_id']}",
                        headers=token(client, "pharmacist")).json()
    assert ("assistant", "Ibuprofen: every 4 to 6 hours.") in [
        (m["sender"], m["text"]) for m in detail["messages"]]
