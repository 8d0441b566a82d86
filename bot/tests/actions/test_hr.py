"""HR actions against a REAL gateway (seeded roster, real SQLite): fake tracker/dispatcher.

The gateway's metadata is built here the way POST /v1/hr/chat builds it: channel "hr", the
verified employee id and a token the actions use to call the HR API. Each test cancels the
leave it created, so the shared gateway is left as it was found.
Demo accounts: employee = E0002 Yoon Seo-ah (reports to E0001), manager = E0001 Kang Min-ho,
pharmacist = E0003 Jang Ha-jun (another branch, nobody reports to him).
"""

from __future__ import annotations

import asyncio
import socket
from datetime import date, timedelta

import pytest
import requests
from rasa_sdk import Tracker

from bot.actions.config import get_config
from bot.actions.hr import context as hr
from bot.actions.hr.context import leave_type_from_text, request_ids, seoul_today
from bot.actions.hr.conversation import ActionHrDirectory, ActionHrFollowup, ActionHrPolicy
from bot.actions.hr.leave_form import (
    ActionHrAbortLeave,
    ActionHrConfirmLeave,
    ActionHrStartLeave,
    ActionHrSubmitLeave,
    ValidateLeaveRequestForm,
)
from bot.actions.hr.my_requests import ActionHrBalance, ActionHrCancelLeave, ActionHrListLeave
from bot.actions.hr.team import ActionHrApproveLeave, ActionHrDeclineLeave, ActionHrTeamRequests
from bot.tests.actions.helpers import run, slots_set

USERS = {"employee": "E0002", "manager": "E0001", "pharmacist": "E0003"}
FORM_DOMAIN = {"forms": {"leave_request_form": {"required_slots": ["leave_type",
                                                                   "leave_dates"]}}}


@pytest.fixture(scope="module")
def tokens(gateway_url) -> dict[str, str]:
    signed_in = {}
    for username in (*USERS, "customer"):
        response = requests.post(f"{gateway_url}/v1/auth/token", timeout=10, data={
            "username": username, "password": f"{username}-demo"})
        response.raise_for_status()
        signed_in[username] = response.json()["access_token"]
    return signed_in


def rest(gateway_url: str, token: str, method: str, path: str, **kwargs):
    response = requests.request(method, f"{gateway_url}{path}", timeout=10,
                                headers={"Authorization": f"Bearer {token}"}, **kwargs)
    return response


@pytest.fixture
def api(gateway_url, tokens):
    """Call the HR REST API directly as a demo user (to arrange and to check)."""

    def call(username: str, method: str, path: str, **kwargs):
        return rest(gateway_url, tokens[username], method, path, **kwargs)

    return call


@pytest.fixture(autouse=True)
def _leave_no_trace(gateway_url, tokens):
    yield
    today = seoul_today().isoformat()
    for username in USERS:
        mine = rest(gateway_url, tokens[username], "GET", "/v1/hr/leave/requests").json()
        for request in mine:
            if request["status"] in ("pending", "approved") and request["start_date"] >= today:
                rest(gateway_url, tokens[username], "DELETE",
                     f"/v1/hr/leave/requests/{request['id']}")


def hr_tracker(text: str, token: str | None, employee_id: str | None = "E0002", *,
               intent: str = "hr_leave_balance", entities: list[dict] | None = None,
               slots: dict | None = None, events: list[dict] | None = None,
               channel: str = "hr", active_loop: dict | None = None) -> Tracker:
    language = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    metadata: dict = {"channel": channel}
    if employee_id:
        metadata["employee_id"] = employee_id
    if token:
        metadata["service_token"] = token
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [*(entities or []), {"entity": "language", "value": language}],
        "metadata": metadata,
    }
    return Tracker("test-employee", slots or {}, message, events or [], False, None,
                   active_loop or {}, "action_listen")


def as_user(tokens, username: str, text: str, **kwargs) -> Tracker:
    return hr_tracker(text, tokens[username], USERS[username], **kwargs)


def entity(name: str, value: str) -> dict:
    return {"entity": name, "value": value}


