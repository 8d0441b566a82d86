"""The employee's own leave: record, balances, requests, cancelling."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from api.models import Employee
from api.services import leave_rules
from tests.api.hr.support import (
    TODAY,
    ask_leave,
    balance_of,
    count_requests,
    d,
    sessions,
    stored_requests,
)

# --- me and balances ---------------------------------------------------------------------------


def test_me_shows_my_record_and_my_manager(client, auth):
    me = client.get("/v1/hr/me", headers=auth("employee")).json()
    assert (me["employee_id"], me["name_en"], me["name_ko"]) == ("E0002", "Yoon Seo-ah", "윤서아")
    assert me["manager"] == {"employee_id": "E0001", "name_en": "Kang Min-ho",
                             "name_ko": "강민호"}
    assert me["hire_date"] == "2021-03-02" and me["direct_reports"] == 0
    boss = client.get("/v1/hr/me", headers=auth("manager")).json()
    with sessions(client)() as session:
        reports = session.scalar(select(func.count()).select_from(Employee).where(
            Employee.manager_id == "E0001"))
    assert boss["direct_reports"] == reports > 0


def test_balance_is_entitlement_minus_approved_and_pending_days(client, auth):
    body = client.get("/v1/hr/leave/balance", headers=auth("employee")).json()
    assert body["employee_id"] == "E0002" and body["year"] == 2026
    rows = {b["leave_type"]: (b["entitled"], b["used"], b["pending"], b["remaining"])
            for b in body["balances"]}
    # hired 2 March 2021: 5 completed years -> 15 + (5 - 1) // 2 = 17 annual days.
    # The seed approved 2 annual days in October and 1 sick day in November.
    assert rows == {"annual": (17, 2, 0, 15), "sick": (5, 1, 0, 4), "family": (10, 0, 0, 10)}
    mine = client.get("/v1/hr/leave/requests", headers=auth("employee")).json()
    approved_annual = sum(r["days"] for r in mine
                          if r["leave_type"] == "annual" and r["status"] == "approved")
    assert approved_annual == rows["annual"][1]


def test_next_years_balance_uses_service_on_the_first_of_january(client, auth):
    body = client.get("/v1/hr/leave/balance", headers=auth("employee"),
                      params={"year": 2027}).json()
    rows = {b["leave_type"]: (b["entitled"], b["used"], b["remaining"]) for b in body["balances"]}
    assert rows == {"annual": (17, 0, 17), "sick": (5, 0, 5), "family": (10, 0, 10)}
    pharmacist = client.get("/v1/hr/leave/balance", headers=auth("pharmacist"),
                            params={"year": 2027}).json()
    # E0003 hired 3 July 2023: 3 completed years on 1 January 2027 -> 16
    assert balance_row(pharmacist, "annual")["entitled"] == 16


def balance_row(body: dict, leave_type: str) -> dict:
    return next(b for b in body["balances"] if b["leave_type"] == leave_type)


@pytest.mark.parametrize(("hired", "as_of", "days"), [
    ("2026-05-11", "2026-11-23", 6),    # 6 full months in the first year
    ("2025-01-10", "2026-01-09", 11),   # still the first year: at most 11
    ("2025-01-10", "2026-01-10", 15),   # one completed year
    ("2023-07-03", "2026-11-23", 16),   # 3 years
    ("2006-03-02", "2026-11-23", 24),   # 20 years
    ("1990-01-01", "2026-11-23", 25),   # the cap
    ("2027-01-04", "2026-11-23", 0),    # not hired yet
])
def test_annual_entitlement_follows_the_handbook_table(hired, as_of, days):
    assert leave_rules.annual_days(d(hired), d(as_of)) == days


def test_sick_and_family_entitlements_are_prorated_only_for_sick_leave():
    assert leave_rules.sick_days(d("2026-07-01"), 2026) == 3
    assert leave_rules.sick_days(d("2026-01-02"), 2026) == 5
    assert leave_rules.sick_days(d("2020-05-01"), 2026) == 5
    assert leave_rules.family_days(d("2026-11-01"), 2026) == 10
    assert leave_rules.family_days(d("2027-01-04"), 2026) == 0


# --- requesting leave ----------------------------------------------------------------------------


def test_a_request_is_pending_listed_and_held_against_the_balance(client, auth):
    employee = auth("employee")
    created = ask_leave(client, employee, "annual", "2026-11-30", "2026-12-02",
                        reason="  family visit  ")
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["employee_id"], body["status"], body["days"]) == ("E0002", "pending", 3)
    assert body["reason"] == "family visit" and body["decided_by"] is None
    assert body["created_at"].endswith(("Z", "+00:00"))
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (2, 3, 12)
    listed = client.get("/v1/hr/leave/requests", headers=employee,
                        params={"status": "pending"}).json()
    assert [r["id"] for r in listed] == [body["id"]]


def test_working_days_not_calendar_days_are_charged(client, auth):
    employee = auth("employee")
    # Mon 21 - Mon 28 Dec: Christmas Friday and the weekend are free -> 5 working days
    body = ask_leave(client, employee, "annual", "2026-12-21", "2026-12-28").json()
    assert body["days"] == 5
    assert balance_of(client, employee, "annual")["pending"] == 5


def test_leave_over_new_year_is_charged_to_each_year(client, auth):
    employee = auth("employee")
    body = ask_leave(client, employee, "annual", "2026-12-28", "2027-01-04").json()
    assert body["days"] == 5
    assert balance_of(client, employee, "annual", 2026)["pending"] == 4
    assert balance_of(client, employee, "annual", 2027)["pending"] == 1


def test_an_overlapping_request_is_refused_with_409_until_the_first_is_cancelled(client, auth):
    employee = auth("employee")
    first = ask_leave(client, employee, "annual", "2026-12-01", "2026-12-02").json()
    overlap = ask_leave(client, employee, "sick", "2026-12-02", "2026-12-03")
    assert overlap.status_code == 409
    detail = overlap.json()["detail"][0]
    assert detail["type"] == "overlap" and detail["loc"] == ["body", "start_date"]
    assert f"#{first['id']}" in detail["msg"]
    assert count_requests(client) == len(stored_requests(client))
    assert client.delete(f"/v1/hr/leave/requests/{first['id']}",
                         headers=employee).status_code == 200
    again = ask_leave(client, employee, "sick", "2026-12-02", "2026-12-03")
    assert again.status_code == 201, again.text


def test_more_days_than_remain_is_refused_with_409_and_nothing_stored(client, auth):
    employee = auth("employee")
    before = stored_requests(client)
    # Mon 30 Nov - Mon 14 Dec = 11 working days; family care leave is 10 a year
    refused = ask_leave(client, employee, "family", "2026-11-30", "2026-12-14")
    assert refused.status_code == 409
    detail = refused.json()["detail"][0]
    assert detail["type"] == "insufficient_balance" and detail["loc"] == ["body", "leave_type"]
    assert "needs 11 working day(s) and 10 remain" in detail["msg"]
    assert stored_requests(client) == before
    assert balance_of(client, employee, "family")["remaining"] == 10
    exact = ask_leave(client, employee, "family", "2026-11-30", "2026-12-11")
    assert exact.status_code == 201 and exact.json()["days"] == 10
    assert balance_of(client, employee, "family")["remaining"] == 0


@pytest.mark.parametrize(("start", "end", "field", "code"), [
    ("2026-11-20", "2026-11-24", "start_date", "past_date"),
    ("2026-12-03", "2026-12-01", "end_date", "end_before_start"),
    ("2026-11-28", "2026-11-29", "start_date", "no_working_days"),
    ("2026-12-25", "2026-12-25", "start_date", "no_working_days"),  # Christmas
    ("2027-12-30", "2028-01-03", "end_date", "too_far_ahead"),
])
def test_invalid_dates_are_422_naming_the_field_and_reason(client, auth, start, end, field,
                                                           code):
    employee = auth("employee")
    before = stored_requests(client)
    response = ask_leave(client, employee, "annual", start, end)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", field] and detail[0]["type"] == code
    assert detail[0]["msg"]
    assert stored_requests(client) == before
    assert balance_of(client, employee, "annual")["pending"] == 0


def test_today_itself_may_still_be_requested(client, auth):
    response = ask_leave(client, auth("employee"), "sick", TODAY.isoformat(),
                         TODAY.isoformat())
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(("change", "field"), [
    ({"leave_type": "vacation"}, "leave_type"),
    ({"start_date": "2026-13-01"}, "start_date"),
    ({"end_date": "next friday"}, "end_date"),
    ({"reason": "x" * 501}, "reason"),
])
def test_malformed_bodies_are_422_naming_the_field(client, auth, change, field):
    before = stored_requests(client)
    body = {"leave_type": "annual", "start_date": "2026-12-01", "end_date": "2026-12-01",
            **change}
    response = client.post("/v1/hr/leave/requests", json=body, headers=auth("employee"))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert stored_requests(client) == before


def test_parse_dates_reads_english_and_korean_relative_to_today(client, auth):
    employee = auth("employee")
    for text in ("next Monday to Wednesday", "다음 주 월요일부터 수요일까지"):
        body = client.post("/v1/hr/leave/parse-dates", headers=employee,
                           json={"text": text}).json()
        assert body == {"start_date": "2026-11-30", "end_date": "2026-12-02",
                        "working_days": 3}
    refused = client.post("/v1/hr/leave/parse-dates", headers=employee,
                          json={"text": "whenever suits"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "text"]
    assert refused.json()["detail"][0]["type"] == "unparseable"


# --- cancelling --------------------------------------------------------------------------------


def test_cancelling_gives_the_days_back_and_only_once(client, auth):
    employee = auth("employee")
    created = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-09").json()
    assert balance_of(client, employee, "annual")["remaining"] == 12
    cancelled = client.delete(f"/v1/hr/leave/requests/{created['id']}", headers=employee)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert balance_of(client, employee, "annual")["remaining"] == 15
    twice = client.delete(f"/v1/hr/leave/requests/{created['id']}", headers=employee)
    assert twice.status_code == 409
    assert twice.json()["detail"][0]["type"] == "not_cancellable"
    missing = client.delete("/v1/hr/leave/requests/999999", headers=employee)
    assert missing.status_code == 404
    assert missing.json()["detail"][0]["loc"] == ["path", "request_id"]


def test_leave_that_has_started_cannot_be_cancelled(client, auth):
    employee = auth("employee")
    past = next(r for r in client.get("/v1/hr/leave/requests", headers=employee).json()
                if r["status"] == "approved" and r["start_date"] < TODAY.isoformat())
    response = client.delete(f"/v1/hr/leave/requests/{past['id']}", headers=employee)
    assert response.status_code == 409
    assert response.json()["detail"][0]["type"] == "already_started"
    assert stored_requests(client)[past["id"]] == ("E0002", "approved")
