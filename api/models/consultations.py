"""Chat sessions with their owner's token, and live consultations with a pharmacist.

A consultation is created when the dialogue hands a conversation over (``handoff``). It goes
``waiting`` → ``active`` (claimed by one pharmacist) → ``closed``. Its messages are the
transcript the pharmacist reads: the turns before the handoff (copied from the redacted chat
log) and everything said while it is open. Every claim, reply and close is audited.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.database import Base
from knowledge_base.tables import utcnow


class ChatSession(Base):
    """Who owns a chat session: the hash of the token its first response handed out."""

    __tablename__ = "chat_sessions"

    session_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConsultationStatus(enum.StrEnum):
    waiting = "waiting"
    active = "active"
    closed = "closed"


class Sender(enum.StrEnum):
    user = "user"
    assistant = "assistant"
    pharmacist = "pharmacist"
    system = "system"


class Consultation(Base):
    __tablename__ = "consultations"
    __table_args__ = (Index("ix_consultations_status_created", "status", "created_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    language: Mapped[str] = mapped_column(String(4), default="en")
    branch: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(64), default="requested")
    status: Mapped[ConsultationStatus] = mapped_column(
        Enum(ConsultationStatus, native_enum=False, length=16), default=ConsultationStatus.waiting)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_by_name: Mapped[str | None] = mapped_column(String(120))
    claimed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(500))


class ConsultationMessage(Base):
    __tablename__ = "consultation_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[str] = mapped_column(ForeignKey("consultations.id"), index=True)
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    sender: Mapped[Sender] = mapped_column(Enum(Sender, native_enum=False, length=16))
    author: Mapped[str | None] = mapped_column(String(120))  # the pharmacist's name
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConsultationAudit(Base):
    __tablename__ = "consultation_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(32))  # created | claimed | replied | closed
    consultation_id: Mapped[str] = mapped_column(String(36), index=True)
    detail: Mapped[str] = mapped_column(String(500), default="")


class PharmacistPresence(Base):
    """When each pharmacist's console last looked at the queue: "someone is there"."""

    __tablename__ = "pharmacist_presence"

    username: Mapped[str] = mapped_column(String(80), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
