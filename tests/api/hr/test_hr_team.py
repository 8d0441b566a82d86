"""Managers deciding their reports' leave, and concurrent requests."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select

from api.models import Employee, LeaveRequest, LeaveType
from api.services import hr_leave
from api.services.hr_leave import LeaveError
from core.database import transaction
from tests.api.hr.support import (
    TODAY,
    a_pending_team_request,
    ask_leave,
    balance_of,
    d,
    sessions,
    stored_requests,
)
from tests.concurrency import run_together

# --- managers ------------------------------------------------------------------------------------


def test_a_manager_sees_and_decides_only_direct_reports(client, auth):
    employee, manager, pharmacist = auth("employee"), auth("manager"), auth("pharmacist")
    mine = ask_leave(client, employee, "annual", "2026-12-01", "2026-12-03").json()
    elsewhere = ask_leave(client, pharmacist, "annual", "2026-12-01", "2026-12-01").json()
    own = ask_leave(client, manager, "annual", "2026-12-14", "2026-12-14").json()

    team = client.get("/v1/hr/team/requests", headers=manager,
                      params={"status": "pending"}).json()
    with sessions(client)() as session:
        reports = set(session.scalars(select(Employee.employee_id).where(
            Employee.manager_id == "E0001")))
    assert {r["employee_id"] for r in team} <= reports and len(team) >= 2
    assert mine["id"] in [r["id"] for r in team]
    assert elsewhere["id"] not in [r["id"] for r in team]
    assert own["id"] not in [r["id"] for r in team]
    assert next(r for r in team if r["id"] == mine["id"])["employee"]["name_en"] == "Yoon Seo-ah"

    for request_id in (elsewhere["id"], own["id"]):
        for verb in ("approve", "decline"):
            refused = client.post(f"/v1/hr/team/requests/{request_id}/{verb}", headers=manager)
            assert refused.status_code == 404, (request_id, verb)
            assert refused.json()["detail"][0]["type"] == "not_found"
    assert stored_requests(client)[elsewhere["id"]] == ("E0003", "pending")
    assert stored_requests(client)[own["id"]] == ("E0001", "pending")

    approved = client.post(f"/v1/hr/team/requests/{mine['id']}/approve", headers=manager)
    assert approved.status_code == 200
    assert (approved.json()["status"], approved.json()["decided_by"]) == ("approved", "E0001")
    assert approved.json()["decided_at"] is not None
    annual = balance_of(client, employee, "annual")
    assert (annual["used"], annual["pending"], annual["remaining"]) == (5, 0, 12)
    again = client.post(f"/v1/hr/team/requests/{mine['id']}/decline", headers=manager)
    assert again.status_code == 409 and again.json()["detail"][0]["type"] == "already_decided"
    assert stored_requests(client)[mine["id"]] == ("E0002", "approved")


def test_declining_releases_the_pending_days(client, auth):
    employee, manager = auth("employee"), auth("manager")
    created = ask_leave(client, employee, "family", "2026-12-14", "2026-12-15").json()
    assert balance_of(client, employee, "family")["remaining"] == 8
    declined = client.post(f"/v1/hr/team/requests/{created['id']}/decline", headers=manager)
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    assert balance_of(client, employee, "family")["remaining"] == 10
    cancel = client.delete(f"/v1/hr/leave/requests/{created['id']}", headers=employee)
    assert cancel.status_code == 409


def test_a_manager_finds_a_reports_requests_by_name_in_any_spelling(client, auth):
    employee, manager = auth("employee"), auth("manager")
    me = client.get("/v1/hr/me", headers=employee).json()
    mine = ask_leave(client, employee, "annual", "2026-12-21", "2026-12-21").json()
    surname, _, given = me["name_en"].partition(" ")
    for spelling in (me["name_en"], given, given.replace("-", "").lower(), me["name_ko"],
                     me["name_ko"][1:], f"{given} {surname}"):
        found = client.get("/v1/hr/team/requests", headers=manager,
                           params={"status": "pending", "name": spelling})
        assert found.status_code == 200, spelling
        assert mine["id"] in {r["id"] for r in found.json()}, spelling
        assert {r["employee"]["employee_id"] for r in found.json()} == {"E0002"}, spelling
    nobody = client.get("/v1/hr/team/requests", headers=manager,
                        params={"status": "pending", "name": "Zzyzx Qwerty"})
    assert nobody.status_code == 200 and nobody.json() == []


def test_an_employee_without_reports_has_no_team_and_cannot_decide(client, auth):
    employee = auth("employee")
    mine = ask_leave(client, employee, "annual", "2026-12-01", "2026-12-01").json()
    assert client.get("/v1/hr/team/requests", headers=employee).json() == []
    colleague = a_pending_team_request(client)
    for request_id in (mine["id"], colleague):
        response = client.post(f"/v1/hr/team/requests/{request_id}/approve", headers=employee)
        assert response.status_code == 404
    assert stored_requests(client)[mine["id"]] == ("E0002", "pending")


# --- concurrency ---------------------------------------------------------------------------------


def test_two_simultaneous_requests_cannot_overdraw_a_balance(client, auth):
    employee = auth("employee")
    # 6 + 6 working days of family care leave, 10 available, no overlap between them
    jobs = [lambda: ask_leave(client, employee, "family", "2026-11-30", "2026-12-07"),
            lambda: ask_leave(client, employee, "family", "2026-12-14", "2026-12-21")]
    responses = run_together(jobs)
    assert sorted(r.status_code for r in responses) == [201, 409]
    loser = next(r for r in responses if r.status_code == 409)
    assert loser.json()["detail"][0]["type"] == "insufficient_balance"
    family = balance_of(client, employee, "family")
    assert (family["pending"], family["remaining"]) == (6, 4)


def test_fifty_concurrent_requests_neither_lose_nor_double_book_leave(client):
    factory = sessions(client)
    day, days = d("2026-11-30"), []
    while len(days) < 20:  # 20 working days in 2026, each asked for by 2 or 3 threads
        if day.weekday() < 5 and day != d("2026-12-25"):
            days.append(day)
        day += timedelta(days=1)
    wanted = [days[i % len(days)] for i in range(50)]

    def one(day: date):
        def job():
            try:
                with transaction(factory) as session:
                    return hr_leave.request_leave(session, "E0002", LeaveType.family, day, day,
                                                  None, TODAY).id
            except LeaveError as error:
                return error.code
        return job

    results = run_together([one(day) for day in wanted])
    assert not [r for r in results if isinstance(r, Exception)], results
    won = [wanted[i] for i, r in enumerate(results) if isinstance(r, int)]
    refusals = Counter(r for r in results if isinstance(r, str))
    assert len(won) == 10  # the whole family balance, not a day more or less
    assert len(set(won)) == len(won)  # no date booked twice
    assert set(refusals) <= {"overlap", "insufficient_balance"}
    assert sum(refusals.values()) == 40
    with factory() as session:
        stored = list(session.scalars(select(LeaveRequest).where(
            LeaveRequest.employee_id == "E0002", LeaveRequest.leave_type == LeaveType.family)))
    assert sorted(r.start_date for r in stored) == sorted(won)
    assert sum(r.days for r in stored) == 10
