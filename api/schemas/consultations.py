from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, field_validator

Status = Literal["waiting", "active", "closed"]


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands datetimes back without a zone; they are UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class MessageOut(BaseModel):
    id: int
    sender: Literal["user", "assistant", "pharmacist", "system"]
    author: str | None
    text: str
    created_at: datetime

    _utc = field_validator("created_at")(_aware)


class ConsultationRef(BaseModel):
    id: str
    status: Status
    pharmacist: str | None


class SessionMessages(BaseModel):
    session_id: str
    consultation: ConsultationRef | None
    messages: list[MessageOut]


class ConsultationOut(BaseModel):
    id: str
    session_id: str
    language: str
    branch: str | None
    reason: str
    status: Status
    created_at: datetime
    claimed_by: str | None  # the pharmacist's name as the customer sees it
    claimed_by_username: str | None
    claimed_at: datetime | None
    closed_at: datetime | None
    outcome: str | None
    waiting_seconds: int
    message_count: int

    _utc = field_validator("created_at", "claimed_at", "closed_at")(_aware)


class ConsultationDetail(ConsultationOut):
    messages: list[MessageOut]


class ConsultationList(BaseModel):
    consultations: list[ConsultationOut]
    counts: dict[str, int]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value.strip()


NonBlank = Annotated[str, AfterValidator(_not_blank)]


class PharmacistMessageIn(BaseModel):
    text: Annotated[NonBlank, Field(min_length=1, max_length=2000)]


class CloseIn(BaseModel):
    outcome: Annotated[NonBlank, Field(min_length=1, max_length=500,
                                       examples=["advised to take with food"])]
