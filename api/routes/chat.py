"""The consumer chat (anonymous allowed) and feedback on its replies."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ChatTurn, Feedback
from api.schemas.chat import ChatRequest, ChatResponse, FeedbackRequest, FeedbackResponse
from api.services.chat import AssistantUnavailable, handle_chat
from core.database import run_transaction
from safety import language_of

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post("/chat", response_model=ChatResponse,
             responses={429: {"description": "too many messages"},
                        503: {"description": "the assistant cannot answer right now"}})
async def chat(body: ChatRequest, request: Request) -> ChatResponse:
    request.state.language = language_of(body.message)  # errors answer in the user's language
    request.app.state.chat_limits.check(request, body.session_id)
    try:
        return await handle_chat(request.app.state.chat, session_id=body.session_id,
                                 message=body.message)
    except AssistantUnavailable as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc


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
