"""The HR API: access control, balances, leave requests, approvals, directory and concurrency.

The real app over a real SQLite file with the seeded roster; "today" is fixed (both for the
seed's example requests and for the routes) so every date below is deterministic.
Demo accounts: employee = E0002 (reports to E0001), manager = E0001, pharmacist = E0003
(another branch), customer = a consumer, admin = no HR record.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

import api.main
from api.main import create_app
from api.models import Employee, LeaveRequest, LeaveStatus, LeaveType, Role, User
from api.routes.hr import get_today
from api.security import hash_password
from api.services import hr_leave
from api.services.hr_leave import LeaveError
from core.database import transaction
from retrieval.service import SearchService
from tests.api.conftest import token
from tests.concurrency import run_together

TODAY = date(2026, 11, 23)  # a Monday
DIRECTORY_FIELDS = {"name_en", "name_ko", "branch", "department", "job_role", "work_phone",
                    "work_email"}


def d(iso: str) -> date:
    return date.fromisoformat(iso)


@pytest.fixture
def client(settings, rasa, embedder, monkeypatch):
    monkeypatch.setattr(api.main, "today_in_seoul", lambda: TODAY)  # the seed's "today"
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=rasa)
    app.dependency_overrides[get_today] = lambda: TODAY
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def auth(client):
    """Headers per demo user, signing in once per test."""
    signed_in: dict[str, dict[str, str]] = {}

    def headers(username: str) -> dict[str, str]:
        if username not in signed_in:
            signed_in[username] = token(client, username)
        return signed_in[username]

    return headers


def sessions(client: TestClient):
    return client.app.state.sessions


def ask_leave(client, headers, leave_type: str, start: str, end: str, **extra):
    return client.post("/v1/hr/leave/requests", headers=headers, json={
        "leave_type": leave_type, "start_date": start, "end_date": end, **extra})


def balance_of(client, headers, leave_type: str, year: int | None = None) -> dict:
    params = {"year": year} if year else None
    body = client.get("/v1/hr/leave/balance", headers=headers, params=params).json()
    return next(b for b in body["balances"] if b["leave_type"] == leave_type)


def stored_requests(client) -> dict[int, tuple[str, str]]:
    """Every stored leave request: id -> (employee, status)."""
    with sessions(client)() as session:
        return {r.id: (r.employee_id, r.status.value)
                for r in session.scalars(select(LeaveRequest))}


def count_requests(client) -> int:
    with sessions(client)() as session:
        return session.scalar(select(func.count()).select_from(LeaveRequest))


def a_pending_team_request(client, manager_id: str = "E0001") -> int:
    """A seeded pending request of one of the manager's reports (not the demo employee)."""
    with sessions(client)() as session:
        found = session.scalar(
            select(LeaveRequest.id)
            .join(Employee, Employee.employee_id == LeaveRequest.employee_id)
            .where(Employee.manager_id == manager_id, LeaveRequest.employee_id != "E0002",
                   LeaveRequest.status == LeaveStatus.pending).limit(1))
    assert found is not None
    return found


# --- access control --------------------------------------------------------------------------

ROUTES = [
    ("post", "/v1/hr/chat"),
    ("get", "/v1/hr/me"),
    ("get", "/v1/hr/leave/balance"),
    ("get", "/v1/hr/leave/requests"),
    ("post", "/v1/hr/leave/requests"),
    ("post", "/v1/hr/leave/parse-dates"),
    ("delete", "/v1/hr/leave/requests/{request_id}"),
    ("get", "/v1/hr/team/requests"),
    ("post", "/v1/hr/team/requests/{request_id}/approve"),
    ("post", "/v1/hr/team/requests/{request_id}/decline"),
    ("get", "/v1/hr/directory"),
]
BODIES = {
    "/v1/hr/chat": {"session_id": "s1", "message": "how many leave days do I have?"},
    "/v1/hr/leave/requests": {"leave_type": "annual", "start_date": "2026-12-01",
                              "end_date": "2026-12-01"},
    "/v1/hr/leave/parse-dates": {"text": "next friday"},
}


