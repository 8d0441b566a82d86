"""Answer medicine questions from the leaflets we hold — quoted, cited, never invented.

Context: the ``medicine`` slot keeps the last medicine named (as typed) and
``medicine_generic`` what it resolved to; ``topic`` keeps what was asked. A follow-up
without a name ("and for my 8 year old?") reuses the medicine; naming a different medicine
starts a new topic.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import (
    entity_values,
    language,
    metadata,
    refused_on_hr_channel,
    send_meta,
)
from bot.actions.config import get_config
from bot.actions.gateway_client import GatewayClient, GatewayError
from bot.actions.wording import MESSAGES, say
from replies import choose_passages, compose_leaflet_answer, not_covered_message, not_sure_message
from retrieval.topics import TOPIC_SECTIONS, detect_topics

PERSON_FIELDS = ("age_years", "age_months", "pregnant", "breastfeeding", "elderly")
# A medicine question about an animal gets "ask a vet", never a human dose.
ANIMAL = re.compile(r"\b(?:dogs?|puppy|puppies|cats?|kittens?|pets?|rabbits?|hamsters?|"
                    r"parrots?|horses?)\b|강아지|고양이|반려견|반려묘|반려동물|애완|댕댕이|냥이")


def pharmacist_button(lang: str) -> dict:
    return {"title": MESSAGES["ask_pharmacist_button"][lang], "payload": "/request_pharmacist"}


def offer_pharmacist(dispatcher: CollectingDispatcher, message: str, lang: str) -> None:
    dispatcher.utter_message(text=message, buttons=[pharmacist_button(lang)])


class ActionAnswerMedicine(Action):
    def name(self) -> str:
        return "action_answer_medicine"

    def __init__(self, client: GatewayClient | None = None) -> None:
        self._client = client

    @property
    def client(self) -> GatewayClient:
        return self._client or GatewayClient()

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        if refused_on_hr_channel(dispatcher, tracker, lang):
            return []
        message = tracker.latest_message.get("text") or ""
        if ANIMAL.search(message.lower()):
            offer_pharmacist(dispatcher, say("ask_a_vet", lang), lang)
            send_meta(dispatcher, tracker, gap="animal")
            return [SlotSet("offered_pharmacist", True)]
        named = entity_values(tracker, "medicine")
        # NLU may pass raw words ("day") when a span matched no synonym: keep known topics.
        topics = [t for t in entity_values(tracker, "topic") if t in TOPIC_SECTIONS]
        topics = topics or detect_topics(message)
        previous_generic = tracker.get_slot("medicine_generic")
        previous_topic = tracker.get_slot("topic")
        try:
            checked = self._medication_check(dispatcher, tracker, lang)
            if checked is not None:
                return checked
            return self._answer(dispatcher, tracker, lang, message, named, topics,
                                previous_generic, previous_topic)
        except GatewayError:
            offer_pharmacist(dispatcher, say("library_unreachable", lang), lang)
            send_meta(dispatcher, tracker, gap="unavailable")
            return [SlotSet("offered_pharmacist", True)]

    def _medication_check(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                          lang: str) -> list[EventType] | None:
        """Two medicines, or one and the person (pregnant, a child's age, 65+): Korea's DUR
        rules first (the gateway checks and words it, with the leaflets' passages on the
        point). One medicine checked only against what the person already takes, with no
        finding, gets the usual answer instead (``None``)."""
        context = metadata(tracker).get("medication_check") or {}
        named = list(context.get("medicines") or [])
        names = list(dict.fromkeys([*named, *(context.get("taking") or [])]))
        person = {k: v for k, v in (context.get("person") or {}).items()
                  if k in PERSON_FIELDS}
        if not named or not (len(names) >= 2 or person):
            return None
        answer = self.client.post("/v1/medicines/answer",
                                  {"medicines": names[:20], "language": lang, **person})
        if not isinstance(answer, dict) or not answer.get("applies"):
            return None
        if len(named) < 2 and not answer.get("findings") and not person:
            return None  # one medicine, nothing against what they take: answer as usual
        dispatcher.utter_message(text=answer["text"], buttons=[pharmacist_button(lang)])
        send_meta(dispatcher, tracker, sources=answer["sources"])
        return [SlotSet("medicine", named[0]), SlotSet("topic", None),
                SlotSet("offered_pharmacist", True)]

    def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
                message: str, named: list[str], topics: list[str],
                previous_generic: str | None, previous_topic: str | None) -> list[EventType]:
        client = self.client
        medicine = tracker.get_slot("medicine") if not named else named[0]
        generic = previous_generic
        if named:
            resolved = client.resolve_medicine(named[0])
            if not resolved["known"]:
                offer_pharmacist(dispatcher, not_covered_message(named[0], lang), lang)
                send_meta(dispatcher, tracker, gap="not_covered")
                return [SlotSet("medicine", named[0]), SlotSet("medicine_generic", None),
                        SlotSet("topic", topics[0] if topics else None),
                        SlotSet("offered_pharmacist", True)]
            generic = ", ".join(resolved["generics"])
        # a new medicine starts a new topic; a follow-up keeps the old one
        same_medicine = generic == previous_generic
        topic = topics[0] if topics else (previous_topic if same_medicine else None)
        query = message if named or not medicine else f"{medicine}: {message}"
        result = client.search(query, medicine=medicine, topic=topic)
        if result.medicines and not generic:
            generic = ", ".join(result.medicines[0]["generics"])
            medicine = medicine or result.medicines[0]["name"]
        events: list[EventType] = [SlotSet("medicine", medicine),
                                   SlotSet("medicine_generic", generic), SlotSet("topic", topic)]
        if not generic:
            dispatcher.utter_message(text=say("which_medicine", lang))
            send_meta(dispatcher, tracker, gap="no_medicine")
            return events
        if result.medicine_not_covered:
            offer_pharmacist(dispatcher, not_covered_message(medicine or generic, lang), lang)
            send_meta(dispatcher, tracker, gap="not_covered")
            return [*events, SlotSet("offered_pharmacist", True)]
        if not result.hits or result.confidence < get_config().min_confidence:
            offer_pharmacist(dispatcher, not_sure_message(lang, medicine), lang)
            send_meta(dispatcher, tracker, gap="low_confidence")
            return [*events, SlotSet("offered_pharmacist", True)]
        chosen = choose_passages(result.hits)
        dispatcher.utter_message(text=compose_leaflet_answer(result.hits, lang))
        send_meta(dispatcher, tracker, sources=chosen)
        return [*events, SlotSet("offered_pharmacist", False)]
