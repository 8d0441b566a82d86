"""Helpers every action uses: language, channel, and the metadata payload for the gateway."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.wording import say

META_TYPE = "assistant_meta"


def language(tracker: Tracker) -> str:
    """The language of the latest message: the NLU tags it; else the gateway's guess, sent in
    the message's metadata (the one language rule is the gateway's); else English."""
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == "language" and entity.get("value") in ("en", "ko"):
            return entity["value"]
    sent = metadata(tracker).get("language")
    return sent if sent in ("en", "ko") else "en"


def metadata(tracker: Tracker) -> dict[str, Any]:
    """What the gateway set on the message (channel, employee id, token). Never user text."""
    meta = tracker.latest_message.get("metadata") or {}
    if not meta:
        meta = tracker.get_slot("session_started_metadata") or {}
    return meta if isinstance(meta, dict) else {}


def channel(tracker: Tracker) -> str:
    return "hr" if metadata(tracker).get("channel") == "hr" else "consumer"


def refused_on_hr_channel(dispatcher: CollectingDispatcher, tracker: Tracker,
                          lang: str) -> bool:
    """Consumer actions (medicines, pills) answer on the consumer channel only."""
    if channel(tracker) != "hr":
        return False
    dispatcher.utter_message(text=say("hr_only_here", lang))
    send_meta(dispatcher, tracker)
    return True


def entity_values(tracker: Tracker, name: str) -> list[str]:
    return [str(e["value"]) for e in tracker.latest_message.get("entities", [])
            if e.get("entity") == name and e.get("value")]


def intent_name(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def send_meta(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, sources: list[dict] | None = None,
    emergency: bool = False, handoff: bool = False, gap: str | None = None,
) -> None:
    """The machine-readable part of a reply: intent, sources used, safety flags."""
    dispatcher.utter_message(json_message={
        "type": META_TYPE,
        "intent": intent_name(tracker),
        "sources": [{k: s[k] for k in ("doc_id", "drug", "section", "title", "source", "date",
                                          "note")
                     if k in s} for s in sources or []],
        "emergency": emergency,
        "handoff": handoff,
        "gap": gap,
    })


