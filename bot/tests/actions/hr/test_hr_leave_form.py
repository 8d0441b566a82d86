"""The leave request form against the real gateway: every message read and kept, what is
asked next, corrections, answers that do not fit, the confirmation and the submission."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.actions.hr.context import seoul_today
from bot.actions.hr.leave_draft import SLOTS
from bot.actions.hr.leave_form import (
    ActionAskLeaveConfirmed,
    ActionAskLeaveEvent,
    ActionHrAbortLeave,
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

FORM = {"name": "leave_request_form"}


def next_week(weekday: int) -> date:
    today = seoul_today()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=1, days=weekday)


def form_turn(tokens, text: str, *, intent: str = "inform", slots: dict | None = None,
              active: bool = True, events: list[dict] | None = None):
    """(slots set, texts) of the form's validation of one message."""
    tracker_ = as_user(tokens, "employee", text, intent=intent, slots=slots or {},
                       active_loop=FORM if active else None, events=events)
    found, texts, _ = run_async(ValidateLeaveRequestForm(), tracker_, FORM_DOMAIN)
    return slots_set(found), [t["text"] for t in texts]


def test_everything_said_up_front_goes_straight_to_the_confirmation(tokens):
    wednesday = next_week(2).isoformat()
    slots, texts = form_turn(tokens, "I want to take a half day off next wednesday afternoon",
                             intent="hr_request_leave", active=False)
    assert (slots["leave_type"], slots["leave_part"], slots["leave_start"],
            slots["leave_end"]) == ("annual", "pm", wednesday, wednesday)
    assert slots["requested_slot"] == "leave_confirmed"
    assert texts == []


def test_a_korean_half_day_over_two_turns_keeps_the_half(tokens):
    first, _ = form_turn(tokens, "반차 쓰고 싶어요", intent="hr_request_leave", active=False)
    assert (first["leave_type"], first["leave_part"]) == ("annual", "half")
    assert first["requested_slot"] == "leave_dates"
    second, _ = form_turn(tokens, "다음 주 수요일 오후요", slots={
        "leave_type": "annual", "leave_part": "half", "requested_slot": "leave_dates"})
    assert second["leave_part"] == "pm" and second["leave_start"] == next_week(2).isoformat()
    assert second["requested_slot"] == "leave_confirmed"


def test_a_half_day_whose_half_is_not_said_asks_morning_or_afternoon(tokens):
    slots, _ = form_turn(tokens, "half day next wednesday please", intent="hr_request_leave",
                         active=False)
    assert slots["requested_slot"] == "leave_part"


def test_a_correction_at_the_confirmation_changes_the_request_and_asks_again(tokens):
    wednesday, thursday = next_week(2).isoformat(), next_week(3).isoformat()
    request = {"leave_type": "annual", "leave_part": "pm", "leave_start": wednesday,
               "leave_end": wednesday, "leave_days": 1.0, "requested_slot": "leave_confirmed"}
    slots, _ = form_turn(tokens, "no, make it Thursday", intent="deny", slots=request)
    assert slots["leave_start"] == thursday and slots["leave_end"] == thursday
    assert slots["requested_slot"] == "leave_confirmed"
    slots, _ = form_turn(tokens, "오후 말고 오전이요", slots=request)
    assert slots["leave_part"] == "am" and "leave_start" not in slots
    assert slots["requested_slot"] == "leave_confirmed"


def test_a_correction_the_nlu_hears_as_small_talk_is_still_read(tokens):
    tuesday = next_week(1).isoformat()
    request = {"leave_type": "annual", "leave_part": "am", "leave_start": tuesday,
               "leave_end": tuesday, "leave_days": 0.5, "requested_slot": "leave_confirmed"}
    slots, _ = form_turn(tokens, "sorry my bad, afternoon not morning", intent="greet",
                         slots=request)
    assert slots["leave_part"] == "pm" and slots["requested_slot"] == "leave_confirmed"
    slots, _ = form_turn(tokens, "good morning!", intent="greet", slots=request)
    assert slots == {}  # only a greeting: left to its rule, the form asks again after


def test_yes_to_the_confirmation_completes_the_form(tokens):
    wednesday = next_week(2).isoformat()
    slots, _ = form_turn(tokens, "yes", intent="affirm", slots={
        "leave_type": "annual", "leave_start": wednesday, "leave_end": wednesday,
        "leave_days": 1.0, "requested_slot": "leave_confirmed"})
    assert slots["leave_confirmed"] is True and slots["requested_slot"] is None


