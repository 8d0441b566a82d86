"""Request and response of ``POST /v1/safety/emergency-reply``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.chat import MAX_MESSAGE_CHARS


class EmergencyReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "message": "my dad's face is drooping and he can't lift his arm", "language": "en"}})

    message: str = Field(default="", max_length=MAX_MESSAGE_CHARS,
                         description="the user's message the dialogue escalated")
    language: Literal["en", "ko"] | None = Field(
        default=None, description="the reply's language when the check finds nothing; "
        "by default the message's own")


class EmergencyReplyOut(BaseModel):
    text: str = Field(description="the emergency reply, with the deployment region's numbers")
    category: str = Field(description="what the check recognised, or 'unspecified'")
    help: Literal["medical", "mental_health"]
    level: Literal["emergency", "caution", "none"] = Field(
        description="what the gateway's own check made of the message")
