"""The employee HR assistant: chat channel, time off, team approvals and the staff directory.

Access: every route needs an employee account (role employee or above; 401 anonymous,
403 consumer) that is linked to an HR record (403 otherwise, e.g. the admin account). The
employee is ALWAYS the one in the verified token, never anything in the body or message.
A request you may not see answers 404, exactly like one that does not exist.

Refusals of leave operations share FastAPI's validation shape,
``{"detail": [{"loc": [...], "msg": reason, "type": code}]}``:

* 422 - the request is invalid in itself: ``past_date``, ``end_before_start``,
  ``no_working_days``, ``too_far_ahead``; a part of a day that does not fit:
  ``part_not_allowed`` (half days and blocks are annual leave only), ``single_date_only``,
  ``block_start_required``, ``invalid_block_start``, ``block_start_not_allowed``; family event
  leave: ``event_required``, ``event_not_allowed``, ``exceeds_event_days`` (and for
  parse-dates ``unparseable``, ``invalid_date``, ``separate_days``, ``too_long``);
* 409 - it conflicts with what is stored: ``overlap``, ``insufficient_balance``,
  ``not_cancellable``, ``already_started``, ``already_decided``;
* 404 - ``not_found``: no such request among those you may act on.

Each handler runs in ONE hop of the thread pool with its own transaction: the identity
check reads the account in a short session of its own, so no request holds SQLite's write
lock while waiting for a thread or for the dialogue server.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, status
from sqlalchemy.orm import Session, sessionmaker

from api.deps import SettingsDep, get_current_user, get_optional_user, oauth2_scheme, require_role
from api.models import Employee, LeaveStatus, Role
from api.schemas.chat import ChatRequest, ChatResponse
from api.schemas.hr import (
    BalanceOut,
    BalancesOut,
    DirectoryEntry,
    DirectoryOut,
    EmployeeRef,
    FamilyEventOut,
    FamilyEventsOut,
    LeaveReadingOut,
    LeaveRequestIn,
    LeaveRequestOut,
    LeaveTextIn,
    MeOut,
    ParseDatesOut,
    TeamLeaveRequestOut,
)
from api.security import SERVICE, create_token
from api.services import hr_leave
from api.services.chat import AssistantUnavailable, handle_chat
from api.services.family_events import FAMILY_EVENTS
from api.services.hr_dates import DateParseError, parse_leave_dates
from api.services.hr_directory import question_filters, search_directory
from api.services.hr_leave import LeaveError
from api.services.leave_reading import read_leave
from api.services.work_calendar import today_in_seoul
from core.database import run_transaction

router = APIRouter(prefix="/v1/hr", tags=["hr"])

_REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "not signed in"},
    403: {"description": "not an employee account, or no HR record"},
}


def get_today() -> date:
    """Today in Seoul; tests override this dependency to fix the date."""
    return today_in_seoul()


def get_sessions(request: Request) -> sessionmaker[Session]:
    return request.app.state.sessions


@dataclass(frozen=True)
class HrIdentity:
    username: str
    role: Role
    employee_id: str


def get_hr_identity(
    request: Request, settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> HrIdentity:
    """The verified employee behind the token (same checks as ``EmployeeUser``)."""
    with request.app.state.sessions() as session:
        user = require_role(Role.employee)(get_current_user(
            get_optional_user(settings, session, token)))
        if not user.employee_id:
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                "this account is not linked to an employee record, so it "
                                "has no HR data; sign in with your own staff account")
        if session.get(Employee, user.employee_id) is None:
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                f"no HR record for employee {user.employee_id}; "
                                "please contact the HR helpdesk")
        return HrIdentity(user.username, user.role, user.employee_id)


HrUser = Annotated[HrIdentity, Depends(get_hr_identity)]
RequestId = Annotated[int, Path(ge=1, le=2**63 - 1, description="a leave request's id")]
Sessions = Annotated[sessionmaker[Session], Depends(get_sessions)]
Today = Annotated[date, Depends(get_today)]


def _refused(error: LeaveError) -> HTTPException:
    return HTTPException(error.status, error.detail())


# --- the chat channel ---------------------------------------------------------------------


def _scoped_session_id(employee_id: str, session_id: str) -> str:
    """Conversations are per employee: the same session id never joins someone else's."""
    scoped = f"{employee_id}.{session_id}"
    if len(scoped) > 128:
        scoped = f"{employee_id}.{hashlib.sha256(session_id.encode()).hexdigest()[:48]}"
    return scoped


@router.post("/chat", response_model=ChatResponse, responses={
    **_REFUSALS, 503: {"description": "the assistant cannot answer right now"}})