def test_an_answer_that_fits_no_question_is_asked_again_not_taken(tokens):
    slots, texts = form_turn(tokens, "yes", intent="affirm",
                             slots={"requested_slot": "leave_type"})
    assert slots["requested_slot"] == "leave_type" and "leave_type" not in slots
    assert slots["leave_unclear"] == 1
    assert "didn't get that" in texts[0] and "cancel" in texts[0]


@pytest.mark.parametrize(("text", "intent"), [
    ("what's the dental insurance benefit?", "hr_policy"),
    ("who is the manager of the Jamsil branch?", "hr_directory"),
    ("actually cancel that", "stop"), ("취소", "stop"), ("no", "deny"),
])
def test_questions_and_stops_are_left_to_their_rules(tokens, text, intent):
    tracker_ = as_user(tokens, "employee", text, intent=intent, active_loop=FORM,
                       slots={"leave_type": "annual", "requested_slot": "leave_dates"})
    found, texts, _ = run_async(ValidateLeaveRequestForm(), tracker_, FORM_DOMAIN)
    assert found == [] and texts == []  # nothing extracted: the form is rejected


def test_after_a_question_was_answered_the_form_only_asks_again(tokens):
    events = [{"event": "user", "text": "what's the dental plan?"},
              {"event": "action", "name": "action_hr_policy"},
              {"event": "action", "name": "leave_request_form"}]
    slots, texts = form_turn(tokens, "what's the dental plan?", intent="hr_policy",
                             slots={"leave_type": "annual"}, events=events)
    assert slots == {"requested_slot": "leave_dates"} and texts == []


def test_family_event_leave_reads_the_event_or_asks_for_it(tokens):
    slots, _ = form_turn(tokens, "family event leave for my wedding, next Monday to Friday",
                         intent="hr_request_leave", active=False)
    assert (slots["leave_type"], slots["leave_event"]) == ("family_event", "own_wedding")
    assert slots["requested_slot"] == "leave_confirmed"
    slots, _ = form_turn(tokens, "경조휴가 신청할게요", intent="hr_request_leave", active=False)
    assert slots["leave_type"] == "family_event" and slots["requested_slot"] == "leave_event"


def test_half_days_of_other_leave_and_past_dates_are_explained(tokens):
    slots, texts = form_turn(tokens, "sick leave next wednesday afternoon",
                             intent="hr_request_leave", active=False)
    assert slots["leave_type"] == "sick" and slots["leave_part"] == "full"
    assert "annual leave only" in texts[0]
    slots, texts = form_turn(tokens, "2020-01-06", slots={"leave_type": "annual",
                                                          "requested_slot": "leave_dates"})
    assert slots["requested_slot"] == "leave_dates" and "already passed" in texts[0]


def test_the_confirmation_repeats_exactly_what_will_be_stored(tokens):
    _, texts, _ = run(ActionAskLeaveConfirmed(), as_user(tokens, "employee", "ok", slots={
        "leave_type": "annual", "leave_part": "pm", "leave_start": "2030-01-08",
        "leave_end": "2030-01-08", "leave_days": 1.0}))
    assert texts[0]["text"] == ("Shall I request annual leave for Tue 8 Jan 2030, afternoon "
                                "half day (0.5 working day(s))? Kang Min-ho will be asked to "
                                "approve it.")
    assert [b["payload"] for b in texts[0]["buttons"]] == ["/affirm", "/deny"]
    _, texts, _ = run(ActionAskLeaveConfirmed(), as_user(tokens, "employee", "네", slots={
        "leave_type": "family_event", "leave_event": "own_wedding",
        "leave_start": "2030-01-07", "leave_end": "2030-01-11", "leave_days": 5.0}))
    assert texts[0]["text"].startswith("2030년 1월 7일(월)부터 2030년 1월 11일(금)까지, "
                                       "경조휴가 (본인 결혼)를 신청할까요? (근무일 기준 5일)")


def test_the_family_events_are_offered_as_buttons_with_their_days(tokens):
    _, texts, _ = run(ActionAskLeaveEvent(), as_user(tokens, "employee", "경조휴가요"))
    titles = {b["title"]: b["payload"] for b in texts[0]["buttons"]}
    assert titles["본인 결혼 (근무일 기준 5일)"] == '/inform{"leave_event": "own_wedding"}'
    assert len(titles) == 10


def test_nothing_is_stored_without_the_confirmation(api, tokens):
    start, end, _ = future_span(api, 5)
    count = len(api("employee", "GET", "/v1/hr/leave/requests").json())
    _, texts, _ = run(ActionHrSubmitLeave(), as_user(tokens, "employee", "yes", slots={
        "leave_type": "annual", "leave_start": start, "leave_end": end, "leave_days": 3.0}))
    assert texts[0]["text"] == "OK, I haven't submitted anything."
    assert len(api("employee", "GET", "/v1/hr/leave/requests").json()) == count