def future_span(api, weeks_ahead: int) -> tuple[str, str, int]:
    """Monday to Wednesday ``weeks_ahead`` weeks from now, and its working days."""
    today = seoul_today()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    start, end = monday.isoformat(), (monday + timedelta(days=2)).isoformat()
    parsed = api("employee", "POST", "/v1/hr/leave/parse-dates",
                 json={"text": f"{start} to {end}"}).json()
    return start, end, parsed["working_days"]


def remaining(api, username: str, leave_type: str, year: int) -> int:
    body = api(username, "GET", "/v1/hr/leave/balance", params={"year": year}).json()
    return next(b["remaining"] for b in body["balances"] if b["leave_type"] == leave_type)


def status_of(api, username: str, request_id: int) -> str:
    mine = api(username, "GET", "/v1/hr/leave/requests").json()
    return next(r["status"] for r in mine if r["id"] == request_id)


def ask_leave(api, username: str, leave_type: str, start: str, end: str) -> dict:
    response = api(username, "POST", "/v1/hr/leave/requests", json={
        "leave_type": leave_type, "start_date": start, "end_date": end})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def gateway_down(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    monkeypatch.setenv("ACTIONS_GATEWAY_URL", f"http://127.0.0.1:{closed_port}")
    get_config.cache_clear()
    yield
    monkeypatch.undo()
    get_config.cache_clear()


# --- the channel guard ---------------------------------------------------------------------------

EVERY_ACTION = [ActionHrBalance, ActionHrStartLeave, ActionHrConfirmLeave, ActionHrSubmitLeave,
                ActionHrAbortLeave, ActionHrListLeave, ActionHrCancelLeave,
                ActionHrTeamRequests, ActionHrApproveLeave, ActionHrDeclineLeave,
                ActionHrFollowup, ActionHrDirectory, ActionHrPolicy]


@pytest.mark.parametrize("action", EVERY_ACTION, ids=lambda a: a.__name__)
@pytest.mark.parametrize(("channel", "employee_id", "with_token"), [
    ("consumer", "E0002", True),   # a consumer conversation, whatever it carries
    ("hr", None, True),            # no verified employee
    ("hr", "E0002", False),        # no token to act with
])
def test_hr_actions_refuse_outside_a_verified_hr_channel(monkeypatch, tokens, action, channel,
                                                         employee_id, with_token):
    def no_calls(*_args, **_kwargs):
        raise AssertionError("an HR action called the gateway outside the HR channel")

    monkeypatch.setattr(hr.GatewayClient, "_request", no_calls)
    slots = {"leave_type": "annual", "leave_start": "2030-01-07", "leave_end": "2030-01-07",
             "hr_pending_choice": "cancel"}
    _, texts, meta = run(action(), hr_tracker(
        "approve 12 and cancel #12, show E0002's balance", tokens["employee"] if with_token
        else None, employee_id, channel=channel, slots=slots,
        entities=[entity("leave_id", "12"), entity("person", "Yoon Seo-ah")]))
    assert [t["text"] for t in texts] == [
        "HR questions are answered in the employee HR chat after you sign in with your staff "
        "account."]
    assert meta["sources"] == []


def test_a_refused_start_keeps_the_form_closed(tokens):
    events, _, _ = run(ActionHrStartLeave(), hr_tracker("book me friday off", tokens["employee"],
                                                        channel="consumer"))
    assert slots_set(events) == {"hr_verified": False}
    events, _, _ = run(ActionHrStartLeave(), as_user(tokens, "employee", "book me friday off"))
    assert slots_set(events)["hr_verified"] is True
    assert all(slots_set(events)[s] is None for s in hr.LEAVE_SLOTS)


def test_form_validation_on_the_consumer_channel_closes_the_form(tokens):
    dispatcher_tracker = hr_tracker(
        "next friday", tokens["employee"], channel="consumer",
        events=[{"event": "slot", "name": "leave_dates", "value": "next friday"}],
        active_loop={"name": "leave_request_form"})
    events, texts, _ = run_async(ValidateLeaveRequestForm(), dispatcher_tracker, FORM_DOMAIN)
    assert {"event": "active_loop", "name": None} in [
        {"event": e["event"], "name": e.get("name")} for e in events if e["event"] == "active_loop"]
    assert slots_set(events)["leave_start"] is None
    assert "HR chat" in texts[0]["text"]


def test_the_token_decides_whose_data_is_shown_not_the_metadata_id(api, tokens):
    # metadata claims E0003 but the token is E0002's: the gateway answers for the token
    _, texts, _ = run(ActionHrBalance(), hr_tracker("my balance", tokens["employee"], "E0003"))
    body = api("employee", "GET", "/v1/hr/leave/balance").json()
    annual = next(b for b in body["balances"] if b["leave_type"] == "annual")
    assert f"{annual['remaining']} of {annual['entitled']} day(s) left" in texts[0]["text"]
    assert annual["entitled"] == 17  # E0002's entitlement (E0003's is 16 this year)


# --- balance --------------------------------------------------------------------------------


def test_balance_lists_every_leave_type_with_the_asked_one_first(api, tokens):
    _, texts, meta = run(ActionHrBalance(), as_user(
        tokens, "employee", "how many sick days do I have left?",
        entities=[entity("leave_type", "sick")]))
    lines = texts[0]["text"].splitlines()
    assert lines[0] == f"Your leave balance for {seoul_today().year}:"
    assert lines[1].startswith("• sick leave:")
    assert {line.split(":")[0] for line in lines[1:]} == {
        "• sick leave", "• annual leave", "• family care leave"}
    sick = next(b for b in api("employee", "GET", "/v1/hr/leave/balance").json()["balances"]
                if b["leave_type"] == "sick")
    assert f"{sick['remaining']} of {sick['entitled']} day(s) left" in lines[1]
    assert meta["gap"] is None and meta["intent"] == "hr_leave_balance"


def test_balance_in_korean(tokens):
    _, texts, _ = run(ActionHrBalance(), as_user(tokens, "employee", "연차 몇 개 남았어?"))
    assert f"{seoul_today().year}년 휴가 잔여 현황입니다:" in texts[0]["text"]
    assert "• 연차: 17일 중" in texts[0]["text"]


def test_an_unreachable_gateway_gives_the_hr_helpdesk(tokens, gateway_down):
    events, texts, meta = run(ActionHrSubmitLeave(), as_user(
        tokens, "employee", "yes", slots={"leave_type": "annual", "leave_start": "2030-01-07",
                                          "leave_end": "2030-01-07"}))
    assert "can't reach the HR system" in texts[0]["text"] and "02-6200-7570" in texts[0]["text"]
    assert meta["gap"] == "unavailable"
    assert all(value is None for value in slots_set(events).values())


# --- the leave request form ----------------------------------------------------------------------


def run_async(action, tracker_: Tracker, domain: dict) -> tuple[list[dict], list[dict], dict]:
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, domain))
    texts = [m for m in dispatcher.messages if m.get("text")]
    metas = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    return events, texts, (metas[0] if metas else {})


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