async def hr_chat(body: ChatRequest, request: Request, who: HrUser,
                  settings: SettingsDep) -> ChatResponse:
    """The employee HR chat: like /v1/chat, answered on the ``hr`` channel."""
    request.app.state.chat_limits.check(request, f"hr:{who.employee_id}.{body.session_id}")
    service_token = create_token(settings.auth, subject=who.username, role=who.role.value,
                                 kind=SERVICE)
    try:
        response = await handle_chat(
            request.app.state.chat,
            session_id=_scoped_session_id(who.employee_id, body.session_id),
            message=body.message, channel="hr",
            metadata={"employee_id": who.employee_id, "username": who.username,
                      "service_token": service_token},
        )
    except AssistantUnavailable as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    response.session_id = body.session_id
    return response


# --- me and my leave ----------------------------------------------------------------------


@router.get("/me", response_model=MeOut, responses=_REFUSALS)
def me(who: HrUser, sessions: Sessions) -> MeOut:
    def work(session: Session) -> MeOut:
        employee = session.get(Employee, who.employee_id)
        assert employee is not None
        manager = session.get(Employee, employee.manager_id) if employee.manager_id else None
        return MeOut(
            employee_id=employee.employee_id, name_en=employee.name_en,
            name_ko=employee.name_ko, branch=employee.branch, department=employee.department,
            job_role=employee.job_role, work_phone=employee.work_phone,
            work_email=employee.work_email, hire_date=employee.hire_date,
            manager=EmployeeRef.model_validate(manager) if manager else None,
            direct_reports=hr_leave.count_direct_reports(session, employee.employee_id),
        )

    return run_transaction(sessions, work)


@router.get("/leave/balance", response_model=BalancesOut, responses=_REFUSALS)
def leave_balance(
    who: HrUser, sessions: Sessions, today: Today,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> BalancesOut:
    """Entitled, used (approved), pending and remaining working days per leave type with a
    yearly entitlement (annual, sick, family care). Days are numbers: a half day counts 0.5,
    a 2-hour block 0.25. Family event leave has no balance (it is granted per event and
    uses no entitlement): its paid days per event are at ``GET /v1/hr/leave/family-events``.
    """
    year = year or today.year

    def work(session: Session) -> list[hr_leave.Balance]:
        employee = hr_leave.get_employee(session, who.employee_id)
        assert employee is not None
        return hr_leave.balances(session, employee, year, today)  # may store entitlements

    rows = run_transaction(sessions, work)
    return BalancesOut(employee_id=who.employee_id, year=year, balances=[
        BalanceOut(leave_type=b.leave_type, entitled=b.entitled, used=float(b.used),
                   pending=float(b.pending), remaining=float(b.remaining)) for b in rows])


@router.get("/leave/family-events", response_model=FamilyEventsOut, responses=_REFUSALS)
def family_events(who: HrUser) -> FamilyEventsOut:
    """Family event leave (경조휴가, HR handbook ``hr-family-parental-leave``): the events
    one may request ``leave_type`` ``family_event`` for, with English and Korean labels, the
    paid working days of one occurrence (the most one request may take) and the days after
    the event within which to take it. The same for every employee; it is separate from
    annual leave and not part of the balances."""
    return FamilyEventsOut(events=[FamilyEventOut.model_validate(rule)
                                   for rule in FAMILY_EVENTS.values()])


@router.get("/leave/requests", response_model=list[LeaveRequestOut], responses=_REFUSALS)
def my_leave_requests(who: HrUser, sessions: Sessions,
                      status_: Annotated[LeaveStatus | None, Query(alias="status")] = None,
                      ) -> list[LeaveRequestOut]:
    return run_transaction(sessions, lambda session: [
        LeaveRequestOut.model_validate(r)
        for r in hr_leave.my_requests(session, who.employee_id, status_)])


@router.post("/leave/requests", response_model=LeaveRequestOut, status_code=201, responses={
    **_REFUSALS, 409: {"description": "overlaps a request, or not enough balance"},
    422: {"description": "past date, end before start, no working day, too far ahead, a "
                         "part of a day or an event that does not fit, more days than the "
                         "family event gives"}})
def create_leave_request(body: LeaveRequestIn, who: HrUser, sessions: Sessions,
                         today: Today) -> LeaveRequestOut:
    """Request leave for yourself (always pending until your manager decides).

    ``part``: ``full`` (default) for whole days; ``am`` / ``pm`` for a half day and
    ``hours`` with ``block_start`` for a 2-hour block, annual leave only and on one date.
    ``family_event`` leave needs ``event`` and may not exceed its paid days; it uses no
    balance. Nothing is stored when the request is refused.
    """
    try:
        return run_transaction(sessions, lambda session: LeaveRequestOut.model_validate(
            hr_leave.request_leave(session, who.employee_id, body.leave_type, body.start_date,
                                   body.end_date, body.reason, today, part=body.part,
                                   block_start=body.block_start, event=body.event)))
    except LeaveError as error:
        raise _refused(error) from error


@router.post("/leave/parse-dates", response_model=ParseDatesOut, responses={
    **_REFUSALS, 422: {"description": "no date could be read"}})
def parse_dates(body: LeaveTextIn, who: HrUser, today: Today) -> ParseDatesOut:
    """Read "next Friday", "Dec 24 to 26", "12월 24일부터 26일까지"… relative to today."""
    try:
        found = parse_leave_dates(body.text, today, body.language)
    except DateParseError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, [
            {"loc": ["body", "text"], "msg": error.message, "type": error.code}]) from error
    return ParseDatesOut(start_date=found.start, end_date=found.end,
                         working_days=found.working_days)


