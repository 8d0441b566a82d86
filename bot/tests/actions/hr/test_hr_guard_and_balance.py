"""HR actions refuse outside a verified HR channel; balances."""

from __future__ import annotations

import pytest

from bot.actions.hr import context as hr
from bot.actions.hr.context import seoul_today
from bot.actions.hr.conversation import ActionHrDirectory, ActionHrFollowup, ActionHrPolicy
from bot.actions.hr.leave_draft import SLOTS
from bot.actions.hr.leave_form import (
    ActionAskLeaveConfirmed,
    ActionAskLeaveEvent,
    ActionHrAbortLeave,
    ActionHrStartLeave,
    ActionHrSubmitLeave,
    ValidateLeaveRequestForm,
)
from bot.actions.hr.my_requests import ActionHrBalance, ActionHrCancelLeave, ActionHrListLeave
from bot.actions.hr.team import ActionHrApproveLeave, ActionHrDeclineLeave, ActionHrTeamRequests
from bot.tests.actions.helpers import run, slots_set
from bot.tests.actions.hr.support import (
    FORM_DOMAIN,
    as_user,
    entity,
    hr_tracker,
    run_async,
)

# --- the channel guard ---------------------------------------------------------------------------

EVERY_ACTION = [ActionHrBalance, ActionHrStartLeave, ActionAskLeaveConfirmed, ActionAskLeaveEvent,
                ActionHrSubmitLeave,
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
    assert all(slots_set(events)[s] is None for s in SLOTS)


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
                                          "leave_end": "2030-01-07", "leave_days": 1.0,
                                          "leave_confirmed": True}))
    assert "can't reach the HR system" in texts[0]["text"] and "02-6200-7570" in texts[0]["text"]
    assert meta["gap"] == "unavailable"
    assert all(value is None for value in slots_set(events).values())
