"""What the HR API tests share: the fixed "today", the demo people and helpers that
call the API or read the stored requests.

The real app over a real SQLite file with the seeded roster; "today" is fixed (both for the
seed's example requests and for the routes) so every date is deterministic. Demo accounts:
employee = E0002 (reports to E0001), manager = E0001, pharmacist = E0003 (another branch),
hr = E0011 (HR staff: the benefits queue), customer = a consumer, admin = no HR record.
"""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.models import BenefitRequest, Employee, LeaveRequest, LeaveStatus

TODAY = date(2026, 11, 23)  # a Monday


DIRECTORY_FIELDS = {"name_en", "name_ko", "branch", "department", "job_role", "work_phone",
                    "work_email"}


def d(iso: str) -> date:
    return date.fromisoformat(iso)


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


BENEFITS = "/v1/hr/benefits"
NEWBORN = {"kind": "add_dependent", "relation": "child", "name": "Yoon Ha-rin",
           "birth_date": "2026-11-16"}
EMPLOYMENT = {"kind": "employment_certificate", "purpose": "bank loan"}


def ask_benefit(client, headers, body: dict):
    return client.post(f"{BENEFITS}/requests", headers=headers, json=body)


def queue_action(client, headers, request_id: int, verb: str, note: str | None = None):
    body = None if note is None else {"note": note}
    return client.post(f"{BENEFITS}/queue/{request_id}/{verb}", headers=headers, json=body)


def stored_benefits(client) -> dict[int, tuple[str, str]]:
    """Every stored benefit request: id -> (employee, status)."""
    with sessions(client)() as session:
        return {r.id: (r.employee_id, r.status.value)
                for r in session.scalars(select(BenefitRequest))}
