"""The pharmacist's side of live consultations: the queue, the transcript, claim, reply,
close. Pharmacists only (``PharmacistUser``); every claim, reply and close is audited.

Polling ``GET /v1/staff/consultations`` every second or two is how the console sees new
consultations and messages (the state is in the database, so any gateway replica answers).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from sqlalchemy.orm import Session

from api.deps import PharmacistUser
from api.models import Consultation, ConsultationStatus
from api.schemas.consultations import (
    CloseIn,
    ConsultationDetail,
    ConsultationList,
    ConsultationOut,
    MessageOut,
    PharmacistMessageIn,
)
from api.services import consultations
from api.services.consultations import ConsultationConflict, ConsultationNotFound
from core.database import run_transaction
from replies import handoff as wording

router = APIRouter(prefix="/v1/staff/consultations", tags=["consultations (pharmacists)"])

ConsultationId = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "not a pharmacist"}, 404: {"description": "no such consultation"},
    409: {"description": "claimed by someone else, or closed"}}


def _out(row: Consultation, message_count: int) -> ConsultationOut:
    return ConsultationOut(
        id=row.id, session_id=row.session_id, language=row.language, branch=row.branch,
        reason=row.reason, status=row.status.value, created_at=row.created_at,
        claimed_by=row.claimed_by_name or row.claimed_by, claimed_by_username=row.claimed_by,
        claimed_at=row.claimed_at,
        closed_at=row.closed_at, outcome=row.outcome,
        waiting_seconds=consultations.waiting_seconds(row, datetime.now(UTC)),
        message_count=message_count)


def _detail(session: Session, row: Consultation) -> ConsultationDetail:
    messages = [MessageOut.model_validate(m, from_attributes=True)
                for m in consultations.transcript(session, row.id)]
    return ConsultationDetail(**_out(row, len(messages)).model_dump(), messages=messages)


def _run(request: Request, work):
    try:
        return run_transaction(request.app.state.sessions, work)
    except ConsultationNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such consultation") from exc
    except ConsultationConflict as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc


@router.get("", response_model=ConsultationList, responses={403: ERRORS[403]})
def list_consultations(
    request: Request, user: PharmacistUser,
    status_: Annotated[Literal["waiting", "active", "closed"] | None,
                       Query(alias="status")] = None,
) -> ConsultationList:
    """Oldest first; without ``status``: the waiting and the active ones. Polling it is
    also how the chat knows a pharmacist is there to answer."""
    wanted = (ConsultationStatus(status_),) if status_ else consultations.OPEN

    def work(session: Session) -> ConsultationList:
        consultations.seen(session, user, request.app.state.chat.clock())
        rows = consultations.list_consultations(session, wanted)
        sizes = consultations.message_counts(session, [r.id for r in rows])
        return ConsultationList(consultations=[_out(r, sizes.get(r.id, 0)) for r in rows],
                                counts=consultations.counts(session))

    return _run(request, work)


@router.get("/{consultation_id}", response_model=ConsultationDetail, responses=ERRORS)
def consultation(request: Request, _: PharmacistUser,
                 consultation_id: ConsultationId) -> ConsultationDetail:
    return _run(request, lambda s: _detail(s, consultations.get(s, consultation_id)))


@router.post("/{consultation_id}/claim", response_model=ConsultationDetail, responses=ERRORS)
def claim(request: Request, user: PharmacistUser,
          consultation_id: ConsultationId) -> ConsultationDetail:
    return _run(request, lambda s: _detail(s, consultations.claim(
        s, consultation_id, user, wording.pharmacist_joined)))


@router.post("/{consultation_id}/messages", response_model=MessageOut, status_code=201,
             responses=ERRORS)
def send_message(request: Request, user: PharmacistUser, consultation_id: ConsultationId,
                 body: PharmacistMessageIn) -> MessageOut:
    return _run(request, lambda s: MessageOut.model_validate(
        consultations.reply(s, consultation_id, user, body.text), from_attributes=True))


@router.post("/{consultation_id}/close", response_model=ConsultationDetail, responses=ERRORS)
def close(request: Request, user: PharmacistUser, consultation_id: ConsultationId,
          body: CloseIn) -> ConsultationDetail:
    return _run(request, lambda s: _detail(s, consultations.close(
        s, consultation_id, user, body.outcome, wording.assistant_back)))
