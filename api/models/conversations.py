"""Every chat turn the gateway answered, and the feedback customers give on it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.database import Base
from knowledge_base.tables import utcnow


class ChatTurn(Base):
    __tablename__ = "chat_turns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the reply's message_id
    session_id: Mapped[str] = mapped_column(String(128), index=True)
    channel: Mapped[str] = mapped_column(String(16))  # consumer | hr
    language: Mapped[str] = mapped_column(String(4), default="en")
    question: Mapped[str] = mapped_column(Text)  # PII-redacted
    answer: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None]
    sources: Mapped[list] = mapped_column(JSON, default=list)
    emergency: Mapped[bool] = mapped_column(default=False)
    handoff: Mapped[bool] = mapped_column(default=False)
    # Why the assistant could not answer: low_confidence, not_covered, fallback, or None.
    gap_reason: Mapped[str | None] = mapped_column(String(32), index=True)
    answered_by: Mapped[str] = mapped_column(String(16), default="rasa")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    turn_id: Mapped[str] = mapped_column(ForeignKey("chat_turns.id"), index=True)
    rating: Mapped[int]  # +1 thumbs up, -1 thumbs down
    comment: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SessionContext(Base):
    """What a consumer told the chat about themselves, kept for the medication checks of
    later questions in the same session: the person (pregnant, age, 65+) and the medicines
    they take. Cleared by "forget my medicines"."""

    __tablename__ = "chat_session_context"

    session_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    person: Mapped[dict] = mapped_column(JSON, default=dict)
    taking: Mapped[list] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
