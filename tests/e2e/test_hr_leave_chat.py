"""The HR assistant's leave conversations on the real stack (gateway → Rasa → action server →
gateway HR API), checked by what it says AND by the records stored: half days in both
languages, cancel mid-form, a question mid-form and the form resuming, a correction before
the yes, family event leave, and "cancel my request for <day>"."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from api.services.work_calendar import is_working_day, today_in_seoul

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

WEEKDAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
            "ko": ("월요일", "화요일", "수요일", "목요일", "금요일")}


def next_week(*preferred: int) -> int:
    """The first of ``preferred`` weekdays (0 = Monday) that is a working day next week."""
    monday = today_in_seoul() - timedelta(days=today_in_seoul().weekday()) + timedelta(weeks=1)
    return next(d for d in (*preferred, 0, 1, 2, 3, 4) if is_working_day(monday +
                                                                       timedelta(days=d)))


def day_of(weekday: int) -> str:
    monday = today_in_seoul() - timedelta(days=today_in_seoul().weekday()) + timedelta(weeks=1)
    return (monday + timedelta(days=weekday)).isoformat()


def phrase(weekday: int, lang: str) -> str:
    return f"next {WEEKDAYS['en'][weekday]}" if lang == "en" else (
        f"다음 주 {WEEKDAYS['ko'][weekday]}")


class Employee:
    """One HR chat session of the demo employee, and their requests."""

    def __init__(self, stack) -> None:
        self.stack, self.headers = stack, stack.token("employee")
        self.session = uuid.uuid4().hex
        self.before = {r["id"] for r in self.requests()}

    def requests(self) -> list[dict]:
        with self.stack.client() as client:
            response = client.get("/v1/hr/leave/requests", headers=self.headers)
        assert response.status_code == 200, response.text
        return response.json()

    def say(self, message: str) -> str:
        with self.stack.client() as client:
            response = client.post("/v1/hr/chat", headers=self.headers,
                                   json={"session_id": self.session, "message": message})
        assert response.status_code == 200, response.text
        return "\n".join(r["text"] for r in response.json()["replies"])

    def created(self) -> list[dict]:
        return [r for r in self.requests()
                if r["id"] not in self.before and r["status"] != "cancelled"]

    def clean_up(self) -> None:
        with self.stack.client() as client:
            for request in self.created():
                client.delete(f"/v1/hr/leave/requests/{request['id']}", headers=self.headers)


@pytest.fixture
def employee(running_stack) -> Iterator[Employee]:
    person = Employee(running_stack)
    yield person
    person.clean_up()


def stored(person: Employee) -> list[tuple]:
    return [(r["leave_type"], r["part"], r["start_date"], r["end_date"], r["event"])
            for r in person.created()]


@pytest.mark.parametrize(("message", "expected"), [
    ("hello", "HR assistant for employees"), ("안녕하세요", "HR 도우미"),
])
def test_the_hr_chat_greets_as_the_hr_assistant_not_the_pharmacy_one(employee, message,
                                                                      expected):
    text = employee.say(message)
    assert expected in text and "medicine" not in text and "의약품" not in text, text


def test_a_half_day_said_in_one_message_is_stored_after_the_yes(employee):
    day = next_week(2)
    confirmation = employee.say(f"I'd like a half day off {phrase(day, 'en')} afternoon")
    assert "afternoon half day" in confirmation and "Shall I request" in confirmation
    assert stored(employee) == []  # nothing before the yes
    assert "pending" in employee.say("yes")
    assert stored(employee) == [("annual", "pm", day_of(day), day_of(day), None)]


def test_a_korean_morning_half_day_over_several_turns(employee):
    day = next_week(3)
    assert "언제" in employee.say("반차 쓰고 싶어요")
    confirmation = employee.say(f"{phrase(day, 'ko')} 오전이요")
    assert "오전 반차" in confirmation and "신청할까요" in confirmation
    employee.say("네 신청해 주세요")
    assert stored(employee) == [("annual", "am", day_of(day), day_of(day), None)]


@pytest.mark.parametrize(("opening", "stop"), [("I want to request leave", "actually cancel that"),
                                               ("연차 신청할래요", "그만할게요")])
def test_cancel_anywhere_in_the_form_books_nothing(employee, opening, stop):
    employee.say(opening)
    reply = employee.say(stop)
    assert "haven't submitted anything" in reply or "아무것도 신청하지 않았어요" in reply
    assert stored(employee) == []


def test_a_question_in_the_middle_is_answered_and_the_form_resumes(employee):
    day = next_week(4, 3)
    assert "언제" in employee.say("연차 쓰고 싶어요")
    answer = employee.say("잠실점 약국장 연락처 알려줘")
    assert "pharmacist in charge, Jamsil" in answer and "언제" in answer  # then asked again
    assert "신청할까요" in employee.say(phrase(day, "ko"))
    employee.say("네")
    assert stored(employee) == [("annual", "full", day_of(day), day_of(day), None)]


def test_a_correction_before_the_yes_changes_what_is_stored(employee):
    first, second = next_week(1), next_week(3)
    assert WEEKDAYS["en"][first][:3] in employee.say(f"annual leave {phrase(first, 'en')}")
    corrected = employee.say(f"no, make it {WEEKDAYS['en'][second]}")
    assert WEEKDAYS["en"][second][:3] in corrected and "Shall I request" in corrected
    employee.say("yes")
    assert stored(employee) == [("annual", "full", day_of(second), day_of(second), None)]


def test_family_event_leave_for_a_bereavement(employee):
    monday = today_in_seoul() - timedelta(days=today_in_seoul().weekday()) + timedelta(weeks=2)
    if not all(is_working_day(monday + timedelta(days=d)) for d in range(3)):
        pytest.skip("a public holiday falls in the week after next")
    wednesday = monday + timedelta(days=2)
    confirmation = employee.say(
        f"my grandmother passed away, I need family event leave from {monday:%B} {monday.day}"
        f" to {wednesday:%B} {wednesday.day}")
    assert "family event leave (death of your grandparent)" in confirmation
    assert "3 working day(s)" in confirmation
    assert "annual leave" in employee.say("yes")  # "does not use your annual leave"
    assert stored(employee) == [("family_event", "full", monday.isoformat(),
                                 (monday + timedelta(days=2)).isoformat(),
                                 "bereavement_grandparent")]


def test_cancel_my_request_for_a_day_asks_then_cancels_it(employee, running_stack):
    day = date.fromisoformat(day_of(next_week(4)))
    with running_stack.client() as client:
        created = client.post("/v1/hr/leave/requests", headers=employee.headers, json={
            "leave_type": "annual", "start_date": day.isoformat(),
            "end_date": day.isoformat()}).json()
    question = employee.say(f"{phrase(day.weekday(), 'ko')} 휴가 취소해 줘")
    assert "취소할까요" in question and f"#{created['id']}" in question
    assert next(r for r in employee.requests() if r["id"] == created["id"])["status"] == (
        "pending")
    employee.say("응 취소해")
    assert next(r for r in employee.requests() if r["id"] == created["id"])["status"] == (
        "cancelled")


@pytest.mark.parametrize(("lang", "ask", "yes", "purpose"), [
    ("en", "I need an employment certificate in English for a bank loan", "yes please",
     "bank loan"),
    ("ko", "은행 대출용으로 재직증명서 필요해요", "네", "은행 대출"),
])
def test_a_certificate_asked_in_the_chat_reaches_the_hr_queue_and_is_completed_there(
        running_stack, employee, lang, ask, yes, purpose):
    hr = running_stack.token("hr")

    def pending() -> list[dict]:
        with running_stack.client() as client:
            mine = client.get("/v1/hr/benefits/requests", headers=employee.headers).json()
        return [r for r in mine if r["status"] == "pending"]

    for request in pending():  # a request left by an earlier run would be a duplicate
        with running_stack.client() as client:
            client.delete(f"/v1/hr/benefits/requests/{request['id']}", headers=employee.headers)
    confirm = employee.say(ask)
    assert purpose in confirm and pending() == []  # repeated back, nothing filed yet
    done = employee.say(yes)
    filed = pending()
    assert len(filed) == 1 and filed[0]["certificate"]["purpose"] == purpose
    assert f"#{filed[0]['id']}" in done
    with running_stack.client() as client:
        queue = client.get("/v1/hr/benefits/queue", headers=hr,
                           params={"status": "pending"}).json()
        assert filed[0]["id"] in [r["id"] for r in queue["requests"]]
        for step in ("start", "complete"):
            response = client.post(f"/v1/hr/benefits/queue/{filed[0]['id']}/{step}", headers=hr)
            assert response.status_code == 200, response.text
        mine = client.get("/v1/hr/benefits/requests", headers=employee.headers).json()
    assert next(r for r in mine if r["id"] == filed[0]["id"])["status"] == "completed"
