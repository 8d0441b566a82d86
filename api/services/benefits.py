"""Benefits administration: welfare points and the requests HR staff handle.

Who sees what (the HR access matrix): an employee sees and changes only their OWN points
and requests; HR staff — employees whose HR record's department is :data:`HR_DEPARTMENT` —
see every employee's requests in one queue and move them on; a manager sees nothing of
their reports' benefits. A request you may not act on is reported exactly like one that does
not exist (404).

A request goes ``pending`` → ``in_progress`` (an HR staff member took it) → ``completed``
(with an optional note) or ``rejected`` (a note saying why is required; from pending too).
Its employee may cancel it while it is pending. Anything else is a 409, and so is HR staff
handling their own request (someone else in HR does). The details each kind needs are
checked by :mod:`api.services.benefit_rules`.

Welfare points: the balance of a year is derived from its transactions (granted - used);
:func:`use_points` refuses a use the balance cannot cover. Every change runs in one
transaction and locks what it changes (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's
``BEGIN IMMEDIATE`` serialises writers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from api.models.benefits import (
    OPEN_STATUSES,
    BenefitKind,
    BenefitRequest,
    BenefitStatus,
    PointKind,
    WelfarePointAccount,
    WelfarePointTransaction,
)
from api.models.hr import Employee
from api.services.benefit_rules import BenefitError, RequestDetails, check_details, same_request
from knowledge_base.tables import utcnow

HR_DEPARTMENT = "hr"
# The queue's order: what waits for HR first, then what is being handled, then the rest.
STATUS_ORDER = {status: rank for rank, status in enumerate(BenefitStatus)}


def is_hr_staff(session: Session, employee_id: str) -> bool:
    employee = session.get(Employee, employee_id)
    return employee is not None and employee.department == HR_DEPARTMENT


def _not_found(request_id: int) -> BenefitError:
    return BenefitError(404, "request_id", "not_found",
                        f"no benefit request {request_id} that you can see", location="path")


# --- welfare points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PointsSummary:
    year: int
    granted: int
    used: int
    transactions: list[WelfarePointTransaction]  # newest first, at most the limit asked

    @property
    def balance(self) -> int:
        return self.granted - self.used


def _account(session: Session, employee_id: str, year: int, *,
             create: bool = False) -> WelfarePointAccount | None:
    account = session.scalar(select(WelfarePointAccount).where(
        WelfarePointAccount.employee_id == employee_id, WelfarePointAccount.year == year)
        .with_for_update())
    if account is None and create:
        account = WelfarePointAccount(employee_id=employee_id, year=year)
        session.add(account)
        session.flush()
    return account


def _totals(session: Session, account_id: int) -> dict[PointKind, int]:
    rows = session.execute(select(WelfarePointTransaction.kind,
                                  func.sum(WelfarePointTransaction.amount))
                           .where(WelfarePointTransaction.account_id == account_id)
                           .group_by(WelfarePointTransaction.kind))
    return {PointKind(kind): int(total or 0) for kind, total in rows}


def points(session: Session, employee_id: str, year: int, limit: int = 20) -> PointsSummary:
    """The year's points of one employee: zero and no transactions when none were granted."""
    account = session.scalar(select(WelfarePointAccount).where(
        WelfarePointAccount.employee_id == employee_id, WelfarePointAccount.year == year))
    if account is None:
        return PointsSummary(year, 0, 0, [])
    totals = _totals(session, account.id)
    recent = list(session.scalars(
        select(WelfarePointTransaction).where(WelfarePointTransaction.account_id == account.id)
        .order_by(WelfarePointTransaction.occurred_on.desc(),
                  WelfarePointTransaction.id.desc()).limit(limit)))
    return PointsSummary(year, totals.get(PointKind.grant, 0), totals.get(PointKind.use, 0),
                         recent)


def grant_points(session: Session, employee_id: str, year: int, amount: int,
                 description: str, on: date) -> WelfarePointTransaction:
    return _add(session, employee_id, year, PointKind.grant, amount, description, on)


def use_points(session: Session, employee_id: str, year: int, amount: int,
               description: str, on: date) -> WelfarePointTransaction:
    """Record a use; 409 ``insufficient_points`` when the year's balance is smaller."""
    return _add(session, employee_id, year, PointKind.use, amount, description, on)


def _add(session: Session, employee_id: str, year: int, kind: PointKind, amount: int,
         description: str, on: date) -> WelfarePointTransaction:
    if amount <= 0:
        raise BenefitError(422, "amount", "amount_not_positive", "the amount must be positive")
    if on.year != year:
        raise BenefitError(422, "occurred_on", "wrong_year",
                           f"{on.isoformat()} is not in {year}")
    account = _account(session, employee_id, year, create=True)
    assert account is not None
    if kind == PointKind.use:
        totals = _totals(session, account.id)
        balance = totals.get(PointKind.grant, 0) - totals.get(PointKind.use, 0)
        if amount > balance:
            raise BenefitError(409, "amount", "insufficient_points",
                               f"{amount:,} points is more than the {balance:,} left for {year}")
    row = WelfarePointTransaction(account_id=account.id, kind=kind, amount=amount,
                                  description=description, occurred_on=on)
    session.add(row)
    session.flush()
    return row


# --- an employee's own requests ----------------------------------------------------------------


