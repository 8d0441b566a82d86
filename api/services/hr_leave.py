"""Time off: entitlements from the HR handbook, balances, requests, cancellation, approval.

Entitlement rules (knowledge_base/chain/hr_handbook):

* annual (``hr-annual-leave``, Labor Standards Act Art. 60): under 1 completed year of
  service, 1 day per full month worked, up to 11; from 1 completed year, 15 days, plus 1
  extra day for every 2 further years (3-4 years: 16 … 19-20 years: 24), at most 25.
* sick (``hr-sick-leave``): 5 paid days per calendar year; in the calendar year of hiring,
  pro-rated by the months left in the year, rounded up (joining on 1 July gives 3).
* family care (``hr-family-parental-leave``): 10 days per calendar year.

Balances are kept per calendar year. The handbook's annual leave year runs from the hire
date; we map it onto calendar years by giving the year the entitlement for the service
completed on the as-of date (today for the current year, 1 January for a future year,
31 December for a past one), and raising a stored entitlement when accrual or an
anniversary increases it (never lowering it). Carry-over, half days and hourly blocks are
handled in the Haneul Staff app, not here.

Every change runs in one transaction that first locks the employee's row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers),
so concurrent requests cannot both pass the balance or overlap checks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models.hr import (
    ACTIVE_STATUSES,
    Employee,
    LeaveEntitlement,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
)
from api.services.hr_names import is_named
from api.services.work_calendar import working_days, working_days_by_year
from knowledge_base.tables import utcnow

SICK_DAYS_PER_YEAR = 5
FAMILY_DAYS_PER_YEAR = 10
ANNUAL_FIRST_YEAR_MAX = 11
ANNUAL_BASE = 15
ANNUAL_MAX = 25


class LeaveError(Exception):
    """A refused leave operation: HTTP status, the field it concerns, a code and a reason.

    422: the request itself is invalid (past date, end before start, no working day, too far
    ahead). 409: it conflicts with the current state (overlap, not enough balance, request
    no longer cancellable or already decided). 404: no such request visible to the caller.
    """

    def __init__(self, status: int, field: str, code: str, message: str,
                 location: str = "body") -> None:
        super().__init__(message)
        self.status, self.field, self.code, self.message = status, field, code, message
        self.location = location

    def detail(self) -> list[dict]:
        return [{"loc": [self.location, self.field], "msg": self.message, "type": self.code}]


def _not_found(request_id: int) -> LeaveError:
    return LeaveError(404, "request_id", "not_found",
                      f"no leave request {request_id} that you can see", location="path")


# --- entitlement rules (pure) ----------------------------------------------------------------


def _full_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def completed_years(hire_date: date, as_of: date) -> int:
    return _full_months(hire_date, as_of) // 12


def annual_days(hire_date: date, as_of: date) -> int:
    """Annual leave per the handbook's table for the service completed on ``as_of``."""
    if as_of < hire_date:
        return 0
    years = completed_years(hire_date, as_of)
    if years < 1:
        return min(ANNUAL_FIRST_YEAR_MAX, _full_months(hire_date, as_of))
    return min(ANNUAL_MAX, ANNUAL_BASE + (years - 1) // 2)


def sick_days(hire_date: date, year: int) -> int:
    if hire_date.year > year:
        return 0
    if hire_date.year < year:
        return SICK_DAYS_PER_YEAR
    months_left = 12 - hire_date.month + 1
    return math.ceil(SICK_DAYS_PER_YEAR * months_left / 12)


def family_days(hire_date: date, year: int) -> int:
    return FAMILY_DAYS_PER_YEAR if hire_date.year <= year else 0


def as_of_date(year: int, today: date) -> date:
    if year == today.year:
        return today
    return date(year, 1, 1) if year > today.year else date(year, 12, 31)


def entitled_days(hire_date: date, year: int, today: date) -> dict[LeaveType, int]:
    return {
        LeaveType.annual: annual_days(hire_date, as_of_date(year, today)),
        LeaveType.sick: sick_days(hire_date, year),
        LeaveType.family: family_days(hire_date, year),
    }


# --- balances --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Balance:
    leave_type: LeaveType
    entitled: int
    used: int  # approved
    pending: int
    remaining: int  # entitled - used - pending: what can still be requested


def get_employee(session: Session, employee_id: str, *, lock: bool = False) -> Employee | None:
    query = select(Employee).where(Employee.employee_id == employee_id)
    if lock:
        query = query.with_for_update()
    return session.scalar(query)


def ensure_entitlements(session: Session, employee: Employee, year: int,
                        today: date) -> dict[LeaveType, int]:
    """The year's entitlements, created (or raised, see the module notes) as needed."""
    rows = {row.leave_type: row for row in session.scalars(
        select(LeaveEntitlement).where(LeaveEntitlement.employee_id == employee.employee_id,
                                       LeaveEntitlement.year == year))}
    result = {}
    for leave_type, days in entitled_days(employee.hire_date, year, today).items():
        row = rows.get(leave_type)
        if row is None:
            row = LeaveEntitlement(employee_id=employee.employee_id, year=year,
                                   leave_type=leave_type, days=days)
            session.add(row)
        elif year >= today.year and days > row.days:
            row.days = days
        result[leave_type] = row.days
    session.flush()
    return result


def _days_taken(session: Session, employee_id: str, year: int,
                exclude_id: int | None = None) -> dict[tuple[LeaveType, LeaveStatus], int]:
    """Working days inside ``year`` of the employee's pending and approved requests."""
    query = select(LeaveRequest).where(
        LeaveRequest.employee_id == employee_id,
        LeaveRequest.status.in_(ACTIVE_STATUSES),
        LeaveRequest.start_date <= date(year, 12, 31),
        LeaveRequest.end_date >= date(year, 1, 1),
    )
    totals: dict[tuple[LeaveType, LeaveStatus], int] = {}
    for request in session.scalars(query):
        if request.id == exclude_id:
            continue
        if request.start_date.year == request.end_date.year == year:
            days = request.days
        else:
            days = working_days_by_year(request.start_date, request.end_date).get(year, 0)
        key = (request.leave_type, request.status)
        totals[key] = totals.get(key, 0) + days
    return totals


def balances(session: Session, employee: Employee, year: int, today: date) -> list[Balance]:
    entitled = ensure_entitlements(session, employee, year, today)
    taken = _days_taken(session, employee.employee_id, year)
    result = []
    for leave_type in LeaveType:
        used = taken.get((leave_type, LeaveStatus.approved), 0)
        pending = taken.get((leave_type, LeaveStatus.pending), 0)
        result.append(Balance(leave_type, entitled[leave_type], used, pending,
                              entitled[leave_type] - used - pending))
    return result


# --- requests --------------------------------------------------------------------------------


def request_leave(session: Session, employee_id: str, leave_type: LeaveType, start: date,
                  end: date, reason: str | None, today: date) -> LeaveRequest:
    """Validate and store a pending request (call inside a transaction)."""
    if start < today:
        raise LeaveError(422, "start_date", "past_date",
                         f"{start.isoformat()} is in the past: leave can only be requested "
                         "from today onwards")
    if end < start:
        raise LeaveError(422, "end_date", "end_before_start",
                         "the end date is before the start date")
    if end.year > today.year + 1:
        raise LeaveError(422, "end_date", "too_far_ahead",
                         f"leave can be requested up to the end of {today.year + 1}")
    days = working_days(start, end)
    if days == 0:
        raise LeaveError(422, "start_date", "no_working_days",
                         f"{start.isoformat()} to {end.isoformat()} has no working days "
                         "(weekends and public holidays are already days off)")
    employee = get_employee(session, employee_id, lock=True)  # serialises this employee
    if employee is None:
        raise LeaveError(404, "employee_id", "not_found", "no HR record for this account")
    overlap = session.scalar(
        select(LeaveRequest).where(
            LeaveRequest.employee_id == employee_id,
            LeaveRequest.status.in_(ACTIVE_STATUSES),
            LeaveRequest.start_date <= end, LeaveRequest.end_date >= start,
        ).order_by(LeaveRequest.start_date).limit(1))
    if overlap is not None:
        raise LeaveError(409, "start_date", "overlap",
                         f"these dates overlap your {overlap.status.value} request "
                         f"#{overlap.id} ({overlap.start_date.isoformat()} to "
                         f"{overlap.end_date.isoformat()})")
    for year, needed in working_days_by_year(start, end).items():
        if not needed:
            continue
        balance = next(b for b in balances(session, employee, year, today)
                       if b.leave_type == leave_type)
        if needed > balance.remaining:
            raise LeaveError(409, "leave_type", "insufficient_balance",
                             f"not enough {leave_type.value} leave for {year}: this needs "
                             f"{needed} working day(s) and {balance.remaining} remain "
                             f"(entitled {balance.entitled}, used {balance.used}, "
                             f"pending {balance.pending})")
    request = LeaveRequest(employee_id=employee_id, leave_type=leave_type, start_date=start,
                           end_date=end, days=days, status=LeaveStatus.pending,
                           reason=(reason or "").strip() or None)
    session.add(request)
    session.flush()
    return request


def my_requests(session: Session, employee_id: str,
                status: LeaveStatus | None = None) -> list[LeaveRequest]:
    query = select(LeaveRequest).where(LeaveRequest.employee_id == employee_id)
    if status is not None:
        query = query.where(LeaveRequest.status == status)
    return list(session.scalars(query.order_by(LeaveRequest.start_date, LeaveRequest.id)))


def cancel_request(session: Session, employee_id: str, request_id: int,
                   today: date) -> LeaveRequest:
    """Cancel one's own pending or approved request that has not started before today."""
    get_employee(session, employee_id, lock=True)
    request = session.scalar(select(LeaveRequest).where(
        LeaveRequest.id == request_id, LeaveRequest.employee_id == employee_id))
    if request is None:
        raise _not_found(request_id)  # someone else's looks exactly like a missing one
    if request.status not in ACTIVE_STATUSES:
        raise LeaveError(409, "request_id", "not_cancellable",
                         f"request #{request_id} is already {request.status.value}",
                         location="path")
    if request.start_date < today:
        raise LeaveError(409, "request_id", "already_started",
                         f"request #{request_id} started on {request.start_date.isoformat()}; "
                         "leave that has begun can only be changed by HR", location="path")
    request.status = LeaveStatus.cancelled
    session.flush()
    return request


# --- managers --------------------------------------------------------------------------------


def direct_report_ids(session: Session, manager_id: str) -> list[str]:
    return list(session.scalars(select(Employee.employee_id).where(
        Employee.manager_id == manager_id)))


def count_direct_reports(session: Session, manager_id: str) -> int:
    return session.scalar(select(func.count()).select_from(Employee).where(
        Employee.manager_id == manager_id)) or 0


def team_requests(session: Session, manager_id: str, status: LeaveStatus | None = None,
                  name: str | None = None) -> list[LeaveRequest]:
    """Requests of the manager's DIRECT reports only; with ``name``, of the reports it names
    (any spelling, English or Korean: :func:`api.services.hr_names.is_named`)."""
    query = (select(LeaveRequest).join(Employee, Employee.employee_id == LeaveRequest.employee_id)
             .where(Employee.manager_id == manager_id))
    if status is not None:
        query = query.where(LeaveRequest.status == status)
    found = list(session.scalars(query.order_by(LeaveRequest.start_date, LeaveRequest.id)))
    if name and name.strip():
        found = [r for r in found if is_named(name, r.employee)]
    return found


def decide(session: Session, manager_id: str, request_id: int, *, approve: bool,
           now: datetime | None = None) -> LeaveRequest:
    """Approve or decline a pending request of a direct report (404 for anyone else's)."""
    found = session.execute(
        select(LeaveRequest.employee_id)
        .join(Employee, Employee.employee_id == LeaveRequest.employee_id)
        .where(LeaveRequest.id == request_id, Employee.manager_id == manager_id)
    ).first()
    if found is None:
        raise _not_found(request_id)
    get_employee(session, found.employee_id, lock=True)
    request = session.scalar(select(LeaveRequest).where(LeaveRequest.id == request_id)
                             .with_for_update())
    assert request is not None
    if request.status != LeaveStatus.pending:
        raise LeaveError(409, "request_id", "already_decided",
                         f"request #{request_id} is {request.status.value}, not pending",
                         location="path")
    request.status = LeaveStatus.approved if approve else LeaveStatus.declined
    request.decided_by = manager_id
    request.decided_at = now or utcnow()
    session.flush()
    return request