def test_submitting_creates_a_pending_request_for_the_token_holder(api, tokens):
    start, end, days = future_span(api, 3)
    year = date.fromisoformat(start).year
    before = remaining(api, "employee", "annual", year)
    events, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "annual", "leave_start": start, "leave_end": end,
            "leave_days": float(days), "leave_confirmed": True}))
    created = next(r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                   if r["start_date"] == start and r["status"] == "pending")
    assert created["employee_id"] == "E0002" and created["days"] == days
    text = texts[0]["text"]
    assert text.startswith(f"Done: request #{created['id']}, annual leave for ")
    assert "pending until Kang Min-ho decides" in text
    assert f"You can still request {before - days} day(s) of annual leave in {year}" in text
    assert remaining(api, "employee", "annual", year) == before - days
    assert meta["gap"] is None
    assert all(slots_set(events)[s] is None for s in SLOTS)

    # the same dates again: refused by the gateway, with its reason, and nothing stored
    _, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "sick", "leave_start": start, "leave_end": start,
            "leave_days": 1.0, "leave_confirmed": True}))
    assert texts[0]["text"].startswith("I couldn't do that: these dates overlap your pending "
                                       f"request #{created['id']}")
    assert meta["gap"] == "overlap"
    assert len([r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                if r["start_date"] == start]) == 1


def test_a_half_day_and_family_event_leave_are_stored_as_confirmed(api, tokens):
    start, _, _ = future_span(api, 6)
    _, texts, _ = run(ActionHrSubmitLeave(), as_user(tokens, "employee", "네", slots={
        "leave_type": "annual", "leave_part": "am", "leave_start": start, "leave_end": start,
        "leave_days": 1.0, "leave_confirmed": True}))
    half = next(r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                if r["start_date"] == start and r["status"] == "pending")
    assert (half["part"], half["days"]) == ("am", 0.5)
    assert "오전 반차" in texts[0]["text"]
    monday = date.fromisoformat(start) + timedelta(weeks=1)
    _, texts, _ = run(ActionHrSubmitLeave(), as_user(tokens, "employee", "yes", slots={
        "leave_type": "family_event", "leave_event": "bereavement_grandparent",
        "leave_start": monday.isoformat(), "leave_end": (monday + timedelta(days=2)).isoformat(),
        "leave_days": 3.0, "leave_confirmed": True}))
    event = next(r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                 if r["start_date"] == monday.isoformat() and r["status"] == "pending")
    assert (event["leave_type"], event["event"]) == ("family_event", "bereavement_grandparent")
    assert "does not use your annual leave" in texts[0]["text"]


def test_submitting_more_than_the_balance_is_refused(api, tokens):
    start = date(seoul_today().year + 1, 3, 8)  # all in one (next) year
    end = start + timedelta(days=20)  # at least 14 working days; family care leave is 10
    _, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", intent="affirm", slots={
            "leave_type": "family", "leave_start": start.isoformat(),
            "leave_end": end.isoformat(), "leave_days": 15.0, "leave_confirmed": True}))
    assert "not enough family leave" in texts[0]["text"]
    assert meta["gap"] == "insufficient_balance"
    assert not [r for r in api("employee", "GET", "/v1/hr/leave/requests").json()
                if r["start_date"] == start.isoformat()]


def test_submitting_in_korean_explains_the_refusal_in_korean(api, tokens):
    start, end, _ = future_span(api, 4)
    ask_leave(api, "employee", "annual", start, end)
    _, texts, _ = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "네 신청해 주세요", intent="affirm", slots={
            "leave_type": "annual", "leave_start": start, "leave_end": end,
            "leave_days": 3.0, "leave_confirmed": True}))
    assert texts[0]["text"] == "처리하지 못했습니다. 이미 신청한 휴가와 날짜가 겹칩니다."


def test_aborting_closes_the_form_and_submits_nothing(api, tokens):
    count = len(api("employee", "GET", "/v1/hr/leave/requests").json())
    events, texts, _ = run(ActionHrAbortLeave(), as_user(
        tokens, "employee", "never mind", intent="stop", slots={"leave_type": "annual"},
        active_loop=FORM))
    assert texts[0]["text"] == "OK, I haven't submitted anything."
    assert {"event": "active_loop", "name": None} in [
        {"event": e["event"], "name": e.get("name")} for e in events]
    assert slots_set(events)["leave_type"] is None
    assert len(api("employee", "GET", "/v1/hr/leave/requests").json()) == count
