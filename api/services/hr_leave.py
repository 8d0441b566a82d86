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
anniversary increases it (never lowering it). Carry-over is handled in the Haneul Staff app.

Parts of a day (``hr-annual-leave``, "Half-day leave and hourly leave"), annual leave only:

* ``full`` (the default): every working day of the date range, 1 day each;
* ``am`` / ``pm``: the first or second half of ONE working day (반차), 0.5 day;
* ``hours``: one 2-hour block of ONE working day (반반차), 0.25 day (8 hours = 1 day), from
  ``block_start``. The gateway does not know anyone's rota, so blocks are placed on a
  reference day of 09:00-18:00 (head office hours, ``hr-working-hours-shifts``): a block
  starts on the hour from 09:00 to 16:00 (:data:`BLOCK_STARTS`) and belongs to the am half
  if it starts before 13:00, else to the pm half.

Overlaps, checked against the employee's pending and approved requests of ANY type: a
full-day request conflicts with anything on its dates; am and pm of the same day may
coexist; a half day conflicts with the same half, and with a block lying in that half; a
block conflicts with a half day or full day covering its half, and with another block only
if their two hours overlap (09:00 and 11:00 coexist, 09:00 and 10:00 do not).

Family event leave (``family_event``, 경조휴가; ``hr-family-parental-leave``): full days for
one ``event`` of :mod:`api.services.family_events`, at most that event's paid days per
request (422 otherwise); it uses no annual leave and counts against no entitlement, so it
has no balance. Sick, family care and family event leave are whole days only.

Days are exact decimals (:class:`~decimal.Decimal`) from the database to the balance check.

Every change runs in one transaction that first locks the employee's row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers),
so concurrent requests cannot both pass the balance or overlap checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models.hr import (
    ACTIVE_STATUSES,
    ENTITLED_TYPES,
    Employee,
    LeaveEntitlement,
    LeavePart,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
)
from api.services.family_events import FAMILY_EVENTS, FamilyEvent
from api.services.hr_names import is_named
from api.services.leave_rules import (
    PART_DAYS,
    LeaveError,
    check_event,
    check_part,
    clashes,
    describe,
    entitled_days,
    format_days,
)
from api.services.work_calendar import is_working_day, working_days, working_days_by_year
from knowledge_base.tables import utcnow


def _not_found(request_id: int) -> LeaveError:
    return LeaveError(404, "request_id", "not_found",
                      f"no leave request {request_id} that you can see", location="path")


# --- entitlement rules (pure) ----------------------------------------------------------------



@dataclass(frozen=True)
class Balance:
    leave_type: LeaveType
    entitled: int
    used: Decimal  # approved
    pending: Decimal
    remaining: Decimal  # entitled - used - pending: what can still be requested


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
                exclude_id: int | None = None) -> dict[tuple[LeaveType, LeaveStatus], Decimal]:
    """Days inside ``year`` of the employee's pending and approved requests of the types
    with an entitlement (family event leave counts against none)."""
    query = select(LeaveRequest).where(
        LeaveRequest.employee_id == employee_id,
        LeaveRequest.leave_type.in_(ENTITLED_TYPES),
        LeaveRequest.status.in_(ACTIVE_STATUSES),
        LeaveRequest.start_date <= date(year, 12, 31),
        LeaveRequest.end_date >= date(year, 1, 1),
    )
    totals: dict[tuple[LeaveType, LeaveStatus], Decimal] = {}
    for request in session.scalars(query):
        if request.id == exclude_id:
            continue
        if request.start_date.year == request.end_date.year == year:
            days = Decimal(request.days)
        else:  # only full days span years
            days = Decimal(working_days_by_year(request.start_date, request.end_date)
                           .get(year, 0))
        key = (request.leave_type, request.status)
        totals[key] = totals.get(key, Decimal(0)) + days
    return totals


def balances(session: Session, employee: Employee, year: int, today: date) -> list[Balance]:
    entitled = ensure_entitlements(session, employee, year, today)
    taken = _days_taken(session, employee.employee_id, year)
    result = []
    for leave_type in ENTITLED_TYPES:
        used = taken.get((leave_type, LeaveStatus.approved), Decimal(0))
        pending = taken.get((leave_type, LeaveStatus.pending), Decimal(0))
        result.append(Balance(leave_type, entitled[leave_type], used, pending,
                              entitled[leave_type] - used - pending))
    return result


# --- requests --------------------------------------------------------------------------------




def request_leave(session: Session, employee_id: str, leave_type: LeaveType, start: date,
                  end: date, reason: str | None, today: date, *,
                  part: LeavePart = LeavePart.full, block_start: str | None = None,
                  event: FamilyEvent | None = None) -> LeaveRequest:
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
    check_part(leave_type, part, start, end, block_start)
    check_event(leave_type, event)
    if part == LeavePart.full:
        days = Decimal(working_days(start, end))
        needed = {year: Decimal(n) for year, n in working_days_by_year(start, end).items()}
    else:
        days = PART_DAYS[part] if is_working_day(start) else Decimal(0)
        needed = {start.year: days}
    if days == 0:
        raise LeaveError(422, "start_date", "no_working_days",
                         f"{start.isoformat()} to {end.isoformat()} has no working days "
                         "(weekends and public holidays are already days off)")
    if event is not None and days > FAMILY_EVENTS[event].days:
        rule = FAMILY_EVENTS[event]
        raise LeaveError(422, "end_date", "exceeds_event_days",
                         f"family event leave for {rule.label_en} is at most {rule.days} "
                         f"working day(s); {start.isoformat()} to {end.isoformat()} has "
                         f"{format_days(days)}")
    employee = get_employee(session, employee_id, lock=True)  # serialises this employee
    if employee is None:
        raise LeaveError(404, "employee_id", "not_found", "no HR record for this account")
    candidates = list(session.scalars(
        select(LeaveRequest).where(
            LeaveRequest.employee_id == employee_id,
            LeaveRequest.status.in_(ACTIVE_STATUSES),
            LeaveRequest.start_date <= end, LeaveRequest.end_date >= start,
        ).order_by(LeaveRequest.start_date, LeaveRequest.id)))
    overlap = next((r for r in candidates if clashes(r, part, block_start)), None)
    if overlap is not None:
        raise LeaveError(409, "start_date", "overlap",
                         f"these dates overlap your {overlap.status.value} request "
                         f"#{overlap.id} ({describe(overlap)})")
    if leave_type in ENTITLED_TYPES:
        for year, wanted in needed.items():
            if not wanted:
                continue
            balance = next(b for b in balances(session, employee, year, today)
                           if b.leave_type == leave_type)
            if wanted > balance.remaining:
                raise LeaveError(409, "leave_type", "insufficient_balance",
                                 f"not enough {leave_type.value} leave for {year}: this needs "
                                 f"{format_days(wanted)} working day(s) and "
                                 f"{format_days(balance.remaining)} remain (entitled "
                                 f"{balance.entitled}, used {format_days(balance.used)}, "
                                 f"pending {format_days(balance.pending)})")
    request = LeaveRequest(employee_id=employee_id, leave_type=leave_type, start_date=start,
                           end_date=end, days=days, part=part, block_start=block_start,
                           event=event, status=LeaveStatus.pending,
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
