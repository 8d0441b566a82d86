"""Parts of a day (half days, 2-hour blocks) and family event leave.

"Today" is Monday 23 November 2026; E0002 (the demo employee) has 17 annual days, 2 used.
"""

from __future__ import annotations

import pytest

from api.services import leave_rules
from api.services.family_events import FAMILY_EVENTS
from tests.api.hr.support import ask_leave, balance_of, stored_requests

DAY = "2026-12-02"  # a Wednesday


def ask_part(client, headers, part: str, day: str = DAY, leave_type: str = "annual",
             **extra):
    return ask_leave(client, headers, leave_type, day, day, part=part, **extra)


def ask_block(client, headers, block_start: str, day: str = DAY):
    return ask_part(client, headers, "hours", day, block_start=block_start)


def refusal(response, status: int = 409) -> dict:
    assert response.status_code == status, response.text
    return response.json()["detail"][0]


# --- half days and blocks ------------------------------------------------------------------


def test_morning_and_afternoon_of_one_day_coexist_and_make_one_day(client, auth):
    employee = auth("employee")
    am = ask_part(client, employee, "am")
    assert am.status_code == 201, am.text
    body = am.json()
    assert (body["part"], body["days"], body["block_start"], body["event"]) == (
        "am", 0.5, None, None)
    assert (body["start_date"], body["end_date"]) == (DAY, DAY)
    annual = balance_of(client, employee, "annual")
    assert (annual["pending"], annual["remaining"]) == (0.5, 14.5)
    pm = ask_part(client, employee, "pm")
    assert pm.status_code == 201, pm.text
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (2, 1, 14)
    assert isinstance(annual["pending"], int)  # 1, not 1.0: whole days stay integers
    listed = client.get("/v1/hr/leave/requests", headers=employee,
                        params={"status": "pending"}).json()
    assert [(r["part"], r["days"]) for r in listed] == [("am", 0.5), ("pm", 0.5)]
    # the same half again is an overlap
    detail = refusal(ask_part(client, employee, "pm"))
    assert detail["type"] == "overlap" and f"#{pm.json()['id']}" in detail["msg"]
    assert "afternoon half day" in detail["msg"]


def test_a_full_day_and_a_half_of_it_conflict_both_ways(client, auth):
    employee = auth("employee")
    full = ask_leave(client, employee, "annual", "2026-12-01", DAY).json()
    for part in ("am", "pm"):
        detail = refusal(ask_part(client, employee, part))
        assert detail["type"] == "overlap" and f"#{full['id']}" in detail["msg"]
    detail = refusal(ask_block(client, employee, "15:00"))
    assert detail["type"] == "overlap"
    half = ask_part(client, employee, "am", "2026-12-03").json()
    detail = refusal(ask_leave(client, employee, "sick", "2026-12-03", "2026-12-04"))
    assert f"#{half['id']}" in detail["msg"] and "morning half day" in detail["msg"]


def test_a_block_conflicts_only_with_the_half_it_lies_in(client, auth):
    employee = auth("employee")
    morning = ask_part(client, employee, "am").json()
    detail = refusal(ask_block(client, employee, "10:00"))
    assert detail["type"] == "overlap" and f"#{morning['id']}" in detail["msg"]
    assert refusal(ask_block(client, employee, "12:00"))["type"] == "overlap"  # am: < 13:00
    afternoon_block = ask_block(client, employee, "14:00")
    assert afternoon_block.status_code == 201, afternoon_block.text
    assert (afternoon_block.json()["days"], afternoon_block.json()["block_start"]) == (
        0.25, "14:00")
    # and the other way round: a half day over a block already taken
    detail = refusal(ask_part(client, employee, "pm"))
    assert "2-hour block from 14:00" in detail["msg"]
    assert balance_of(client, employee, "annual")["pending"] == 0.75


def test_a_block_from_13_00_belongs_to_the_afternoon():
    assert leave_rules.block_half("12:00").value == "am"
    assert leave_rules.block_half("13:00").value == "pm"
    assert leave_rules.BLOCK_STARTS == ("09:00", "10:00", "11:00", "12:00", "13:00", "14:00",
                                     "15:00", "16:00")


def test_two_blocks_conflict_only_if_their_hours_overlap(client, auth):
    employee = auth("employee")
    first = ask_block(client, employee, "09:00").json()
    detail = refusal(ask_block(client, employee, "10:00"))
    assert detail["type"] == "overlap" and f"#{first['id']}" in detail["msg"]
    assert ask_block(client, employee, "11:00").status_code == 201
    assert ask_block(client, employee, "16:00").status_code == 201
    assert refusal(ask_block(client, employee, "15:00"))["type"] == "overlap"
    assert ask_block(client, employee, "13:00").status_code == 201  # 13-15, then 16-18
    annual = balance_of(client, employee, "annual")
    assert (annual["pending"], annual["remaining"]) == (1, 14)  # 4 blocks = 8 hours = 1 day
    # the whole day is taken now
    for part in ("am", "pm", "full"):
        assert refusal(ask_part(client, employee, part))["type"] == "overlap"