# --- listing and cancelling -----------------------------------------------------------------------


def test_listing_shows_my_requests_upcoming_first(api, tokens):
    start, end, _ = future_span(api, 2)
    created = ask_leave(api, "employee", "annual", start, end)
    _, texts, _ = run(ActionHrListLeave(), as_user(tokens, "employee", "show my leave",
                                                   intent="hr_list_leave"))
    lines = texts[0]["text"].splitlines()
    assert lines[0] == "Your leave requests:"
    mine = {r["id"]: r for r in api("employee", "GET", "/v1/hr/leave/requests").json()}
    assert len(lines) - 1 == min(len(mine), hr.MAX_LISTED)
    shown = [mine[int(line.split()[1].lstrip("#"))] for line in lines[1:]]
    assert {r["employee_id"] for r in shown} == {"E0002"}
    today = seoul_today().isoformat()
    upcoming = [r["end_date"] >= today for r in shown]
    assert upcoming == sorted(upcoming, reverse=True)  # upcoming first, then past ones
    line = next(line for line in lines if line.startswith(f"• #{created['id']} "))
    assert line.startswith(f"• #{created['id']} annual leave, ") and line.endswith(": pending")
    _, texts, _ = run(ActionHrListLeave(), as_user(
        tokens, "employee", "my family leave", intent="hr_list_leave",
        entities=[entity("leave_type", "family")]))
    assert f"#{created['id']}" not in texts[0]["text"]


