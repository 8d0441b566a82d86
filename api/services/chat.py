"""One chat turn: safety check, the dialogue (Rasa), degradation, and the record we keep.

The gateway's emergency check (phrase list, infant rule, semantic check: ``safety``) runs
first, once per message, at two levels (``safety.assessment``): an emergency is answered at
once with the region's numbers, never with a leaflet, and never waits for the dialogue; a
message the check is unsure of (level "caution") gets its ordinary answer with a one-line
note carrying the numbers before it (``caution=True``). If the dialogue itself escalates a
message the check let through (its NLU has an emergency intent of its own), its reply
stands. When Rasa is down, or answers nothing (its action server is down), a consumer's
medicine question is answered from retrieval alone, marked as such. Anything else gets a
clear 503 when Rasa is down, and a plain apology (``answered_by="unavailable"``) when Rasa
is up but said nothing.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypedDict

from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from api.models import ChatTurn
from api.schemas.chat import ChatResponse, IntentOut, Reply
from api.schemas.search import SourceOut
from api.services import chat_handoff
from api.services.chat_context import medication_context
from api.services.leaflet_answers import LeafletQuestion, answer_from_leaflet
from api.services.leaflet_sections import mark_partial_quotes
from api.services.rasa_client import BotTurn, RasaClient, RasaUnavailable
from api.services.redaction import redact
from core.database import run_transaction
from core.settings import Settings
from knowledge_base.branches import branches_in, open_branch_for
from knowledge_base.store import KnowledgeBase
from medication_checks import RuleSet
from replies import retrieval_only_note, unavailable_message
from retrieval.service import SearchService
from safety import Branch, RedFlag, emergency_message, language_of
from safety.assessment import Assessment, EmergencyAssessor
from safety.language import Language
from safety.messages import caution_message, region_numbers

log = logging.getLogger(__name__)


class AssistantUnavailable(RuntimeError):
    """Neither the dialogue nor a safe fallback can answer this message."""


@dataclass
class ChatContext:
    settings: Settings
    rasa: RasaClient
    search: SearchService
    sessions: sessionmaker[Session]
    assessor: EmergencyAssessor
    medication_rules: RuleSet
    kb: KnowledgeBase
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


def emergency_text(settings: Settings, flag: RedFlag, message: str = "") -> str:
    """The emergency reply with the numbers of the deployment's region, plus a pharmacist's
    phone at an open branch when the message names one."""
    branch = open_branch_for(branches_in(settings.paths.chain_docs_dir), message)
    name = branch.name_ko if branch and flag.language == "ko" else branch.name if branch else ""
    return emergency_message(flag, settings.safety.region,
                             Branch(name, branch.phone) if branch else None)


class _Payloads(TypedDict):
    sources: list[dict]
    emergency: bool
    handoff: bool
    gap: str | None


def _merge_payloads(turn: BotTurn) -> _Payloads:
    merged: _Payloads = {"sources": [], "emergency": False, "handoff": False, "gap": None}
    for payload in turn.payloads:
        merged["sources"].extend(payload.get("sources") or [])
        merged["emergency"] |= bool(payload.get("emergency"))
        merged["handoff"] |= bool(payload.get("handoff"))
        merged["gap"] = merged["gap"] or payload.get("gap")
    return merged


async def _retrieval_only(
    ctx: ChatContext, message: str, language: Language
) -> tuple[ChatResponse, str | None] | None:
    """Answer a medicine question from the leaflets alone (with its gap reason), or None."""
    if not ctx.search.ready:
        return None
    found = await run_in_threadpool(answer_from_leaflet, ctx.search,
                                    ctx.settings.retrieval.min_confidence,
                                    LeafletQuestion(question=message, language=language))
    if found.status == "no_medicine":
        return None
    gap = (None if found.status == "answered"
           else "low_confidence" if found.status == "not_sure" else "not_covered")
    note = retrieval_only_note(language)
    response = ChatResponse(
        session_id="", message_id="", replies=[Reply(text=note), Reply(text=found.text)],
        intent=None, sources=[SourceOut(**h) for h in found.sources], emergency=False,
        handoff=False, language=language, answered_by="retrieval_only",
    )
    return response, gap


def _add_caution_note(settings: Settings, response: ChatResponse,
                      assessment: Assessment) -> None:
    """Level "caution": the region's numbers, one line, before the ordinary answer."""
    if assessment.level != "caution" or assessment.flag is None or response.emergency:
        return
    note = caution_message(assessment.flag, settings.safety.region)
    response.replies.insert(0, Reply(text=note))
    response.caution = True


def _apology(settings: Settings, language: Language) -> ChatResponse:
    text = unavailable_message(language, region_numbers(settings.safety.region)[0])
    return ChatResponse(session_id="", message_id="", replies=[Reply(text=text)], intent=None,
                        sources=[], emergency=False, handoff=False, language=language,
                        answered_by="unavailable")


