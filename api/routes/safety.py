"""``/v1/safety/emergency-reply``: the emergency reply the chat gives, for the dialogue.

The gateway's emergency check answers the emergencies it recognises before the dialogue sees
the message. When the dialogue's NLU escalates a message the check let through, its
emergency action asks here for the reply, so one module words every emergency answer.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from api.schemas.safety import EmergencyReplyIn, EmergencyReplyOut
from api.services.chat import ChatContext, emergency_text
from safety import RedFlag, language_of

router = APIRouter(prefix="/v1/safety", tags=["safety"])


@router.post("/emergency-reply", response_model=EmergencyReplyOut)
async def emergency_reply(body: EmergencyReplyIn, request: Request) -> EmergencyReplyOut:
    """Always an emergency reply: for the category the gateway's check recognises in the
    message, else the general one (call the emergency number; the crisis line's number)."""
    ctx: ChatContext = request.app.state.chat
    assessment = await run_in_threadpool(ctx.assessor.assess, body.message)
    language = body.language or language_of(body.message)
    flag = assessment.flag or RedFlag("unspecified", language, "", via="dialogue", score=0.0)
    return EmergencyReplyOut(text=emergency_text(ctx.settings, flag, body.message),
                             category=flag.category, help=flag.help, level=assessment.level)
