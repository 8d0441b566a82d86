"""A fake tracker/dispatcher pair for running one action the way the SDK would."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def tracker(text: str, *, intent: str = "ask_medicine", entities: list[dict] | None = None,
            slots: dict | None = None, channel: str = "consumer") -> Tracker:
    language = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [*(entities or []), {"entity": "language", "value": language}],
        "metadata": {"channel": channel},
    }
    return Tracker("test-user", slots or {}, message, [], False, None, {}, "action_listen")


def run(action, tracker_: Tracker) -> tuple[list[dict], list[dict], dict]:
    """(events, text messages, the metadata payload) of one action run."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, {})
    texts = [m for m in dispatcher.messages if m.get("text")]
    metas = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    return events, texts, (metas[0] if metas else {})


def slots_set(events: list[dict]) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def medicine(name: str) -> dict:
    return {"entity": "medicine", "value": name}


def topic(value: str) -> dict:
    return {"entity": "topic", "value": value}