def test_the_balance_is_checked_in_fractions_of_a_day(client, auth):
    employee = auth("employee")
    # 14 of the 15 remaining days: Mon 30 Nov - Thu 17 Dec
    assert ask_leave(client, employee, "annual", "2026-11-30", "2026-12-17").json()["days"] == 14
    assert ask_part(client, employee, "am", "2026-12-21").status_code == 201
    assert ask_block(client, employee, "14:00", "2026-12-21").status_code == 201
    assert ask_block(client, employee, "16:00", "2026-12-21").status_code == 201
    assert balance_of(client, employee, "annual")["remaining"] == 0
    before = stored_requests(client)
    detail = refusal(ask_block(client, employee, "09:00", "2026-12-22"))
    assert detail["type"] == "insufficient_balance"
    assert "needs 0.25 working day(s) and 0 remain (entitled 17, used 2, pending 15)" in (
        detail["msg"])
    assert stored_requests(client) == before


@pytest.mark.parametrize("leave_type", ["sick", "family"])
@pytest.mark.parametrize("part", ["am", "pm", "hours"])
def test_only_annual_leave_comes_in_parts_of_a_day(client, auth, leave_type, part):
    employee = auth("employee")
    before = stored_requests(client)
    extra = {"block_start": "09:00"} if part == "hours" else {}
    detail = refusal(ask_part(client, employee, part, leave_type=leave_type, **extra), 422)
    assert detail["loc"] == ["body", "part"] and detail["type"] == "part_not_allowed"
    assert "annual leave only" in detail["msg"]
    assert stored_requests(client) == before


def test_family_event_leave_is_whole_days_too(client, auth):
    response = ask_part(client, auth("employee"), "am", leave_type="family_event",
                        event="child_wedding")
    assert refusal(response, 422)["type"] == "part_not_allowed"


@pytest.mark.parametrize(("extra", "field", "code"), [
    ({"part": "am", "end_date": "2026-12-03"}, "end_date", "single_date_only"),
    ({"part": "hours", "end_date": "2026-12-03", "block_start": "09:00"}, "end_date",
     "single_date_only"),
    ({"part": "hours"}, "block_start", "block_start_required"),
    ({"part": "hours", "block_start": "08:00"}, "block_start", "invalid_block_start"),
    ({"part": "hours", "block_start": "17:00"}, "block_start", "invalid_block_start"),
    ({"part": "hours", "block_start": "14:30"}, "block_start", "invalid_block_start"),
    ({"part": "pm", "block_start": "14:00"}, "block_start", "block_start_not_allowed"),
    ({"block_start": "14:00"}, "block_start", "block_start_not_allowed"),
    ({"part": "am", "start_date": "2026-12-05", "end_date": "2026-12-05"}, "start_date",
     "no_working_days"),  # a Saturday
    ({"part": "hours", "block_start": "10:00", "start_date": "2026-12-25",
      "end_date": "2026-12-25"}, "start_date", "no_working_days"),  # Christmas
])
def test_parts_that_do_not_fit_are_422_naming_the_field(client, auth, extra, field, code):
    employee = auth("employee")
    before = stored_requests(client)
    body = {"leave_type": "annual", "start_date": DAY, "end_date": DAY, **extra}
    response = client.post("/v1/hr/leave/requests", headers=employee, json=body)
    detail = refusal(response, 422)
    assert (detail["loc"], detail["type"]) == (["body", field], code)
    assert detail["msg"]
    assert stored_requests(client) == before
    assert balance_of(client, employee, "annual")["pending"] == 0


@pytest.mark.parametrize(("change", "field"), [
    ({"part": "morning"}, "part"),
    ({"part": 1}, "part"),
    ({"part": "hours", "block_start": "2pm"}, "block_start"),
    ({"part": "hours", "block_start": "9:00"}, "block_start"),
    ({"part": "hours", "block_start": 1400}, "block_start"),
    ({"part": "hours", "block_start": "24:00"}, "block_start"),
    ({"leave_type": "family_event", "event": "birthday"}, "event"),
    ({"leave_type": "family_event", "event": 1}, "event"),
])
def test_malformed_parts_and_events_are_422(client, auth, change, field):
    before = stored_requests(client)
    body = {"leave_type": "annual", "start_date": DAY, "end_date": DAY, **change}
    response = client.post("/v1/hr/leave/requests", json=body, headers=auth("employee"))
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    assert stored_requests(client) == before


