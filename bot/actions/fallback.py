"""Two-stage fallback with readable choices, and the last-resort reply."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import channel, language, send_meta
from bot.actions.medicine import pharmacist_button
from bot.actions.wording import INTENT_LABELS, say


class ActionAskAffirmation(Action):
    """First stage: "Did you mean …?" with the top intents as buttons."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        ranking = tracker.latest_message.get("intent_ranking", [])
        candidates = [r["name"] for r in ranking if r["name"] in INTENT_LABELS][:2]
        buttons = [{"title": INTENT_LABELS[name][lang], "payload": f"/{name}"}
                   for name in candidates]
        buttons.append({"title": say("something_else", lang), "payload": "/out_of_scope"})
        dispatcher.utter_message(
            text=say("did_you_mean", lang),
            buttons=buttons)
        return []


class ActionDefaultFallback(Action):
    """Second failure: say what I can do, offer a pharmacist, and log the gap."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        if channel(tracker) == "hr":
            dispatcher.utter_message(text=say("hr_out_of_scope", lang))
        else:
            dispatcher.utter_message(
                text=say("cannot_help", lang), buttons=[pharmacist_button(lang)])
        send_meta(dispatcher, tracker, gap="fallback")
        return [UserUtteranceReverted()]


class ActionOutOfScope(Action):
    """Outside what the assistant does: says what it does, on the consumer app or on the
    employees' HR channel (whose employees get the HR helpdesk, not the pharmacy's list)."""

    def name(self) -> str:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        key = "hr_out_of_scope" if channel(tracker) == "hr" else "out_of_scope"
        dispatcher.utter_message(text=say(key, language(tracker)))
        send_meta(dispatcher, tracker)
        return []
