"""The consumer chat (anonymous allowed) and feedback on its replies."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ChatTurn, Feedback
from api.schemas.chat import (
    SESSION_ID_PATTERN,
    ChatRequest,
    ChatResponse,
    FeedbackRequest,
    FeedbackResponse,
)
from api.schemas.consultations import ConsultationRef, MessageOut, SessionMessages
from api.services import consultations
from api.services.chat import AssistantUnavailable, handle_chat
from api.services.consultations import SessionDenied
from core.database import run_transaction
from safety import language_of

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post("/chat", response_model=ChatResponse,
             responses={401: {"description": "session_token needed (a pharmacist holds it)"},
                        403: {"description": "session_token of another session"},
                        429: {"description": "too many messages"},
                        503: {"description": "the assistant cannot answer right now"}})
async def chat(body: ChatRequest, request: Request) -> ChatResponse:
    request.state.language = language_of(body.message)  # errors answer in the user's language
    request.app.state.chat_limits.check(request, body.session_id)
    try:
        return await handle_chat(request.app.state.chat, session_id=body.session_id,
                                 message=body.message, session_token=body.session_token)
    except AssistantUnavailable as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    except SessionDenied as exc:
        raise HTTPException(exc.status, exc.detail) from exc


@router.get("/chat/{session_id}/messages", response_model=SessionMessages,
            responses={401: {"description": "no X-Session-Token header"},
                       404: {"description": "no such session (or not your token)"}})
def session_messages(
    request: Request,
    session_id: Annotated[str, Path(pattern=SESSION_ID_PATTERN)],
    x_session_token: Annotated[str | None, Header(max_length=128)] = None,
    after: Annotated[int, Query(ge=0, description="the last message id you have")] = 0,
) -> SessionMessages:
    """What a pharmacist (and the system) said in this session's consultations, after
    ``after``; poll it while ``consultation.status`` is waiting or active. Needs the
    ``session_token`` of the session's first response in the ``X-Session-Token`` header."""
    def work(session: Session) -> SessionMessages:
        consultations.check_reader(session, session_id, x_session_token)
        latest = consultations.latest_consultation(session, session_id)
        ref = None if latest is None else ConsultationRef(
            id=latest.id, status=latest.status.value, pharmacist=latest.claimed_by_name)
        messages = [MessageOut.model_validate(m, from_attributes=True)
                    for m in consultations.session_messages(session, session_id, after)]
        return SessionMessages(session_id=session_id, consultation=ref, messages=messages)

    try:
        return run_transaction(request.app.state.sessions, work)
    except SessionDenied as exc:
        raise HTTPException(exc.status, exc.detail) from exc


@router.post("/feedback", response_model=FeedbackResponse, status_code=201,
             responses={404: {"description": "no such reply"}})
def feedback(body: FeedbackRequest, request: Request) -> FeedbackResponse:
    """Thumbs up or down on one reply (its ``message_id``)."""
    def work(session: Session) -> None:
        turn = session.scalar(select(ChatTurn).where(ChatTurn.id == body.message_id))
        if turn is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no reply with that message_id")
        session.add(Feedback(turn_id=turn.id, rating=1 if body.rating == "up" else -1,
                             comment=body.comment))

    run_transaction(request.app.state.sessions, work)
    return FeedbackResponse(message_id=body.message_id, rating=body.rating)
