"""Emergencies and the human handoff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import language, send_meta
from bot.actions.gateway_client import GatewayClient, GatewayError
from bot.actions.wording import say


class ActionEmergency(Action):
    """Always the emergency message, never a leaflet answer.

    The gateway's emergency check answers the emergencies it recognises before the dialogue
    sees them; this action answers the ones the NLU's ``emergency`` intent caught instead,
    with the gateway's wording (``POST /v1/safety/emergency-reply``: the region's numbers,
    the category's advice, an open branch's phone). If the gateway cannot be reached the
    reply is still the emergency number.
    """

    def name(self) -> str:
        return "action_emergency"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message.get("text") or ""  # capped by the gateway's chat
        lang = language(tracker)
        try:
            reply = GatewayClient().post("/v1/safety/emergency-reply",
                                         {"message": message, "language": lang})
            text = str(reply.get("text") or "") if isinstance(reply, dict) else ""
        except GatewayError:
            text = ""
        dispatcher.utter_message(text=text or say("emergency_unreachable", lang))
        send_meta(dispatcher, tracker, emergency=True)
        return [SlotSet("topic", None)]


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        dispatcher.utter_message(text=say("handoff", lang))
        send_meta(dispatcher, tracker, handoff=True)
        return [SlotSet("offered_pharmacist", False)]