def test_someone_without_requests_is_told_so(tokens):
    _, texts, _ = run(ActionHrListLeave(), as_user(
        tokens, "pharmacist", "show my family leave", intent="hr_list_leave",
        entities=[entity("leave_type", "family")]))
    assert texts[0]["text"] == "You have no leave requests yet."


@pytest.mark.parametrize(("text", "entities", "expected"), [
    ("cancel #12", [], [12]),
    ("cancel request 7 and #9", [], [7, 9]),
    ("14번 취소해 줘", [], [14]),
    ("cancel the one on the 12th", [], []),
    ("approve 14", [], [14]),
    ("Decline 15 and 16번", [], [15, 16]),
    ("cancel 2 days of my leave", [], []),
    ("cancel it", [{"entity": "leave_id", "value": "31"}], [31]),
])
def test_request_numbers_are_read_from_the_message(tokens, text, entities, expected):
    assert request_ids(as_user(tokens, "employee", text, entities=entities)) == expected


def test_cancelling_by_number_gives_the_days_back(api, tokens):
    start, end, days = future_span(api, 2)
    year = date.fromisoformat(start).year
    created = ask_leave(api, "employee", "annual", start, end)
    before = remaining(api, "employee", "annual", year)
    events, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", f"cancel #{created['id']}", intent="hr_cancel_leave"))
    assert texts[0]["text"].startswith(f"Cancelled request #{created['id']} (annual leave, ")
    assert f"You can now request {before + days} day(s) of annual leave in {year}" in (
        texts[0]["text"])
    assert status_of(api, "employee", created["id"]) == "cancelled"
    assert slots_set(events) == {"hr_pending_choice": None}


def test_cancelling_the_only_upcoming_request_needs_no_number(api, tokens):
    start, end, _ = future_span(api, 2)
    created = ask_leave(api, "employee", "sick", start, end)
    _, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", "cancel my leave", intent="hr_cancel_leave"))
    assert texts[0]["text"].startswith(f"Cancelled request #{created['id']}")
    assert status_of(api, "employee", created["id"]) == "cancelled"


def test_with_several_upcoming_requests_cancel_asks_which_and_a_number_answers(api, tokens):
    first = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    second = ask_leave(api, "employee", "sick", *future_span(api, 3)[:2])
    events, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", "cancel my leave", intent="hr_cancel_leave"))
    assert texts[0]["text"].startswith("Which request should I cancel?")
    assert f"#{first['id']}" in texts[0]["text"] and f"#{second['id']}" in texts[0]["text"]
    assert slots_set(events) == {"hr_pending_choice": "cancel"}
    assert status_of(api, "employee", first["id"]) == "pending"

    events, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "employee", str(second["id"]), intent="inform",
        slots={"hr_pending_choice": "cancel"}))
    assert texts[0]["text"].startswith(f"Cancelled request #{second['id']} (sick leave")
    assert slots_set(events) == {"hr_pending_choice": None}
    assert status_of(api, "employee", second["id"]) == "cancelled"
    assert status_of(api, "employee", first["id"]) == "pending"


def test_a_leave_type_narrows_what_cancel_means(api, tokens):
    annual = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    sick = ask_leave(api, "employee", "sick", *future_span(api, 3)[:2])
    run(ActionHrCancelLeave(), as_user(tokens, "employee", "cancel my sick leave",
                                       intent="hr_cancel_leave",
                                       entities=[entity("leave_type", "sick")]))
    assert status_of(api, "employee", sick["id"]) == "cancelled"
    assert status_of(api, "employee", annual["id"]) == "pending"


def test_nobody_cancels_someone_elses_leave(api, tokens):
    theirs = ask_leave(api, "pharmacist", "annual", *future_span(api, 2)[:2])
    _, texts, meta = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", f"cancel request {theirs['id']}", intent="hr_cancel_leave"))
    assert texts[0]["text"] == (f"I couldn't do that: no leave request {theirs['id']} that you "
                                "can see")
    assert meta["gap"] == "not_found"
    assert status_of(api, "pharmacist", theirs["id"]) == "pending"


