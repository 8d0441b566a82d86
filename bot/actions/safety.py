"""Emergencies and the human handoff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import language, send_meta
from bot.actions.config import get_config
from bot.actions.wording import say
from safety import RedFlag, detect_red_flag, emergency_message


class ActionEmergency(Action):
    """Always the emergency message, never a leaflet answer."""

    def name(self) -> str:
        return "action_emergency"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        message = tracker.latest_message.get("text") or ""
        flag = detect_red_flag(message) or RedFlag("unspecified", language(tracker), "")
        dispatcher.utter_message(text=emergency_message(flag, get_config().region))
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
