"""Listing and cancelling one's own leave."""

from __future__ import annotations

from datetime import date

import pytest

from bot.actions.hr import context as hr
from bot.actions.hr.context import request_ids, seoul_today
from bot.actions.hr.conversation import ActionHrFollowup
from bot.actions.hr.my_requests import ActionHrCancelLeave, ActionHrListLeave
from bot.tests.actions.helpers import run, slots_set
from bot.tests.actions.hr.support import (
    as_user,
    ask_leave,
    entity,
    future_span,
    remaining,
    status_of,
)

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


def test_the_only_upcoming_request_is_cancelled_after_a_yes(api, tokens):
    start, end, _ = future_span(api, 2)
    created = ask_leave(api, "employee", "sick", start, end)
    events, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", "cancel my leave", intent="hr_cancel_leave"))
    assert texts[0]["text"].startswith("Cancel this request?\n")
    assert f"#{created['id']}" in texts[0]["text"]
    assert [b["payload"] for b in texts[0]["buttons"]] == ["/affirm", "/deny"]
    pending = slots_set(events)["hr_pending_choice"]
    assert status_of(api, "employee", created["id"]) == "pending"  # not before the yes
    _, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "employee", "응 취소해", intent="stop", slots={"hr_pending_choice": pending}))
    assert texts[0]["text"].startswith(f"요청 #{created['id']}(병가, ")
    assert status_of(api, "employee", created["id"]) == "cancelled"


@pytest.mark.parametrize(("text", "intent"), [
    ("no", "deny"), ("never mind, keep it", "stop"), ("아니 그대로 둬", "hr_cancel_leave")])
def test_no_to_cancel_this_request_keeps_it(api, tokens, text, intent):
    created = ask_leave(api, "employee", "annual", *future_span(api, 7)[:2])
    events, _, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", "cancel my leave for that week", intent="hr_cancel_leave",
        entities=[entity("leave_type", "annual")]))
    pending = slots_set(events)["hr_pending_choice"]
    action = ActionHrCancelLeave() if intent == "hr_cancel_leave" else ActionHrFollowup()
    events, texts, _ = run(action, as_user(tokens, "employee", text, intent=intent,
                                           slots={"hr_pending_choice": pending}))
    assert texts[0]["text"] in (f"OK, request #{created['id']} stays as it is.",
                                f"알겠습니다. 요청 #{created['id']}은(는) 그대로 둡니다.")
    assert slots_set(events) == {"hr_pending_choice": None}
    assert status_of(api, "employee", created["id"]) == "pending"
    api("employee", "DELETE", f"/v1/hr/leave/requests/{created['id']}")


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
    events, _, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", "cancel my sick leave", intent="hr_cancel_leave",
        entities=[entity("leave_type", "sick")]))
    run(ActionHrFollowup(), as_user(tokens, "employee", "yes", intent="affirm",
                                    slots=slots_set(events)))
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