@router.post("/leave/read", response_model=LeaveReadingOut, responses=_REFUSALS)
def read_leave_message(body: LeaveTextIn, who: HrUser, today: Today) -> LeaveReadingOut:
    """What a message says about the leave wanted: type, part of the day, family event,
    dates (relative to today), each null when not said. Never an error for a message that
    says nothing; the assistant's leave form uses it to fill and correct its request."""
    return LeaveReadingOut.model_validate(read_leave(
        body.text, today, body.language, near=body.near, asked_event=body.asked == "event"))


@router.delete("/leave/requests/{request_id}", response_model=LeaveRequestOut, responses={
    **_REFUSALS, 404: {"description": "no such request of yours"},
    409: {"description": "already cancelled/declined, or already started"}})
def cancel_leave_request(request_id: RequestId, who: HrUser, sessions: Sessions,
                         today: Today) -> LeaveRequestOut:
    """Cancel your own pending or approved request that has not started yet."""
    try:
        return run_transaction(sessions, lambda session: LeaveRequestOut.model_validate(
            hr_leave.cancel_request(session, who.employee_id, request_id, today)))
    except LeaveError as error:
        raise _refused(error) from error


# --- managers -------------------------------------------------------------------------------


def _team_out(request) -> TeamLeaveRequestOut:
    return TeamLeaveRequestOut.model_validate(
        {**LeaveRequestOut.model_validate(request).model_dump(),
         "employee": EmployeeRef.model_validate(request.employee)})


@router.get("/team/requests", response_model=list[TeamLeaveRequestOut], responses=_REFUSALS)
def team_leave_requests(who: HrUser, sessions: Sessions,
                        status_: Annotated[LeaveStatus | None, Query(alias="status")] = None,
                        name: Annotated[str | None, Query(
                            max_length=100, description="only the reports this names, any "
                            "spelling (\"Minjun\", \"Kim Min-jun\", \"민준\")")] = None,
                        ) -> list[TeamLeaveRequestOut]:
    """Requests of your direct reports (empty if nobody reports to you)."""
    return run_transaction(sessions, lambda session: [
        _team_out(r) for r in hr_leave.team_requests(session, who.employee_id, status_, name)])


def _decide(request_id: int, who: HrIdentity, sessions: sessionmaker[Session],
            approve: bool) -> TeamLeaveRequestOut:
    try:
        return run_transaction(sessions, lambda session: _team_out(
            hr_leave.decide(session, who.employee_id, request_id, approve=approve)))
    except LeaveError as error:
        raise _refused(error) from error


_DECISION_RESPONSES: dict[int | str, dict[str, Any]] = {
    **_REFUSALS, 404: {"description": "not a request of your direct report"},
    409: {"description": "the request is no longer pending"}}


@router.post("/team/requests/{request_id}/approve", response_model=TeamLeaveRequestOut,
             responses=_DECISION_RESPONSES)
def approve_leave_request(request_id: RequestId, who: HrUser, sessions: Sessions,
                          ) -> TeamLeaveRequestOut:
    return _decide(request_id, who, sessions, approve=True)


@router.post("/team/requests/{request_id}/decline", response_model=TeamLeaveRequestOut,
             responses=_DECISION_RESPONSES)
def decline_leave_request(request_id: RequestId, who: HrUser, sessions: Sessions,
                          ) -> TeamLeaveRequestOut:
    return _decide(request_id, who, sessions, approve=False)


# --- directory ------------------------------------------------------------------------------


@router.get("/directory", response_model=DirectoryOut, responses=_REFUSALS)
def directory(
    who: HrUser, sessions: Sessions,
    q: Annotated[str | None, Query(max_length=100, description="a name, any spelling")] = None,
    branch: Annotated[str | None, Query(max_length=60)] = None,
    department: Annotated[str | None, Query(max_length=60)] = None,
    role: Annotated[str | None, Query(max_length=60)] = None,
    question: Annotated[str | None, Query(max_length=200, description=(
        "a question in the employee's words (\"잠실점 약국장 연락처\"); the branch, role and "
        "department it names fill the filters not given"))] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> DirectoryOut:
    """Colleagues' WORK contact details: names, branch, department, role, phone, email."""
    def work(session: Session) -> DirectoryOut:
        named = question_filters(session, question) if question else {}
        filters = {"branch": branch or named.get("branch"),
                   "department": department or named.get("department"),
                   "role": role or named.get("role")}
        results = [DirectoryEntry.model_validate(e) for e in search_directory(
            session, q=q, **filters, limit=limit)]
        return DirectoryOut(count=len(results), results=results,
                            filters={k: v for k, v in filters.items() if v})

    return run_transaction(sessions, work)
