"""Benefits administration: your welfare points and benefit requests, and HR staff's queue.

Access follows the HR API (:mod:`api.routes.hr`): every route needs an employee account
linked to an HR record (401 anonymous; 403 consumer or no HR record), and the employee is
ALWAYS the one in the verified token. ``/points`` and ``/requests`` are your own only;
``/queue`` is for HR staff (an HR record in the ``hr`` department; 403 for anyone else,
managers included: a manager never sees their reports' benefits). A request you may not see
answers 404, exactly like one that does not exist.

Refusals share FastAPI's validation shape, ``{"detail": [{"loc": [...], "msg": reason,
"type": code}]}``:

* 422 - the request is invalid in itself: ``relation_required``, ``name_required``,
  ``birth_date_required``, ``purpose_required``, ``field_not_allowed``
  (a detail its kind does not take), ``future_birth_date``, ``implausible_birth_date``,
  ``invalid_copies``, ``tax_year_not_over``, ``not_settled_yet``, ``before_hire``; a
  rejection without a note;
* 409 - it conflicts with what is stored: ``duplicate`` (the same request is open),
  ``not_cancellable``, ``invalid_transition``, ``own_request`` (HR staff never handle
  their own);
* 404 - ``not_found``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from sqlalchemy.orm import Session, sessionmaker

from api.models.benefits import (
    CERTIFICATE_KINDS,
    OPEN_STATUSES,
    BenefitKind,
    BenefitRequest,
    BenefitStatus,
)
from api.routes.hr import HrIdentity, HrUser, Sessions, Today
from api.schemas.benefits import (
    BenefitRequestIn,
    BenefitRequestOut,
    CertificateOut,
    CompleteIn,
    DependentOut,
    PointsOut,
    PointTransactionOut,
    QueueEmployee,
    QueueFilter,
    QueueOut,
    QueueRequestOut,
    RejectIn,
)
from api.schemas.hr import EmployeeRef
from api.services import benefits
from api.services.benefit_rules import BenefitError, RequestDetails
from core.database import run_transaction

router = APIRouter(prefix="/v1/hr/benefits", tags=["hr benefits"])

_REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "not signed in"},
    403: {"description": "not an employee account, or no HR record"},
}
_HR_REFUSALS: dict[int | str, dict[str, Any]] = {
    **_REFUSALS, 403: {"description": "not HR staff (or no HR record)"},
    404: {"description": "no such request"},
    409: {"description": "the request's status does not allow this, or it is your own"}}
T = TypeVar("T")
RequestId = Annotated[int, Path(ge=1, le=2**63 - 1, description="a benefit request's id")]


def get_hr_staff(who: HrUser, sessions: Sessions) -> HrIdentity:
    """The signed-in employee, if they are HR staff (their HR record is in HR)."""
    with sessions() as session:  # a read of its own, like the identity check
        allowed = benefits.is_hr_staff(session, who.employee_id)
    if not allowed:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "the benefits queue is for HR staff only")
    return who


HrStaff = Annotated[HrIdentity, Depends(get_hr_staff)]


def _run(sessions: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    try:
        return run_transaction(sessions, work)
    except BenefitError as error:
        raise HTTPException(error.status, error.detail()) from error


def _out(request: BenefitRequest) -> dict[str, Any]:
    dependent = certificate = None
    if request.kind == BenefitKind.add_dependent:
        dependent = DependentOut.model_validate({
            "relation": request.dependent_relation, "name": request.dependent_name,
            "birth_date": request.dependent_birth_date})
    elif request.kind in CERTIFICATE_KINDS:
        certificate = CertificateOut.model_validate({
            "purpose": request.purpose, "language": request.language,
            "copies": request.copies, "year": request.tax_year})
    return {"id": request.id, "employee_id": request.employee_id, "kind": request.kind,
            "status": request.status, "dependent": dependent, "certificate": certificate,
            "created_at": request.created_at, "handled_at": request.handled_at,
            "handled_by": EmployeeRef.model_validate(request.handler)
            if request.handler else None, "note": request.note}


def _mine(request: BenefitRequest) -> BenefitRequestOut:
    return BenefitRequestOut.model_validate(_out(request))


def _queued(request: BenefitRequest) -> QueueRequestOut:
    return QueueRequestOut.model_validate({
        **_out(request), "employee": QueueEmployee.model_validate(request.employee,
                                                                  from_attributes=True)})


# --- your own ---------------------------------------------------------------------------------


@router.get("/points", response_model=PointsOut, responses=_REFUSALS)
def my_points(who: HrUser, sessions: Sessions, today: Today,
              year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
              limit: Annotated[int, Query(ge=1, le=100, description=(
                  "how many recent transactions"))] = 20) -> PointsOut:
    """Your welfare points (복지포인트) for the year (default: this one): granted, used, the
    balance, and the most recent grants and uses. Zero when none were granted that year."""
    def work(session: Session) -> PointsOut:
        found = benefits.points(session, who.employee_id, year or today.year, limit)
        return PointsOut(employee_id=who.employee_id, year=found.year, granted=found.granted,
                         used=found.used, balance=found.balance, transactions=[
                             PointTransactionOut.model_validate(t)
                             for t in found.transactions])

    return run_transaction(sessions, work)


@router.get("/requests", response_model=list[BenefitRequestOut], responses=_REFUSALS)
def my_requests(who: HrUser, sessions: Sessions,
                status_: Annotated[BenefitStatus | None, Query(alias="status")] = None,
                ) -> list[BenefitRequestOut]:
    """Your own benefit requests, newest first."""
    return run_transaction(sessions, lambda session: [
        _mine(r) for r in benefits.my_requests(session, who.employee_id, status_)])


@router.post("/requests", response_model=BenefitRequestOut, status_code=201, responses={
    **_REFUSALS, 409: {"description": "the same request is already open"},
    422: {"description": "a detail missing or not part of the kind, a future birth date, "
                         "a tax year that is not settled yet"}})
def create_request(body: BenefitRequestIn, who: HrUser, sessions: Sessions,
                   today: Today) -> BenefitRequestOut:
    """Ask HR for something (pending until HR staff take it): add a spouse or child to the
    company health cover, an employment certificate (재직증명서) or an income certificate
    (근로소득 원천징수영수증) for a tax year. Nothing is stored when it is refused."""
    given = RequestDetails(relation=body.relation, name=body.name,
                           birth_date=body.birth_date, purpose=body.purpose,
                           language=body.language, copies=body.copies, year=body.year)
    return _run(sessions, lambda session: _mine(
        benefits.create_request(session, who.employee_id, body.kind, given, today)))


@router.delete("/requests/{request_id}", response_model=BenefitRequestOut, responses={
    **_REFUSALS, 404: {"description": "no such request of yours"},
    409: {"description": "no longer pending"}})
def cancel_request(request_id: RequestId, who: HrUser, sessions: Sessions,
                   ) -> BenefitRequestOut:
    """Cancel your own request while it is pending (it is kept, as ``cancelled``)."""
    return _run(sessions, lambda session: _mine(
        benefits.cancel_request(session, who.employee_id, request_id)))


# --- HR staff -----------------------------------------------------------------------------------


@router.get("/queue", response_model=QueueOut, responses={
    **_REFUSALS, 403: {"description": "not HR staff (or no HR record)"}})
def hr_queue(who: HrStaff, sessions: Sessions,
             status_: Annotated[QueueFilter, Query(alias="status", description=(
                 "open (default): pending and in progress; all; or one status"))] = "open",
             limit: Annotated[int, Query(ge=1, le=500)] = 200) -> QueueOut:
    """Every employee's requests: pending first (oldest first), then in progress, then the
    rest; with how many requests have each status."""
    if status_ == "open":
        wanted: tuple[BenefitStatus, ...] = OPEN_STATUSES
    elif status_ == "all":
        wanted = tuple(BenefitStatus)
    else:
        wanted = (BenefitStatus(status_),)

    def work(session: Session) -> QueueOut:
        return QueueOut(requests=[_queued(r) for r in benefits.queue(session, wanted, limit)],
                        counts=benefits.counts(session))

    return run_transaction(sessions, work)


@router.post("/queue/{request_id}/start", response_model=QueueRequestOut,
             responses=_HR_REFUSALS)
def start_request(request_id: RequestId, who: HrStaff, sessions: Sessions) -> QueueRequestOut:
    """Take a pending request: it is in progress, with you as its handler."""
    return _run(sessions, lambda session: _queued(
        benefits.start(session, who.employee_id, request_id)))


@router.post("/queue/{request_id}/complete", response_model=QueueRequestOut,
             responses=_HR_REFUSALS)
def complete_request(request_id: RequestId, who: HrStaff, sessions: Sessions,
                     body: CompleteIn | None = None) -> QueueRequestOut:
    """Finish a request in progress, with an optional note for the employee."""
    note = body.note if body else None
    return _run(sessions, lambda session: _queued(
        benefits.complete(session, who.employee_id, request_id, note)))


@router.post("/queue/{request_id}/reject", response_model=QueueRequestOut,
             responses={**_HR_REFUSALS, 422: {"description": "no note"}})
def reject_request(request_id: RequestId, body: RejectIn, who: HrStaff,
                   sessions: Sessions) -> QueueRequestOut:
    """Refuse a pending or in-progress request; the note tells the employee why."""
    return _run(sessions, lambda session: _queued(
        benefits.reject(session, who.employee_id, request_id, body.note)))
