"""``POST /v1/stores/hours``: one branch's opening hours for the day asked (used by the
dialogue's store action; the app may call it too)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from api.schemas.search import SourceOut
from api.services.store_hours_answers import answer_hours
from knowledge_base.branches import branches_in

router = APIRouter(prefix="/v1/stores", tags=["stores"])
SEOUL = ZoneInfo("Asia/Seoul")


class HoursIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "text": "is the hongdae branch open at 3am?", "language": "en"}})

    text: str = Field(min_length=1, max_length=1000)
    language: Literal["en", "ko"] = "en"
    context: list[str] = Field(default_factory=list, max_length=10, description="earlier "
                               "messages of the conversation, latest first: where a branch "
                               "named before is found (\"and on sunday?\")")


class HoursOut(BaseModel):
    applies: bool = Field(description="false: no branch named, or not about opening hours")
    text: str
    sources: list[SourceOut]
    branch: str | None


@router.post("/hours", response_model=HoursOut)
def hours(body: HoursIn, request: Request) -> HoursOut:
    settings = request.app.state.settings
    now = request.app.state.chat.clock().astimezone(SEOUL)
    found = answer_hours(request.app.state.kb, branches_in(settings.paths.chain_docs_dir),
                         body.text, body.language, now,
                         [c[:1000] for c in body.context])
    return HoursOut.model_validate(asdict(found))
