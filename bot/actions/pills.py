""""What is this pill?": the gateway reads the description and searches MFDS 낱알식별.

What the user said about the pill is kept (``pill_description``) while the assistant asks
for the imprint, so "a white round pill" then "it says IDG" is one search.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import language, refused_on_hr_channel, send_meta
from bot.actions.gateway_client import GatewayClient, GatewayError
from bot.actions.medicine import offer_pharmacist
from bot.actions.wording import say


class ActionIdentifyPill(Action):
    def name(self) -> str:
        return "action_identify_pill"

    def __init__(self, client: GatewayClient | None = None) -> None:
        self._client = client

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        if refused_on_hr_channel(dispatcher, tracker, lang):
            return []
        message = tracker.latest_message.get("text") or ""
        earlier = tracker.get_slot("pill_description") or ""
        description = f"{earlier} {message}".strip()[:1000]
        try:
            found = (self._client or GatewayClient()).post(
                "/v1/pills/identify", {"text": description, "language": lang})
        except GatewayError:
            offer_pharmacist(dispatcher, say("library_unreachable", lang), lang)
            send_meta(dispatcher, tracker, gap="unavailable")
            return [SlotSet("offered_pharmacist", True)]
        assert isinstance(found, dict)
        dispatcher.utter_message(text=found["text"])
        send_meta(dispatcher, tracker, sources=found["sources"],
                  gap=None if found["candidates"] or not found["imprint"] else "not_covered")
        waiting = "imprint" in found["ask_for"] and not found["imprint"]
        return [SlotSet("pill_description", description if waiting else None)]
