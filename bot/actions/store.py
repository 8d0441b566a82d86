"""Store questions: a branch's hours for the day asked (the gateway reads the hours table),
anything else (branches, returns, pick-up, delivery, points) from the store FAQ."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values, language, send_meta
from bot.actions.gateway_client import GatewayClient, GatewayError
from bot.actions.wording import say

STORE_FAQ = ("store_faq",)


class ActionStoreInfo(Action):
    def name(self) -> str:
        return "action_store_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        message = tracker.latest_message.get("text") or ""
        if self._hours(dispatcher, tracker, lang, message):
            return []
        hints = " ".join(entity_values(tracker, "store_topic") + entity_values(tracker, "branch"))
        try:
            result = GatewayClient().search(f"{message} {hints}".strip(), k=3, kinds=STORE_FAQ)
        except GatewayError:
            result = None
        if result is None or not result.answerable:
            dispatcher.utter_message(text=say("store_not_found", lang))
            send_meta(dispatcher, tracker, gap="low_confidence" if result else "unavailable")
            return []
        best = result.hits[0]
        source = say("source", lang, title=best["title"], section=best["section_title"])
        dispatcher.utter_message(text=f"{best['quote']}\n{source}")
        send_meta(dispatcher, tracker, sources=[best])
        return []

    @staticmethod
    def _hours(dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
               message: str) -> bool:
        """A branch's opening hours for the day asked (the branch may have been named in an
        earlier message: "and on sunday?"). False when the gateway says it does not apply."""
        earlier = [e.get("text") or "" for e in reversed(tracker.events)
                   if e.get("event") == "user"][1:6]
        try:
            found = GatewayClient().post("/v1/stores/hours", {
                "text": message[:1000], "language": lang, "context": [t[:1000] for t in earlier]})
        except GatewayError:
            return False
        if not isinstance(found, dict) or not found.get("applies"):
            return False
        dispatcher.utter_message(text=found["text"])
        send_meta(dispatcher, tracker, sources=found["sources"])
        return True