def test_an_old_style_request_without_part_is_a_full_day_as_before(client, auth):
    employee = auth("employee")
    response = client.post("/v1/hr/leave/requests", headers=employee, json={
        "leave_type": "annual", "start_date": "2026-11-30", "end_date": "2026-12-02"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["part"], body["block_start"], body["event"], body["days"]) == (
        "full", None, None, 3)
    assert '"days":3,' in response.text  # an integer, as before days could be fractional
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (2, 3, 12)


# --- approving, declining, cancelling parts of a day -----------------------------------------


def test_a_manager_approves_and_declines_half_days_and_the_employee_cancels_one(client, auth):
    employee, manager = auth("employee"), auth("manager")
    am = ask_part(client, employee, "am").json()
    pm = ask_part(client, employee, "pm").json()
    block = ask_block(client, employee, "09:00", "2026-12-03").json()
    team = {r["id"]: r for r in client.get("/v1/hr/team/requests", headers=manager,
                                           params={"status": "pending"}).json()}
    assert (team[am["id"]]["part"], team[am["id"]]["days"]) == ("am", 0.5)
    assert (team[block["id"]]["part"], team[block["id"]]["block_start"]) == ("hours", "09:00")

    approved = client.post(f"/v1/hr/team/requests/{am['id']}/approve", headers=manager)
    assert approved.status_code == 200, approved.text
    assert (approved.json()["status"], approved.json()["days"], approved.json()["part"]) == (
        "approved", 0.5, "am")
    declined = client.post(f"/v1/hr/team/requests/{pm['id']}/decline", headers=manager)
    assert (declined.json()["status"], declined.json()["part"]) == ("declined", "pm")
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (2.5, 0.25, 14.25)

    # the declined afternoon is free again; cancelling the morning frees it too
    assert ask_part(client, employee, "pm").status_code == 201
    cancelled = client.delete(f"/v1/hr/leave/requests/{am['id']}", headers=employee)
    assert (cancelled.json()["status"], cancelled.json()["days"]) == ("cancelled", 0.5)
    assert ask_block(client, employee, "10:00").status_code == 201
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (2, 1, 14)


# --- family event leave ----------------------------------------------------------------------


def test_family_event_leave_needs_its_event_and_only_it_has_one(client, auth):
    employee = auth("employee")
    before = stored_requests(client)
    detail = refusal(ask_leave(client, employee, "family_event", DAY, DAY), 422)
    assert (detail["loc"], detail["type"]) == (["body", "event"], "event_required")
    assert "own_wedding" in detail["msg"]
    detail = refusal(ask_leave(client, employee, "annual", DAY, DAY, event="own_wedding"), 422)
    assert (detail["loc"], detail["type"]) == (["body", "event"], "event_not_allowed")
    assert stored_requests(client) == before


def test_family_event_leave_may_not_exceed_the_events_paid_days(client, auth):
    employee = auth("employee")
    before = stored_requests(client)
    # Mon 30 Nov - Mon 7 Dec: 6 working days; one's own wedding gives 5
    response = ask_leave(client, employee, "family_event", "2026-11-30", "2026-12-07",
                         event="own_wedding")
    detail = refusal(response, 422)
    assert (detail["loc"], detail["type"]) == (["body", "end_date"], "exceeds_event_days")
    assert "at most 5 working day(s)" in detail["msg"] and "has 6" in detail["msg"]
    assert stored_requests(client) == before
    refused = ask_leave(client, employee, "family_event", DAY, "2026-12-03",
                        event="bereavement_spouse_sibling")
    assert "at most 1 working day(s)" in refusal(refused, 422)["msg"]


def test_five_days_for_ones_own_wedding_use_no_balance(client, auth):
    employee = auth("employee")
    before = client.get("/v1/hr/leave/balance", headers=employee).json()
    response = ask_leave(client, employee, "family_event", "2026-11-30", "2026-12-04",
                         event="own_wedding", reason="our wedding")
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["leave_type"], body["event"], body["days"], body["part"]) == (
        "family_event", "own_wedding", 5, "full")
    after = client.get("/v1/hr/leave/balance", headers=employee).json()
    assert after == before  # annual, sick and family care leave untouched
    assert {b["leave_type"] for b in after["balances"]} == {"annual", "sick", "family"}
    # it still blocks its dates, and the manager decides it like any other request
    assert refusal(ask_part(client, employee, "am", "2026-12-01"))["type"] == "overlap"
    approved = client.post(f"/v1/hr/team/requests/{body['id']}/approve",
                           headers=auth("manager"))
    assert (approved.json()["status"], approved.json()["event"]) == ("approved", "own_wedding")
    assert client.get("/v1/hr/leave/balance", headers=employee).json() == before


def test_the_family_events_are_listed_with_their_paid_days(client, auth):
    response = client.get("/v1/hr/leave/family-events", headers=auth("employee"))
    assert response.status_code == 200
    events = {e["event"]: e for e in response.json()["events"]}
    assert set(events) == {e.value for e in FAMILY_EVENTS}
    assert events["own_wedding"] == {"event": "own_wedding", "days": 5, "within_days": 365,
                                     "label_en": "your own wedding", "label_ko": "본인 결혼"}
    assert (events["bereavement_grandparent"]["days"],
            events["bereavement_grandparent"]["label_ko"]) == (3, "조부모 사망")
    assert events["bereavement_spouse_sibling"]["days"] == 1
