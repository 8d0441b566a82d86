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
    # The token the session's first response returned; needed once a pharmacist is involved.
    session_token: str | None = Field(default=None, min_length=16, max_length=128,
                                      pattern=r"^[A-Za-z0-9_-]+$")


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
    # The emergency check was unsure: the first reply is a one-line note with the emergency
    # numbers, the ordinary answer follows.
    caution: bool = False
    # assistant: the full dialogue; retrieval_only: Rasa was down (or said nothing), answered
    # from leaflets alone; safety: the gateway's own emergency check answered; unavailable:
    # Rasa said nothing (its action server is down) and the reply is an apology;
    # pharmacist_pending: a pharmacist holds the conversation, the message went to them and
    # the bot said nothing (``replies`` is empty; the answer arrives via .../messages).
    answered_by: Literal["assistant", "retrieval_only", "safety", "unavailable",
                         "pharmacist_pending"]
    # Returned once, on the response that created the session: keep it, send it back, and
    # show it to read GET /v1/chat/{session_id}/messages.
    session_token: str | None = None
    consultation_id: str | None = None
    consultation_status: Literal["waiting", "active", "closed"] | None = None


class FeedbackRequest(BaseModel):
    message_id: str = Field(min_length=1, max_length=36)
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=1000)


class FeedbackResponse(BaseModel):
    message_id: str
    rating: Literal["up", "down"]