async def handle_chat(
    ctx: ChatContext, *, session_id: str, message: str, channel: str = "consumer",
    metadata: dict | None = None, session_token: str | None = None,
) -> ChatResponse:
    """One turn. On the consumer channel a session is owned by the token its first response
    returned; while a pharmacist holds the conversation the message goes to them and the
    bot stays silent. Raises ``SessionDenied`` for a wrong or missing token."""
    language = language_of(message)
    new_token, consultation = None, None
    if channel == "consumer":
        new_token, consultation = await run_in_threadpool(
            chat_handoff.admit, ctx, session_id, session_token)
    assessment = await run_in_threadpool(ctx.assessor.assess, message)
    if assessment.level == "emergency" and assessment.flag is not None:
        response = ChatResponse(
            session_id=session_id, message_id=str(uuid.uuid4()),
            replies=[Reply(text=emergency_text(ctx.settings, assessment.flag, message))],
            intent=None,
            sources=[], emergency=True, handoff=False, language=language,
            answered_by="safety",
        )
        await run_in_threadpool(_record, ctx, response, message, channel, None)
        if consultation is not None:  # the pharmacist sees the emergency and our answer
            await run_in_threadpool(chat_handoff.log_turn, ctx, consultation, session_id,
                                    message, response.replies[0].text)
        return chat_handoff.mark(response, new_token, consultation)
    if consultation is not None and chat_handoff.is_held(consultation):
        await run_in_threadpool(chat_handoff.log_turn, ctx, consultation, session_id, message,
                                None)
        response = ChatResponse(
            session_id=session_id, message_id=str(uuid.uuid4()), replies=[], intent=None,
            sources=[], emergency=False, handoff=False, language=language,
            answered_by="pharmacist_pending")
        return chat_handoff.mark(response, new_token, consultation)

    try:
        response, gap = await _dialogue_turn(ctx, session_id, message, channel, language,
                                             metadata)
    except AssistantUnavailable:
        if assessment.level != "caution":
            raise
        response, gap = _apology(ctx.settings, language), None  # the note still goes out
        response.session_id, response.message_id = session_id, str(uuid.uuid4())
    await run_in_threadpool(mark_partial_quotes, ctx.kb, response)
    _add_caution_note(ctx.settings, response, assessment)
    if channel == "consumer" and response.handoff:
        if consultation is None:
            reason = "requested" if response.intent and response.intent.name == \
                "request_pharmacist" else "accepted_offer"
            consultation, text = await run_in_threadpool(
                chat_handoff.open_for_handoff, ctx, session_id, message, language, reason)
        else:
            somebody = await run_in_threadpool(chat_handoff.present, ctx)
            text = chat_handoff.handoff_reply(ctx.settings, ctx.clock(), language,
                                              consultation.branch, somebody)
        response.replies = [Reply(text=text)]
    elif consultation is not None:  # waiting: the bot answers, the pharmacist will read it
        await run_in_threadpool(chat_handoff.log_turn, ctx, consultation, session_id, message,
                                "\n".join(r.text for r in response.replies))
    await run_in_threadpool(_record, ctx, response, message, channel, gap)
    return chat_handoff.mark(response, new_token, consultation)


async def _dialogue_turn(
    ctx: ChatContext, session_id: str, message: str, channel: str, language: Language,
    metadata: dict | None,
) -> tuple[ChatResponse, str | None]:
    """Rasa's answer, or retrieval alone when it is down; raises AssistantUnavailable."""
    metadata = {"channel": channel, "language": language, **(metadata or {})}
    if channel == "consumer":
        metadata["medication_check"] = await run_in_threadpool(
            medication_context, ctx.sessions, ctx.medication_rules, session_id, message)
    try:
        turn = await ctx.rasa.send(f"{channel}:{session_id}", message, metadata)
    except RasaUnavailable as exc:
        log.warning("dialogue unavailable for %s: %s", channel, exc)
        turn = None
    silent = turn is not None and not turn.texts
    if silent:
        # Rasa answered but said nothing: its action server is down or an action failed.
        log.warning("dialogue returned no reply for %s (action server down?)", channel)
        turn = None

    if turn is not None:
        meta = _merge_payloads(turn)
        replies = [Reply(**t) for t in turn.texts]
        intent = IntentOut(**turn.intent) if turn.intent else None
        response = ChatResponse(
            session_id=session_id, message_id="", replies=replies, intent=intent,
            sources=[SourceOut(**s) for s in meta["sources"]], emergency=meta["emergency"],
            handoff=meta["handoff"], language=language, answered_by="assistant",
        )
        gap = meta["gap"]
    else:
        fallback = None
        if channel == "consumer":
            fallback = await _retrieval_only(ctx, message, language)
        if fallback is None and not silent:
            raise AssistantUnavailable("the assistant is temporarily unavailable")
        response, gap = fallback or (_apology(ctx.settings, language), None)

    response.session_id = session_id
    response.message_id = str(uuid.uuid4())
    return response, gap


def _record(ctx: ChatContext, response: ChatResponse, message: str, channel: str,
            gap: str | None) -> None:
    turn = dict(
        id=response.message_id, session_id=response.session_id, channel=channel,
        language=response.language, question=redact(message),
        answer=redact("\n".join(r.text for r in response.replies)),
        intent=response.intent.name if response.intent else None,
        confidence=response.intent.confidence if response.intent else None,
        sources=[s.model_dump() for s in response.sources], emergency=response.emergency,
        handoff=response.handoff, gap_reason=gap, answered_by=response.answered_by,
    )
    run_transaction(ctx.sessions, lambda session: session.add(ChatTurn(**turn)))