def call(client, method: str, path: str, request_id: int, headers=None):
    url = path.format(request_id=request_id)
    kwargs: dict = {"headers": headers or {}}
    if method == "post":
        kwargs["json"] = BODIES.get(path, {})
    if path == "/v1/hr/directory":
        kwargs["params"] = {"q": "Kang Min-ho"}
    return getattr(client, method)(url, **kwargs)


def test_the_matrix_lists_every_hr_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    served = {(method, path) for path, operations in paths.items()
              if path.startswith("/v1/hr") for method in operations}
    assert served == set(ROUTES)


def test_anonymous_and_bad_tokens_get_401_on_every_hr_route(client, rasa):
    request_id = a_pending_team_request(client)
    before = stored_requests(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
        forged = call(client, method, path, request_id,
                      {"Authorization": "Bearer not-a-real-token"})
        assert forged.status_code == 401, (method, path)
    assert stored_requests(client) == before
    assert rasa.received == []


@pytest.mark.parametrize(("username", "reason"), [
    ("customer", "employee role"),
    ("admin", "not linked to an employee record"),
])
def test_consumers_and_accounts_without_hr_record_get_403_everywhere(client, auth, rasa,
                                                                     username, reason):
    request_id = a_pending_team_request(client)
    before = stored_requests(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id, auth(username))
        assert response.status_code == 403, (username, method, path, response.text)
        assert reason in response.json()["detail"]
    assert stored_requests(client) == before  # nothing created, cancelled or decided
    assert rasa.received == []  # no HR conversation ever reached the dialogue


def test_an_employee_account_whose_record_is_missing_gets_403(client):
    with transaction(sessions(client)) as session:
        session.add(User(username="ghost", full_name="Ghost", role=Role.employee,
                         hashed_password=hash_password("ghost-demo"), employee_id="E9999"))
    response = client.get("/v1/hr/leave/balance", headers=token(client, "ghost"))
    assert response.status_code == 403
    assert "no HR record for employee E9999" in response.json()["detail"]


def test_employees_may_use_every_hr_route(client, auth, rasa):
    rasa.reply("You have 15 days of annual leave left.", intent="hr_leave_balance")
    employee, manager = auth("employee"), auth("manager")
    mine = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-07").json()["id"]
    to_approve = a_pending_team_request(client)
    statuses = {}
    for method, path in ROUTES:
        who = manager if "/team/requests/" in path else employee
        request_id = to_approve if path.endswith("/approve") else mine
        if path.endswith("/decline"):
            request_id = ask_leave(client, employee, "sick", "2026-12-10",
                                   "2026-12-10").json()["id"]
        response = call(client, method, path, request_id, who)
        statuses[(method, path)] = response.status_code
        assert response.status_code in (200, 201), (method, path, response.text)
    assert statuses[("post", "/v1/hr/leave/requests")] == 201
    assert len(rasa.received) == 1


def test_a_consumer_chat_cannot_claim_the_hr_channel(client, rasa):
    rasa.reply("Hello!", intent="greet")
    response = client.post("/v1/chat", json={
        "session_id": "s1", "message": "book me friday off",
        "metadata": {"channel": "hr", "employee_id": "E0002"}, "channel": "hr"})
    assert response.status_code == 200
    sender, _, metadata = rasa.received[0]
    assert sender == "consumer:s1"
    assert metadata["channel"] == "consumer"
    assert "employee_id" not in metadata and "service_token" not in metadata


# --- the HR chat channel ---------------------------------------------------------------------


def test_hr_chat_carries_the_verified_employee_not_what_the_message_claims(client, auth, rasa):
    rasa.reply("Your requests: …", intent="hr_list_leave")
    rasa.reply("Your requests: …", intent="hr_list_leave")
    body = {"session_id": "s1", "message": "I am E0003, show the leave of employee E0003",
            "employee_id": "E0003"}
    response = client.post("/v1/hr/chat", json=body, headers=auth("employee"))
    assert response.status_code == 200, response.text
    assert response.json()["session_id"] == "s1"
    assert response.json()["intent"]["name"] == "hr_list_leave"
    sender, message, metadata = rasa.received[0]
    assert message.startswith("I am E0003")
    assert metadata["channel"] == "hr" and metadata["employee_id"] == "E0002"
    assert metadata["username"] == "employee"
    # the token handed to the action server acts as E0002 and nobody else
    service = {"Authorization": f"Bearer {metadata['service_token']}"}
    assert client.get("/v1/hr/me", headers=service).json()["employee_id"] == "E0002"
    # the same session id from another employee is another conversation
    client.post("/v1/hr/chat", json=body, headers=auth("manager"))
    other_sender, _, other_metadata = rasa.received[1]
    assert sender != other_sender and other_metadata["employee_id"] == "E0001"
    assert sender.startswith("hr:") and "E0002" in sender


def test_hr_chat_never_falls_back_to_consumer_answers(client, auth, rasa):
    rasa.available = False
    response = client.post("/v1/hr/chat", headers=auth("employee"),
                           json={"session_id": "s1", "message": "how often can I take advil"})
    assert response.status_code == 503
    assert "unavailable" in response.json()["detail"]


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
    assert hr_leave.annual_days(d(hired), d(as_of)) == days


def test_sick_and_family_entitlements_are_prorated_only_for_sick_leave():
    assert hr_leave.sick_days(d("2026-07-01"), 2026) == 3
    assert hr_leave.sick_days(d("2026-01-02"), 2026) == 5
    assert hr_leave.sick_days(d("2020-05-01"), 2026) == 5
    assert hr_leave.family_days(d("2026-11-01"), 2026) == 10
    assert hr_leave.family_days(d("2027-01-04"), 2026) == 0


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


# --- nobody sees anyone else's leave -----------------------------------------------------------


def test_an_employee_never_reads_or_cancels_another_employees_leave(client, auth):
    employee, pharmacist, manager = auth("employee"), auth("pharmacist"), auth("manager")
    theirs = ask_leave(client, pharmacist, "annual", "2026-12-01", "2026-12-02").json()
    mine = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-07").json()

    listed = client.get("/v1/hr/leave/requests", headers=employee).json()
    assert {r["employee_id"] for r in listed} == {"E0002"}
    assert theirs["id"] not in [r["id"] for r in listed]
    stolen = client.delete(f"/v1/hr/leave/requests/{theirs['id']}", headers=employee)
    assert stolen.status_code == 404  # exactly like a request that does not exist
    assert stored_requests(client)[theirs["id"]] == ("E0003", "pending")
    # not even a manager cancels a report's leave: that is the employee's own act
    assert client.delete(f"/v1/hr/leave/requests/{mine['id']}",
                         headers=manager).status_code == 404
    assert stored_requests(client)[mine["id"]] == ("E0002", "pending")


def test_identity_comes_from_the_token_never_from_the_request(client, auth):
    employee = auth("employee")
    created = ask_leave(client, employee, "sick", "2026-12-03", "2026-12-03",
                        employee_id="E0003")
    assert created.status_code == 201 and created.json()["employee_id"] == "E0002"
    body = client.get("/v1/hr/leave/balance", headers=employee,
                      params={"employee_id": "E0003"}).json()
    assert body["employee_id"] == "E0002"
    listed = client.get("/v1/hr/leave/requests", headers=employee,
                        params={"employee_id": "E0003"}).json()
    assert {r["employee_id"] for r in listed} == {"E0002"}
    assert client.get("/v1/hr/me", headers=employee,
                      params={"employee_id": "E0003"}).json()["employee_id"] == "E0002"
    pharmacist_sick = balance_of(client, auth("pharmacist"), "sick")
    assert pharmacist_sick["pending"] == 0  # the sick day went to E0002, not E0003


# --- directory ------------------------------------------------------------------------------------


def search_directory(client, headers, **params) -> list[dict]:
    response = client.get("/v1/hr/directory", headers=headers, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["count"] == len(body["results"])
    return body["results"]


@pytest.mark.parametrize(("query", "expected"), [
    ("Kang Min-ho", "Kang Min-ho"),
    ("kang minho", "Kang Min-ho"),
    ("Min-ho Kang", "Kang Min-ho"),
    ("Kang Mino", "Kang Min-ho"),         # misspelt
    ("Kahng Min-ho", "Kang Min-ho"),
    ("강민호", "Kang Min-ho"),
    ("윤서아", "Yoon Seo-ah"),
    ("윤서야", "Yoon Seo-ah"),            # one wrong vowel
    ("Yun Seoa", "Yoon Seo-ah"),
    ("jang ha jun", "Jang Ha-jun"),
])
def test_directory_finds_names_in_any_spelling(client, auth, query, expected):
    results = search_directory(client, auth("employee"), q=query)
    assert results and results[0]["name_en"] == expected, [r["name_en"] for r in results]


def test_directory_filters_by_branch_department_and_role(client, auth):
    employee = auth("employee")
    seomyeon = search_directory(client, employee, branch="Busan Seomyeon", limit=100)
    assert seomyeon and {r["branch"] for r in seomyeon} == {"Busan Seomyeon"}
    for alias in ("부산 서면점", "seomyeon", "서면"):
        assert search_directory(client, employee, branch=alias, limit=100) == seomyeon, alias
    in_charge = search_directory(client, employee, branch="busan", role="pharmacist in charge")
    assert sorted(r["branch"] for r in in_charge) == ["Busan Haeundae", "Busan Seomyeon"]
    assert {r["job_role"] for r in in_charge} == {"pharmacist in charge"}
    jongno = search_directory(client, employee, branch="종로점", role="관리약사")
    assert len(jongno) == 1 and jongno[0]["branch"] == "Jongno"
    hr_team = search_directory(client, employee, department="인사팀", limit=100)
    assert len(hr_team) == 11 and {r["department"] for r in hr_team} == {"hr"}
    assert "Park Ji-won" in {r["name_en"] for r in hr_team}
    assert search_directory(client, employee, q="Zzyzx Qwerty") == []
    assert search_directory(client, employee, branch="Atlantis") == []


def test_directory_shows_work_contacts_only(client, auth):
    results = search_directory(client, auth("employee"), limit=100)
    assert len(results) == 100
    for person in results:
        assert set(person) == DIRECTORY_FIELDS
        assert person["work_email"].endswith("@haneul-pharmacy.example")
    everything = client.get("/v1/hr/directory", headers=auth("employee"),
                            params={"q": "Yoon Seo-ah"}).text
    assert "2021-03-02" not in everything and "E0002" not in everything
    assert "E0001" not in everything and "annual" not in everything
    too_many = client.get("/v1/hr/directory", headers=auth("employee"), params={"limit": 101})
    assert too_many.status_code == 422


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


# --- the seeded roster ---------------------------------------------------------------------------


def test_the_roster_is_realistic_and_the_same_every_time():
    from api.services.hr_seed import generate_roster

    people = generate_roster()
    assert people == generate_roster()
    assert len(people) >= 200
    assert len({p.employee_id for p in people}) == len(people)
    assert len({p.work_email for p in people}) == len(people)
    assert len({p.branch for p in people}) >= 8 and len({p.department for p in people}) >= 6
    by_id = {p.employee_id: p for p in people}
    assert all(p.manager_id is None or p.manager_id in by_id for p in people)
    assert sum(p.manager_id is None for p in people) == 1  # one chief executive
    assert (by_id["E0001"].name_en, by_id["E0001"].job_role) == ("Kang Min-ho", "store manager")
    assert by_id["E0002"].manager_id == "E0001"
    assert by_id["E0003"].branch == "Jongno" and by_id["E0003"].manager_id != "E0001"
    managers = {p.manager_id for p in people if p.manager_id}
    assert len(managers) >= 15
