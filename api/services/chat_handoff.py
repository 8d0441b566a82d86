"""The chat turn's side of a live consultation: who owns the session, what a pharmacist
sees of the conversation, and the honest reply to a handoff (hours, phones that answer now).

``api.services.chat`` calls these; the consultation records live in
``api.services.consultations``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ChatTurn, ConsultationStatus, Sender
from api.schemas.chat import ChatResponse
from api.services import consultations
from api.services.consultation_hours import duty_hours, next_duty_start, on_duty
from api.services.consultations import OpenConsultation
from core.database import run_transaction
from core.settings import Settings
from knowledge_base.branches import branches_in, first_named
from replies import handoff as wording

if TYPE_CHECKING:
    from api.services.chat import ChatContext


def admit(ctx: ChatContext, session_id: str,
          token: str | None) -> tuple[str | None, OpenConsultation | None]:
    """(the new session's token or None, its open consultation); raises SessionDenied."""
    def work(session: Session) -> tuple[str | None, OpenConsultation | None]:
        new_token = consultations.admit_chat_session(session, session_id, token)
        return new_token, consultations.open_consultation(session, session_id)

    return run_transaction(ctx.sessions, work)


def handoff_reply(settings: Settings, now: datetime, language: str, branch: str | None,
                  present: bool) -> str:
    """``present``: a pharmacist's console is open now."""
    hours = settings.consultations
    label = duty_hours(hours, branch).label()
    phones = [(b.name_ko if language == "ko" else b.name, b.phone)
              for b in branches_in(settings.paths.chain_docs_dir) if b.open_24h]
    if on_duty(now, hours, branch):
        return (wording.queued(language, label) if present
                else wording.queued_nobody_online(language, label, phones))
    start = next_duty_start(now, hours, branch)
    return wording.queued_off_duty(language, label, start, now.astimezone(start.tzinfo),
                                   phones)


def present(ctx: ChatContext) -> bool:
    """Whether a pharmacist's console polled the queue within the presence window."""
    def work(session: Session) -> bool:
        return consultations.anyone_present(session, ctx.clock(),
                                            ctx.settings.consultations.presence_seconds)

    return run_transaction(ctx.sessions, work)


def open_for_handoff(ctx: ChatContext, session_id: str, message: str, language: str,
                     reason: str) -> tuple[OpenConsultation, str]:
    """Queue a consultation for this session (its transcript so far, this message, and the
    reply); returns it with the reply the user gets."""
    def work(session: Session) -> tuple[OpenConsultation, str]:
        asked = list(session.scalars(select(ChatTurn.question)
                                     .where(ChatTurn.session_id == session_id)).all())
        named = first_named(branches_in(ctx.settings.paths.chain_docs_dir), [message, *asked])
        branch = named.name if named else None
        opened = consultations.create_consultation(session, session_id=session_id,
                                                   language=language, branch=branch,
                                                   reason=reason)
        now = ctx.clock()
        somebody = consultations.anyone_present(session, now,
                                                ctx.settings.consultations.presence_seconds)
        text = handoff_reply(ctx.settings, now, language, branch, somebody)
        consultations.add_message(session, opened.id, session_id, Sender.user, message)
        consultations.add_message(session, opened.id, session_id, Sender.assistant, text)
        return opened, text

    return run_transaction(ctx.sessions, work)


def log_turn(ctx: ChatContext, consultation: OpenConsultation, session_id: str, message: str,
             answer: str | None) -> None:
    """Add the user's message (and the assistant's answer, if it answered) to the transcript."""
    def work(session: Session) -> None:
        consultations.add_message(session, consultation.id, session_id, Sender.user, message)
        if answer:
            consultations.add_message(session, consultation.id, session_id, Sender.assistant,
                                      answer)

    run_transaction(ctx.sessions, work)


def mark(response: ChatResponse, new_token: str | None,
         consultation: OpenConsultation | None) -> ChatResponse:
    response.session_token = new_token
    if consultation is not None:
        response.consultation_id = consultation.id
        response.consultation_status = consultation.status.value
    return response


def is_held(consultation: OpenConsultation | None) -> bool:
    return consultation is not None and consultation.status == ConsultationStatus.active
