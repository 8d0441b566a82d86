"""How half days, 2-hour blocks and family event leave are shown: "0.5" and "1" (never
"1.0"), and the part of the day wherever a request is listed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.actions.gateway_client import GatewayClient
from bot.actions.hr.context import EVENT_WORDS, Hr
from bot.actions.hr.my_requests import ActionHrBalance, ActionHrCancelLeave, ActionHrListLeave
from bot.actions.hr.team import ActionHrApproveLeave, ActionHrTeamRequests
from bot.tests.actions.helpers import run
from bot.tests.actions.hr.support import as_user, future_span

# --- formatting alone ----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [
    (1, "1"), (1.0, "1"), (0.5, "0.5"), (0.25, "0.25"), (14.5, "14.5"), (14.25, "14.25"),
    ("2", "2"), ("2.50", "2.5"), (17, "17"), (None, "None"),
])
def test_days_are_written_without_a_useless_decimal(value, shown):
    assert Hr.number(value) == shown


def _hr(lang: str) -> Hr:
    return Hr(GatewayClient(token="unused"), lang, "E0002")


def _request(**fields) -> dict:
    return {"id": 7, "leave_type": "annual", "start_date": "2026-12-02",
            "end_date": "2026-12-02", "days": 1, "part": "full", "block_start": None,
            "event": None, "status": "pending", **fields}


@pytest.mark.parametrize(("fields", "en", "ko"), [
    ({}, "• #7 annual leave, Wed 2 Dec 2026 (1 working day(s)): pending",
     "• #7 연차, 2026년 12월 2일(수) (근무일 기준 1일): 승인 대기"),
    ({"part": "am", "days": 0.5},
     "• #7 annual leave, Wed 2 Dec 2026, morning half day (0.5 working day(s)): pending",
     "• #7 연차, 2026년 12월 2일(수), 오전 반차 (근무일 기준 0.5일): 승인 대기"),
    ({"part": "pm", "days": 0.5}, "Wed 2 Dec 2026, afternoon half day (0.5 working day(s))",
     "2026년 12월 2일(수), 오후 반차 (근무일 기준 0.5일)"),
    ({"part": "hours", "block_start": "14:00", "days": 0.25},
     "Wed 2 Dec 2026, 2-hour block from 14:00 (0.25 working day(s))",
     "2026년 12월 2일(수), 14:00부터 2시간 반반차 (근무일 기준 0.25일)"),
    ({"leave_type": "family_event", "event": "own_wedding", "end_date": "2026-12-08",
      "days": 5},
     "• #7 family event leave (your own wedding), Wed 2 Dec 2026 to Tue 8 Dec 2026 "
     "(5 working day(s))", "• #7 경조휴가 (본인 결혼), 2026년 12월 2일(수)부터"),
])
def test_a_listed_request_says_its_part_of_the_day_and_its_event(fields, en, ko):
    assert en in _hr("en").request_line(_request(**fields))
    assert ko in _hr("ko").request_line(_request(**fields))


def test_a_request_from_an_older_gateway_without_part_is_a_full_day():
    old = {"id": 3, "leave_type": "sick", "start_date": "2026-12-02",
           "end_date": "2026-12-03", "days": 2, "status": "approved"}
    assert _hr("en").request_line(old) == (
        "• #3 sick leave, Wed 2 Dec 2026 to Thu 3 Dec 2026 (2 working day(s)): approved")


# --- through the real gateway ----------------------------------------------------------------


def _working_day(api) -> str:
    """A working day two to three weeks ahead."""
    day = date.fromisoformat(future_span(api, 2)[0])
    while api("employee", "POST", "/v1/hr/leave/parse-dates", json={
            "text": f"{day.isoformat()} to {day.isoformat()}"}).json()["working_days"] != 1:
        day += timedelta(days=1)
    return day.isoformat()


def _ask(api, username: str, day: str, **extra) -> dict:
    response = api(username, "POST", "/v1/hr/leave/requests", json={
        "leave_type": "annual", "start_date": day, "end_date": day, **extra})
    assert response.status_code == 201, response.text
    return response.json()


def test_half_days_and_blocks_in_my_list_my_balance_and_my_managers_list(api, tokens):
    day = _working_day(api)
    am = _ask(api, "employee", day, part="am")
    block = _ask(api, "employee", day, part="hours", block_start="14:00")

    _, texts, _ = run(ActionHrListLeave(), as_user(tokens, "employee", "show my leave",
                                                   intent="hr_list_leave"))
    text = texts[0]["text"]
    assert f"• #{am['id']} annual leave, " in text
    assert ", morning half day (0.5 working day(s)): pending" in text
    assert ", 2-hour block from 14:00 (0.25 working day(s)): pending" in text
    assert ".0 working day" not in text

    _, texts, _ = run(ActionHrListLeave(), as_user(tokens, "employee", "내 휴가 보여줘",
                                                   intent="hr_list_leave"))
    assert "오전 반차 (근무일 기준 0.5일)" in texts[0]["text"]
    assert "14:00부터 2시간 반반차 (근무일 기준 0.25일)" in texts[0]["text"]

    annual = next(b for b in api("employee", "GET", "/v1/hr/leave/balance").json()["balances"]
                  if b["leave_type"] == "annual")
    _, texts, _ = run(ActionHrBalance(), as_user(tokens, "employee", "how much leave is left?"))
    line = next(line for line in texts[0]["text"].splitlines()
                if line.startswith("• annual leave:"))
    assert f"{Hr.number(annual['remaining'])} of {annual['entitled']} day(s) left" in line
    assert (f"({Hr.number(annual['used'])} used, {Hr.number(annual['pending'])} pending "
            "approval)") in line
    assert ".0 " not in line

    _, texts, _ = run(ActionHrTeamRequests(), as_user(
        tokens, "manager", "any leave to approve?", intent="hr_team_requests"))
    assert (f"• #{block['id']} Yoon Seo-ah: annual leave, " in texts[0]["text"]
            and ", 2-hour block from 14:00 (0.25 working day(s))" in texts[0]["text"])

    _, texts, _ = run(ActionHrApproveLeave(), as_user(
        tokens, "manager", f"approve #{am['id']}", intent="hr_approve_leave"))
    assert texts[0]["text"].startswith(f"Approved request #{am['id']}: Yoon Seo-ah, annual leave,")
    assert texts[0]["text"].endswith(", morning half day.")

    _, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", f"cancel #{block['id']}", intent="hr_cancel_leave"))
    assert texts[0]["text"].startswith(f"Cancelled request #{block['id']} (annual leave, ")
    assert ", 2-hour block from 14:00). You can now request " in texts[0]["text"]


def test_cancelling_family_event_leave_says_no_balance(api, tokens):
    day = _working_day(api)
    wedding = _ask(api, "employee", day, leave_type="family_event", event="child_wedding")
    assert wedding["days"] == 1
    _, texts, _ = run(ActionHrCancelLeave(), as_user(
        tokens, "employee", f"cancel #{wedding['id']}", intent="hr_cancel_leave"))
    text = texts[0]["text"]
    assert text.startswith(f"Cancelled request #{wedding['id']} (family event leave "
                           "(your child's wedding), ")
    assert text.endswith(").") and "You can now request" not in text


def test_the_bot_words_for_family_events_are_the_gateways(api):
    listed = api("employee", "GET", "/v1/hr/leave/family-events").json()["events"]
    assert {e["event"]: {"en": e["label_en"], "ko": e["label_ko"]} for e in listed} == (
        EVENT_WORDS)
