"""Live consultations with a pharmacist, and who owns a chat session.

Everything lives in the database (no in-process state), so any gateway replica can take the
user's next message or the pharmacist's reply. Each function runs inside the caller's
transaction (``core.database.run_transaction``). A claim is one conditional UPDATE, so two
pharmacists (or two gateways) cannot both claim the same consultation.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from api.models import (
    ChatSession,
    ChatTurn,
    Consultation,
    ConsultationAudit,
    ConsultationMessage,
    ConsultationStatus,
    Employee,
    PharmacistPresence,
    Role,
    Sender,
    User,
)
from knowledge_base.tables import utcnow

OPEN = (ConsultationStatus.waiting, ConsultationStatus.active)


class SessionDenied(Exception):
    """The caller may not use this chat session: ``status`` 401 (no token where one is
    needed), 403 (a token that is not this session's) or 404 (reading: no such session)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class ConsultationConflict(Exception):
    """The consultation is not in a state that allows this (claimed by another, closed)."""


class ConsultationNotFound(Exception):
    pass


@dataclass(frozen=True)
class OpenConsultation:
    """What a chat turn needs to know about the session's open consultation."""

    id: str
    status: ConsultationStatus
    language: str
    branch: str | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- session ownership --------------------------------------------------------------------

def admit_chat_session(session: Session, session_id: str, token: str | None) -> str | None:
    """Register a new session (returns its token, shown once) or check the caller's token.

    Messages without a token are still accepted while no pharmacist holds the conversation
    (the bot's answers reveal nothing of anyone else's, and clients that never kept the token
    keep working); once a pharmacist has claimed it, writing into it needs the token.
    """
    row = session.get(ChatSession, session_id)
    if row is None:
        new_token = secrets.token_urlsafe(24)
        session.add(ChatSession(session_id=session_id, token_hash=_hash(new_token)))
        return new_token
    if token is not None and not hmac.compare_digest(row.token_hash, _hash(token)):
        raise SessionDenied(403, "this session_token does not belong to this session")
    held = open_consultation(session, session_id)
    if token is None and held is not None and held.status == ConsultationStatus.active:
        raise SessionDenied(401, "session_token required: a pharmacist holds this conversation")
    return None


def check_reader(session: Session, session_id: str, token: str | None) -> None:
    """Reading a session's messages needs its token; a wrong one reads nothing (404)."""
    if not token:
        raise SessionDenied(401, "X-Session-Token header required")
    row = session.get(ChatSession, session_id)
    if row is None or not hmac.compare_digest(row.token_hash, _hash(token)):
        raise SessionDenied(404, "no such chat session")


# --- the user's side ----------------------------------------------------------------------

def open_consultation(session: Session, session_id: str) -> OpenConsultation | None:
    row = session.scalar(
        select(Consultation).where(Consultation.session_id == session_id,
                                   Consultation.status.in_(OPEN))
        .order_by(Consultation.created_at.desc()).limit(1))
    if row is None:
        return None
    return OpenConsultation(row.id, row.status, row.language, row.branch)


def add_message(session: Session, consultation_id: str, session_id: str, sender: Sender,
                text: str, author: str | None = None) -> ConsultationMessage:
    message = ConsultationMessage(consultation_id=consultation_id, session_id=session_id,
                                  sender=sender, text=text, author=author, created_at=utcnow())
    session.add(message)
    session.flush()
    return message


def create_consultation(session: Session, *, session_id: str, language: str,
                        branch: str | None, reason: str) -> OpenConsultation:
    """Queue a consultation whose transcript starts with the session's chat so far (the
    redacted chat log, the turn that asked for the handoff included)."""
    row = Consultation(id=str(uuid.uuid4()), session_id=session_id, language=language,
                       branch=branch, reason=reason, status=ConsultationStatus.waiting,
                       created_at=utcnow())
    session.add(row)
    session.flush()
    turns = session.scalars(select(ChatTurn).where(ChatTurn.session_id == session_id,
                                                   ChatTurn.channel == "consumer")
                            .order_by(ChatTurn.created_at)).all()
    for turn in turns:
        add_message(session, row.id, session_id, Sender.user, turn.question)
        if turn.answer:
            add_message(session, row.id, session_id, Sender.assistant, turn.answer)
    session.add(ConsultationAudit(actor=f"session:{session_id[:12]}", action="created",
                                  consultation_id=row.id, detail=reason))
    return OpenConsultation(row.id, row.status, language, branch)


def session_messages(session: Session, session_id: str, after: int) -> list[ConsultationMessage]:
    return list(session.scalars(
        select(ConsultationMessage).where(ConsultationMessage.session_id == session_id,
                                          ConsultationMessage.id > after)
        .order_by(ConsultationMessage.id)).all())


def latest_consultation(session: Session, session_id: str) -> Consultation | None:
    return session.scalar(select(Consultation).where(Consultation.session_id == session_id)
                          .order_by(Consultation.created_at.desc()).limit(1))


# --- the pharmacist's side ----------------------------------------------------------------

def is_pharmacist(session: Session, user: User) -> bool:
    """Admins, and staff whose roster job is a pharmacist's, read and answer consultations."""
    if user.role == Role.admin:
        return True
    if not user.role.at_least(Role.staff) or user.employee_id is None:
        return False
    employee = session.get(Employee, user.employee_id)
    return employee is not None and "pharmacist" in employee.job_role


def display_name(session: Session, user: User, language: str) -> str:
    employee = session.get(Employee, user.employee_id) if user.employee_id else None
    if employee is None:
        return user.full_name or user.username
    return employee.name_ko if language == "ko" else employee.name_en


def seen(session: Session, user: User, now: datetime) -> None:
    """Note that this pharmacist's console is open (at most one write per 20 s each)."""
    now = now.astimezone(UTC)  # stored without a zone by SQLite: always UTC
    row = session.get(PharmacistPresence, user.username)
    if row is None:
        session.add(PharmacistPresence(username=user.username, seen_at=now))
    elif _seconds_between(row.seen_at, now) >= 20:
        row.seen_at = now


def anyone_present(session: Session, now: datetime, within_seconds: int) -> bool:
    times = session.scalars(select(PharmacistPresence.seen_at)).all()
    return any(_seconds_between(at, now) <= within_seconds for at in times)


def _seconds_between(start: datetime, end: datetime) -> float:
    """SQLite returns naive UTC datetimes; compare them with aware ones as UTC."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if end.tzinfo is None:
        end = end.replace(tzinfo=UTC)
    return (end - start).total_seconds()


def list_consultations(session: Session,
                       statuses: tuple[ConsultationStatus, ...]) -> list[Consultation]:
    return list(session.scalars(select(Consultation).where(Consultation.status.in_(statuses))
                                .order_by(Consultation.created_at).limit(200)).all())


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Consultation.status, func.count())
                           .group_by(Consultation.status)).all()
    found = {str(status): number for status, number in rows}
    return {status.value: found.get(status.value, 0) for status in ConsultationStatus}


def message_counts(session: Session, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    rows = session.execute(select(ConsultationMessage.consultation_id, func.count())
                           .where(ConsultationMessage.consultation_id.in_(ids))
                           .group_by(ConsultationMessage.consultation_id)).all()
    return dict(rows)


def get(session: Session, consultation_id: str) -> Consultation:
    row = session.get(Consultation, consultation_id)
    if row is None:
        raise ConsultationNotFound(consultation_id)
    return row


def transcript(session: Session, consultation_id: str) -> list[ConsultationMessage]:
    return list(session.scalars(
        select(ConsultationMessage).where(ConsultationMessage.consultation_id == consultation_id)
        .order_by(ConsultationMessage.id)).all())


def claim(session: Session, consultation_id: str, user: User, joined_text) -> Consultation:
    """Claim a waiting consultation; ``joined_text(language, name)`` is the line the user
    sees. Claiming one's own active consultation again is a no-op."""
    row = get(session, consultation_id)
    if row.status == ConsultationStatus.active and row.claimed_by == user.username:
        return row
    name = display_name(session, user, row.language)
    # an UPDATE's result is a CursorResult (which has rowcount); Session.execute says Result
    done = cast(CursorResult[Any], session.execute(
        update(Consultation)
        .where(Consultation.id == consultation_id,
               Consultation.status == ConsultationStatus.waiting)
        .values(status=ConsultationStatus.active, claimed_by=user.username,
                claimed_by_name=name, claimed_at=utcnow())))
    if done.rowcount != 1:
        raise ConsultationConflict(
            "this consultation is closed" if row.status == ConsultationStatus.closed
            else f"already claimed by {row.claimed_by_name or row.claimed_by}")
    session.refresh(row)
    add_message(session, row.id, row.session_id, Sender.system, joined_text(row.language, name))
    session.add(ConsultationAudit(actor=user.username, action="claimed",
                                  consultation_id=row.id))
    return row


def reply(session: Session, consultation_id: str, user: User, text: str) -> ConsultationMessage:
    row = get(session, consultation_id)
    if row.status != ConsultationStatus.active or row.claimed_by != user.username:
        raise ConsultationConflict("claim this consultation before replying"
                                   if row.status == ConsultationStatus.waiting else
                                   "this consultation is not yours to answer")
    message = add_message(session, row.id, row.session_id, Sender.pharmacist, text,
                          author=row.claimed_by_name)
    session.add(ConsultationAudit(actor=user.username, action="replied",
                                  consultation_id=row.id, detail=f"{len(text)} characters"))
    return message


def close(session: Session, consultation_id: str, user: User, outcome: str,
          back_text) -> Consultation:
    """Close (the claimant, an admin, or any pharmacist for one still waiting);
    ``back_text(language)`` tells the user the assistant answers again."""
    row = get(session, consultation_id)
    if row.status == ConsultationStatus.closed:
        raise ConsultationConflict("this consultation is already closed")
    if (row.status == ConsultationStatus.active and row.claimed_by != user.username
            and user.role != Role.admin):
        raise ConsultationConflict(f"{row.claimed_by_name or row.claimed_by} holds this "
                                   "consultation")
    row.status = ConsultationStatus.closed
    row.closed_at = utcnow()
    row.outcome = outcome
    add_message(session, row.id, row.session_id, Sender.system, back_text(row.language))
    session.add(ConsultationAudit(actor=user.username, action="closed", consultation_id=row.id,
                                  detail=outcome[:500]))
    return row


def waiting_seconds(row: Consultation, now: datetime) -> int:
    return max(0, int(_seconds_between(row.created_at, row.claimed_at or row.closed_at or now)))