def test_nothing_upcoming_to_cancel(tokens):
    _, texts, _ = run(ActionHrCancelLeave(), as_user(tokens, "pharmacist", "cancel my leave",
                                                     intent="hr_cancel_leave"))
    assert texts[0]["text"] == ("You have no upcoming pending or approved leave that I could "
                                "cancel.")


# --- managers -------------------------------------------------------------------------------------


def test_a_manager_sees_the_pending_requests_of_the_team(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrTeamRequests(), as_user(
        tokens, "manager", "any leave to approve?", intent="hr_team_requests"))
    text = texts[0]["text"]
    assert text.startswith("Requests from your team waiting for your decision:")
    assert f"• #{created['id']} Yoon Seo-ah: annual leave, " in text
    assert 'Say e.g. "approve' in text
    team = api("manager", "GET", "/v1/hr/team/requests", params={"status": "pending"}).json()
    assert text.count("\n• #") == min(len(team), hr.MAX_LISTED)


def test_someone_without_reports_has_no_team_to_decide(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrTeamRequests(), as_user(tokens, "employee", "team requests",
                                                      intent="hr_team_requests"))
    assert texts[0]["text"].startswith("Nobody reports to you")
    _, texts, _ = run(ActionHrApproveLeave(), as_user(
        tokens, "employee", f"approve {created['id']}", intent="hr_approve_leave"))
    assert "is not a request from one of your direct reports" in texts[0]["text"]
    assert status_of(api, "employee", created["id"]) == "pending"


def test_a_manager_approves_a_direct_reports_request_by_number(api, tokens):
    start, end, _ = future_span(api, 2)
    created = ask_leave(api, "employee", "annual", start, end)
    _, texts, meta = run(ActionHrApproveLeave(), as_user(
        tokens, "manager", f"approve #{created['id']}", intent="hr_approve_leave"))
    assert texts[0]["text"].startswith(
        f"Approved request #{created['id']}: Yoon Seo-ah, annual leave, ")
    assert status_of(api, "employee", created["id"]) == "approved"
    assert meta["gap"] is None
    _, texts, meta = run(ActionHrDeclineLeave(), as_user(
        tokens, "manager", f"decline #{created['id']}", intent="hr_decline_leave"))
    assert texts[0]["text"] == (f"I couldn't do that: request #{created['id']} is approved, "
                                "not pending")
    assert meta["gap"] == "already_decided"
    assert status_of(api, "employee", created["id"]) == "approved"


def test_a_manager_cannot_decide_for_someone_outside_the_team(api, tokens):
    theirs = ask_leave(api, "pharmacist", "annual", *future_span(api, 2)[:2])
    for action in (ActionHrApproveLeave(), ActionHrDeclineLeave()):
        _, texts, meta = run(action, as_user(tokens, "manager", f"{theirs['id']}번 승인",
                                             intent="hr_approve_leave"))
        assert texts[0]["text"] == "처리하지 못했습니다. 해당 번호의 신청을 찾을 수 없습니다."
        assert meta["gap"] == "not_found"
    assert status_of(api, "pharmacist", theirs["id"]) == "pending"


def test_a_manager_declines_by_name_and_leave_type(api, tokens):
    created = ask_leave(api, "employee", "family", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrDeclineLeave(), as_user(
        tokens, "manager", "decline Seo-ah's family leave", intent="hr_decline_leave",
        entities=[entity("person", "Seo-ah"), entity("leave_type", "family")]))
    assert texts[0]["text"].startswith(f"Declined request #{created['id']}: Yoon Seo-ah, "
                                       "family care leave")
    assert status_of(api, "employee", created["id"]) == "declined"


def test_an_ambiguous_decision_asks_which_and_a_number_answers(api, tokens):
    first = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    second = ask_leave(api, "employee", "sick", *future_span(api, 3)[:2])
    events, texts, _ = run(ActionHrApproveLeave(), as_user(
        tokens, "manager", "approve Yoon Seo-ah's leave", intent="hr_approve_leave",
        entities=[entity("person", "Yoon Seo-ah")]))
    assert texts[0]["text"].startswith("Which request do you mean?")
    assert slots_set(events) == {"hr_pending_choice": "approve"}
    assert status_of(api, "employee", first["id"]) == "pending"
    _, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "manager", f"#{first['id']}", intent="inform",
        slots={"hr_pending_choice": "approve"}))
    assert texts[0]["text"].startswith(f"Approved request #{first['id']}")
    assert status_of(api, "employee", first["id"]) == "approved"
    assert status_of(api, "employee", second["id"]) == "pending"


