from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.search import SourceOut

SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,128}$"
MAX_MESSAGE_CHARS = 4000


class ChatRequest(BaseModel):
    session_id: str = Field(pattern=SESSION_ID_PATTERN, examples=["a1b2c3"])
    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS,
                         examples=["how often can I take ibuprofen?"])


class Button(BaseModel):
    title: str
    payload: str


class Reply(BaseModel):
    text: str
    buttons: list[Button] | None = None


class IntentOut(BaseModel):
    name: str
    confidence: float


class ChatResponse(BaseModel):
    session_id: str
    message_id: str
    replies: list[Reply]
    intent: IntentOut | None
    sources: list[SourceOut]
    emergency: bool
    handoff: bool
    language: Literal["en", "ko"]
    # assistant: the full dialogue; retrieval_only: Rasa was down (or said nothing), answered
    # from leaflets alone; safety: the gateway's own emergency check answered; unavailable:
    # Rasa said nothing (its action server is down) and the reply is an apology.
    answered_by: Literal["assistant", "retrieval_only", "safety", "unavailable"]


class FeedbackRequest(BaseModel):
    message_id: str = Field(min_length=1, max_length=36)
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=1000)


class FeedbackResponse(BaseModel):
    message_id: str
    rating: Literal["up", "down"]
