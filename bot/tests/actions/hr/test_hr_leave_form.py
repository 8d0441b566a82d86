"""The leave request form: type, dates, confirmation, submission, abort."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.actions.hr import context as hr
from bot.actions.hr.context import leave_type_from_text, seoul_today
from bot.actions.hr.leave_form import (
    ActionHrAbortLeave,
    ActionHrConfirmLeave,
    ActionHrSubmitLeave,
    ValidateLeaveRequestForm,
)
from bot.tests.actions.helpers import run, slots_set
from bot.tests.actions.hr.support import (
    FORM_DOMAIN,
    as_user,
    ask_leave,
    future_span,
    remaining,
    run_async,
)

# --- the leave request form ----------------------------------------------------------------------




@pytest.mark.parametrize(("text", "expected"), [
    ("annual", "annual"), ("I'm feeling ill", "sick"), ("vacation", "annual"),
    ("my kid is sick", "sick"), ("to care for my parent", "family"), ("연차", "annual"),
    ("병가", "sick"), ("가족돌봄", "family"), ("banana", None),
])
def test_leave_type_is_read_from_the_employees_own_words(text, expected):
    assert leave_type_from_text(text) == expected


def test_an_unclear_leave_type_is_asked_again(tokens):
    form = ValidateLeaveRequestForm()
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    tracker_ = as_user(tokens, "employee", "banana", intent="inform")
    assert form.validate_leave_type("banana", dispatcher, tracker_, {}) == {"leave_type": None}
    assert "which kind of leave" in dispatcher.messages[0]["text"]
    assert form.validate_leave_type("휴가", dispatcher, tracker_, {}) == {"leave_type": "annual"}


@pytest.mark.parametrize("text", ["next Monday to Wednesday", "다음 주 월요일부터 수요일까지"])
def test_dates_in_either_language_fill_start_end_and_working_days(tokens, text):
    today = seoul_today()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    events, texts, meta = run_async(ValidateLeaveRequestForm(), as_user(
        tokens, "employee", text, intent="inform",
        events=[{"event": "slot", "name": "leave_dates", "value": text}],
        active_loop={"name": "leave_request_form"}), FORM_DOMAIN)
    slots = slots_set(events)
    assert slots["leave_dates"] == text
    assert slots["leave_start"] == monday.isoformat()
    assert slots["leave_end"] == (monday + timedelta(days=2)).isoformat()
    assert 1 <= slots["leave_days"] <= 3 and isinstance(slots["leave_days"], float)
    assert texts == [] and meta == {}  # a valid answer needs no reply


@pytest.mark.parametrize(("text", "message"), [
    ("yesterday", "is in the past"),
    ("whenever suits you", "couldn't read those dates (I can't read a date in"),
    ("Monday and Wednesday", "separate days"),
])
def test_bad_dates_are_refused_with_the_reason_and_nothing_kept(tokens, text, message):
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    result = ValidateLeaveRequestForm().validate_leave_dates(
        text, dispatcher, as_user(tokens, "employee", text, intent="inform"), {})
    assert result == {"leave_dates": None, "leave_start": None, "leave_end": None,
                      "leave_days": None}
    assert message in dispatcher.messages[0]["text"]


def test_a_weekend_has_no_working_days_to_request(tokens):
    from rasa_sdk.executor import CollectingDispatcher

    saturday = seoul_today() + timedelta(days=(5 - seoul_today().weekday()) % 7 or 7)
    dispatcher = CollectingDispatcher()
    result = ValidateLeaveRequestForm().validate_leave_dates(
        saturday.isoformat(), dispatcher, as_user(tokens, "employee", "a saturday"), {})
    assert result["leave_start"] is None
    assert "has no working days" in dispatcher.messages[0]["text"]
    assert saturday.strftime("%a") in dispatcher.messages[0]["text"]


def test_confirmation_repeats_the_request_with_yes_and_no_buttons(tokens):
    _, texts, _ = run(ActionHrConfirmLeave(), as_user(
        tokens, "employee", "next friday", slots={
            "leave_type": "family", "leave_start": "2030-01-07", "leave_end": "2030-01-09",
            "leave_days": 3.0}))
    assert texts[0]["text"] == ("Shall I request family care leave for Mon 7 Jan 2030 to "
                                "Wed 9 Jan 2030 (3 working day(s))? Your manager will be asked "
                                "to approve it.")
    assert [b["payload"] for b in texts[0]["buttons"]] == ["/affirm", "/deny"]
    events, texts, _ = run(ActionHrConfirmLeave(), as_user(tokens, "employee", "ok"))
    assert all(value is None for value in slots_set(events).values())


def test_submitting_creates_a_pending_request_for_the_token_holder(api, tokens):
    start, end, days = future_span(api, 3)
    year = date.fromisoformat(start).year
    before = remaining(api, "employee", "annual", year)
    events, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "annual", "leave_start": start, "leave_end": end,
            "leave_days": float(days)}))
    created = next(r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                   if r["start_date"] == start and r["status"] == "pending")
    assert created["employee_id"] == "E0002" and created["days"] == days
    text = texts[0]["text"]
    assert text.startswith(f"Done: request #{created['id']}, annual leave for ")
    assert "pending until Kang Min-ho decides" in text
    assert f"You can still request {before - days} day(s) of annual leave in {year}" in text
    assert remaining(api, "employee", "annual", year) == before - days
    assert meta["gap"] is None
    assert all(slots_set(events)[s] is None for s in hr.LEAVE_SLOTS)

    # the same dates again: refused by the gateway, with its reason, and nothing stored
    _, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "sick", "leave_start": start, "leave_end": start}))
    assert texts[0]["text"].startswith("I couldn't do that: these dates overlap your pending "
                                       f"request #{created['id']}")
    assert meta["gap"] == "overlap"
    assert len([r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                if r["start_date"] == start]) == 1


def test_submitting_more_than_the_balance_is_refused(api, tokens):
    start = date(seoul_today().year + 1, 3, 8)  # all in one (next) year
    end = start + timedelta(days=20)  # at least 14 working days; family care leave is 10
    _, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "family", "leave_start": start.isoformat(),
            "leave_end": end.isoformat()}))
    assert "not enough family leave" in texts[0]["text"]
    assert meta["gap"] == "insufficient_balance"
    assert not [r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                if r["start_date"] == start.isoformat()]


def test_submitting_in_korean_explains_the_refusal_in_korean(api, tokens):
    start, end, _ = future_span(api, 4)
    ask_leave(api, "employee", "annual", start, end)
    _, texts, _ = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "네 신청해 주세요", intent="affirm", slots={
            "leave_type": "annual", "leave_start": start, "leave_end": end}))
    assert texts[0]["text"] == "처리하지 못했습니다. 이미 신청한 휴가와 날짜가 겹칩니다."


def test_aborting_closes_the_form_and_submits_nothing(api, tokens):
    count = len(api("employee", "GET", "/v1/hr/leave/requests").json())
    events, texts, _ = run(ActionHrAbortLeave(), as_user(
        tokens, "employee", "never mind", intent="deny", slots={"leave_type": "annual"},
        active_loop={"name": "leave_request_form"}))
    assert texts[0]["text"] == "OK, I haven't submitted anything."
    assert {"event": "active_loop", "name": None} in [
        {"event": e["event"], "name": e.get("name")} for e in events]
    assert slots_set(events)["leave_type"] is None
    assert len(api("employee", "GET", "/v1/hr/leave/requests").json()) == count