def test_a_bare_number_with_no_open_question_does_nothing(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrFollowup(), as_user(tokens, "employee", str(created["id"]),
                                                  intent="inform"))
    assert texts[0]["text"].startswith("What would you like to do?")
    assert status_of(api, "employee", created["id"]) == "pending"


# --- directory and policy -------------------------------------------------------------------------


def test_directory_finds_a_misspelt_name_with_work_contacts_only(tokens):
    _, texts, meta = run(ActionHrDirectory(), as_user(
        tokens, "employee", "what's Kang Minho's number?", intent="hr_directory",
        entities=[entity("person", "Kang Minho")]))
    text = texts[0]["text"]
    assert text.startswith("From the staff directory (work contacts):")
    assert "• Kang Min-ho (강민호), store manager, Gangnam, pharmacy: 02-3452-11" in text
    assert "@haneul-pharmacy.example" in text
    assert "2014" not in text and "E0001" not in text  # no hire date, no employee id
    assert meta["gap"] is None


def test_directory_by_branch_and_role_in_korean(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(
        tokens, "employee", "부산 서면점 관리약사 연락처", intent="hr_directory",
        entities=[entity("branch", "부산 서면점"), entity("job_role", "관리약사")]))
    lines = texts[0]["text"].splitlines()
    assert lines[0] == "직원 연락처(업무용)에서 찾은 결과입니다:"
    assert len(lines) == 2 and "pharmacist in charge, Busan Seomyeon" in lines[1]
    assert "051-806-16" in lines[1]


def test_directory_without_anything_to_search_asks_and_unknowns_are_a_gap(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(tokens, "employee", "find a colleague",
                                                   intent="hr_directory"))
    assert texts[0]["text"].startswith("Who are you looking for?")
    _, texts, meta = run(ActionHrDirectory(), as_user(
        tokens, "employee", "find Zzyzx Qwerty", intent="hr_directory",
        entities=[entity("person", "Zzyzx Qwerty")]))
    assert texts[0]["text"] == "I couldn't find anyone matching that in the staff directory."
    assert meta["gap"] == "not_found"


def test_directory_says_how_many_more_it_did_not_show(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(
        tokens, "employee", "cashiers in gangnam", intent="hr_directory",
        entities=[entity("branch", "Gangnam"), entity("job_role", "cashier")]))
    lines = texts[0]["text"].splitlines()
    assert len(lines) == 7  # header, 5 people, "…and 1 more" (the branch has 6 cashiers)
    assert lines[-1].startswith("…and 1 more")


def test_policy_questions_quote_and_cite_the_hr_handbook(tokens):
    _, texts, meta = run(ActionHrPolicy(), as_user(
        tokens, "employee", "how many paid sick days do I get per year?", intent="hr_policy"))
    assert texts[0]["text"].startswith("From the HR handbook, ")
    assert "Source:" in texts[0]["text"]
    assert meta["sources"] and meta["sources"][0]["doc_id"] == "hr-sick-leave"
    assert meta["gap"] is None


def test_policy_without_a_confident_passage_does_not_guess(tokens, monkeypatch):
    monkeypatch.setenv("ACTIONS_MIN_CONFIDENCE", "0.99")
    get_config.cache_clear()
    try:
        _, texts, meta = run(ActionHrPolicy(), as_user(
            tokens, "employee", "how does the dental plan work", intent="hr_policy"))
    finally:
        monkeypatch.undo()
        get_config.cache_clear()
    assert texts[0]["text"].startswith("I couldn't find that in the HR handbook")
    assert meta["sources"] == [] and meta["gap"] == "low_confidence"


def test_a_consumer_token_cannot_read_the_hr_handbook_even_on_the_hr_channel(tokens):
    _, texts, meta = run(ActionHrPolicy(), hr_tracker(
        "how does the dental plan work", tokens["customer"], "E0002", intent="hr_policy"))
    assert meta["sources"] == [] and meta["gap"] == "unavailable"
    assert "From the HR handbook" not in texts[0]["text"]