def details_of(request: BenefitRequest) -> RequestDetails:
    return RequestDetails(relation=request.dependent_relation, name=request.dependent_name,
                          birth_date=request.dependent_birth_date, purpose=request.purpose,
                          language=request.language, copies=request.copies,
                          year=request.tax_year)


def create_request(session: Session, employee_id: str, kind: BenefitKind,
                   given: RequestDetails, today: date) -> BenefitRequest:
    """Validate and store a pending request (call inside a transaction)."""
    employee = session.scalar(select(Employee).where(Employee.employee_id == employee_id)
                              .with_for_update())  # serialises this employee's requests
    if employee is None:
        raise BenefitError(404, "employee_id", "not_found", "no HR record for this account")
    details = check_details(kind, given, today, employee.hire_date)
    for other in session.scalars(select(BenefitRequest).where(
            BenefitRequest.employee_id == employee_id, BenefitRequest.kind == kind,
            BenefitRequest.status.in_(OPEN_STATUSES))):
        if same_request(details, details_of(other)):
            raise BenefitError(409, "kind", "duplicate",
                               f"the same request is already {other.status.value} "
                               f"(#{other.id})")
    request = BenefitRequest(
        employee_id=employee_id, kind=kind, status=BenefitStatus.pending,
        dependent_relation=details.relation, dependent_name=details.name,
        dependent_birth_date=details.birth_date, purpose=details.purpose,
        language=details.language, copies=details.copies, tax_year=details.year)
    session.add(request)
    session.flush()
    return request


def my_requests(session: Session, employee_id: str,
                status: BenefitStatus | None = None) -> list[BenefitRequest]:
    """Newest first."""
    query = select(BenefitRequest).where(BenefitRequest.employee_id == employee_id)
    if status is not None:
        query = query.where(BenefitRequest.status == status)
    return list(session.scalars(query.order_by(BenefitRequest.created_at.desc(),
                                               BenefitRequest.id.desc())))


def _locked(session: Session, request_id: int,
            employee_id: str | None = None) -> BenefitRequest:
    query = select(BenefitRequest).where(BenefitRequest.id == request_id)
    if employee_id is not None:
        query = query.where(BenefitRequest.employee_id == employee_id)
    request = session.scalar(query.with_for_update())
    if request is None:
        raise _not_found(request_id)  # someone else's looks exactly like a missing one
    return request


def cancel_request(session: Session, employee_id: str, request_id: int) -> BenefitRequest:
    request = _locked(session, request_id, employee_id)
    if request.status != BenefitStatus.pending:
        raise BenefitError(409, "request_id", "not_cancellable",
                           f"request #{request_id} is {request.status.value}: only a pending "
                           "request can be cancelled; ask HR about it", location="path")
    request.status = BenefitStatus.cancelled
    session.flush()
    return request


# --- HR staff: the queue ----------------------------------------------------------------------


def queue(session: Session, statuses: tuple[BenefitStatus, ...],
          limit: int = 200) -> list[BenefitRequest]:
    """Every employee's requests with one of ``statuses``: pending first, then in progress,
    then the rest; oldest first within each."""
    rank = case({status.value: rank for status, rank in STATUS_ORDER.items()},
                value=BenefitRequest.status)
    return list(session.scalars(
        select(BenefitRequest).where(BenefitRequest.status.in_(statuses))
        .order_by(rank, BenefitRequest.created_at, BenefitRequest.id).limit(limit)))


def counts(session: Session) -> dict[BenefitStatus, int]:
    found = dict(session.execute(select(BenefitRequest.status, func.count())
                                 .group_by(BenefitRequest.status)).tuples().all())
    return {status: int(found.get(status, 0)) for status in BenefitStatus}


def _handle(session: Session, hr_id: str, request_id: int, allowed: tuple[BenefitStatus, ...],
            to: BenefitStatus, note: str | None, now: datetime | None) -> BenefitRequest:
    request = _locked(session, request_id)
    if request.employee_id == hr_id:
        raise BenefitError(409, "request_id", "own_request",
                           f"request #{request_id} is your own: another member of HR "
                           "handles it", location="path")
    if request.status not in allowed:
        wanted = " or ".join(status.value for status in allowed)
        raise BenefitError(409, "request_id", "invalid_transition",
                           f"request #{request_id} is {request.status.value}; it must be "
                           f"{wanted} to become {to.value}", location="path")
    request.status = to
    request.handled_by = hr_id
    request.handled_at = now or utcnow()
    if note is not None:
        request.note = note
    session.flush()
    return request


def start(session: Session, hr_id: str, request_id: int,
          now: datetime | None = None) -> BenefitRequest:
    return _handle(session, hr_id, request_id, (BenefitStatus.pending,),
                   BenefitStatus.in_progress, None, now)


def complete(session: Session, hr_id: str, request_id: int, note: str | None,
             now: datetime | None = None) -> BenefitRequest:
    return _handle(session, hr_id, request_id, (BenefitStatus.in_progress,),
                   BenefitStatus.completed, (note or "").strip() or None, now)


def reject(session: Session, hr_id: str, request_id: int, note: str,
           now: datetime | None = None) -> BenefitRequest:
    if not note.strip():
        raise BenefitError(422, "note", "note_required",
                           "a rejection needs a note telling the employee why")
    return _handle(session, hr_id, request_id, OPEN_STATUSES, BenefitStatus.rejected,
                   note.strip(), now)
