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
from bot.actions.gateway_client import GatewayClient, GatewayError
from bot.actions.wording import MESSAGES, say

PERSON_FIELDS = ("age_years", "age_months", "pregnant", "breastfeeding", "elderly")
CHILD_UNTIL_YEARS = 12
# Without an age, a weight under this is a child's (the charts' heaviest child row is 95 lbs).
CHILD_UNDER_KG = 40
# A medicine question about an animal gets "ask a vet", never a human dose.
ANIMAL = re.compile(r"\b(?:dogs?|puppy|puppies|cats?|kittens?|pets?|rabbits?|hamsters?|"
                    r"parrots?|horses?)\b|강아지|고양이|반려견|반려묘|반려동물|애완|댕댕이|냥이")


def pharmacist_button(lang: str) -> dict:
    return {"title": MESSAGES["ask_pharmacist_button"][lang], "payload": "/request_pharmacist"}


def offer_pharmacist(dispatcher: CollectingDispatcher, message: str, lang: str) -> None:
    dispatcher.utter_message(text=message, buttons=[pharmacist_button(lang)])


_FOR_CHILDREN = re.compile(r"^(?:children'?s?|kids?'?|infants?'?|junior|어린이|키즈)$", re.I)


def joined_names(names: list[str]) -> list[str]:
    """NLU may tag "children's" apart from the brand after it: "children's" + "zyrtec" →
    "children's zyrtec"; a lone "children's" is no medicine."""
    joined: list[str] = []
    for name in names:
        if joined and _FOR_CHILDREN.match(joined[-1]):
            joined[-1] = f"{joined[-1]} {name}"
        else:
            joined.append(name)
    return [n for n in joined if not _FOR_CHILDREN.match(n)]


_FOLLOW_UP = re.compile(r"^\s*(?:and|what about|how about|same (?:question )?for|ok(?:ay)?,? and)\b"
                        r"|(?:은요|는요|도요|은\s*어때요|는\s*어때요)\s*[?？!.]*\s*$", re.I)


def mentioned_medicines(tracker: Tracker) -> list[str]:
    """The medicines the gateway found in this message (``metadata.medication_check``)."""
    context = metadata(tracker).get("medication_check") or {}
    return [str(name) for name in context.get("medicines") or [] if name][:5]


def is_follow_up(message: str) -> bool:
    """"what about zyrtec?", "and for tylenol?", "게보린은요?": same question, another product."""
    return bool(_FOLLOW_UP.search(message)) and len(message.split()) <= 6


def age_in_years(meta: dict) -> int | None:
    """The age the gateway read in this message ("my 8 year old", "5살"), in whole years."""
    person = (meta.get("medication_check") or {}).get("person") or {}
    if person.get("age_years") is not None:
        return int(person["age_years"])
    if person.get("age_months") is not None:
        return int(person["age_months"]) // 12
    return None


def weight_in_kg(meta: dict) -> float | None:
    """The body weight the gateway read in this conversation ("20 kg", "20키로", "44 lbs")."""
    person = (meta.get("medication_check") or {}).get("person") or {}
    weight = person.get("weight_kg")
    return float(weight) if isinstance(weight, int | float) else None


def childrens_product(client: GatewayClient, name: str) -> str:
    """For a child, the brand's children's product when we hold one ("tylenol" → "children's
    tylenol"); the name as given otherwise."""
    if re.search(r"child|infant|kid|어린이|키즈", name, re.I):
        return name
    candidate = f"children's {name}"
    resolved = client.resolve_medicine(candidate)
    matched = str(resolved.get("matched") or "").lower()
    return candidate if resolved.get("known") and "child" in matched else name


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
        # the gateway's name finder (the one the DUR checks use, every catalogue and Korean
        # product name) first; the NLU's entities when it found none
        named = mentioned_medicines(tracker) or joined_names(entity_values(tracker, "medicine"))
        # the NLU's topics are hints: the gateway keeps those it knows ("day" is not one)
        topics = entity_values(tracker, "topic")
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
        # "how much for my 8 year old?" about one medicine: the gateway says it does not
        # apply (the leaflet's row for that age answers)
        question = (tracker.latest_message.get("text") or "")[:1000]
        answer = self.client.post("/v1/medicines/answer",
                                  {"medicines": names[:20], "language": lang,
                                   "question": question, **person})
        if not isinstance(answer, dict) or not answer.get("applies"):
            return None
        if len(named) < 2 and not answer.get("findings") and not person:
            return None  # one medicine, nothing against what they take: answer as usual
        dispatcher.utter_message(text=answer["text"], buttons=[pharmacist_button(lang)])
        send_meta(dispatcher, tracker, sources=answer["sources"])
        return [SlotSet("medicine", named[0]), SlotSet("topic", None),
                SlotSet("offered_pharmacist", True)]

    def _suggest(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
                 message: str, previous_generic: str | None) -> list[EventType] | None:
        """"What can I take for …?" (no medicine named): OTC products whose leaflets cover
        it, from the gateway; None when the message is not such a question."""
        found = self.client.post("/v1/medicines/suggest", {
            "text": message[:1000], "language": lang,
            "about_a_medicine": bool(previous_generic)})
        if not isinstance(found, dict) or not found.get("applies"):
            return None
        events: list[EventType] = [SlotSet("medicine", None), SlotSet("medicine_generic", None),
                                   SlotSet("topic", None), SlotSet("offered_pharmacist", True)]
        if not found.get("products"):  # nothing we hold fits: the gateway says so
            offer_pharmacist(dispatcher, found["text"], lang)
            send_meta(dispatcher, tracker, gap="no_product_for_symptom")
            return events
        dispatcher.utter_message(text=found["text"], buttons=[pharmacist_button(lang)])
        send_meta(dispatcher, tracker, sources=found["sources"])
        return events

    def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, lang: str,
                message: str, named: list[str], topics: list[str],
                previous_generic: str | None, previous_topic: str | None) -> list[EventType]:
        """The gateway answers from the leaflet (``/v1/medicines/leaflet-answer``: whether we
        hold the medicine, the topic, the search, the threshold, the quote); this keeps the
        conversation: the medicine carried from earlier turns, a child's product, the slots."""
        client = self.client
        if not named:
            suggested = self._suggest(dispatcher, tracker, lang, message, previous_generic)
            if suggested is not None:
                return suggested
        medicine = tracker.get_slot("medicine") if not named else named[0]
        age = age_in_years(metadata(tracker))
        weight = weight_in_kg(metadata(tracker))
        child = (age is not None and age < CHILD_UNTIL_YEARS) or (
            age is None and weight is not None and weight < CHILD_UNDER_KG)
        if named and child:
            medicine = named[0] = childrens_product(client, named[0])
        query = message if named or not medicine else f"{medicine}: {message}"
        found = client.post("/v1/medicines/leaflet-answer", {
            "question": query[:1000], "medicine": medicine[:100] if medicine else None,
            "language": lang, "topic_hints": [t[:40] for t in topics[:10]],
            "previous_topic": previous_topic[:40] if previous_topic else None,
            "previous_generic": previous_generic[:2000] if previous_generic else None,
            "follow_up": is_follow_up(message),
            "age_years": age, "weight_kg": weight})
        if not isinstance(found, dict):
            raise GatewayError("unexpected leaflet answer")
        status = found.get("status")
        events: list[EventType] = [SlotSet("medicine", found.get("medicine")),
                                   SlotSet("medicine_generic", found.get("generic")),
                                   SlotSet("topic", found.get("topic"))]
        if status == "no_medicine":
            dispatcher.utter_message(text=say("which_medicine", lang))
            send_meta(dispatcher, tracker, gap="no_medicine")
            return events
        if status in ("not_covered", "not_sure"):
            offer_pharmacist(dispatcher, found["text"], lang)
            send_meta(dispatcher, tracker,
                      gap="not_covered" if status == "not_covered" else "low_confidence")
            return [*events, SlotSet("offered_pharmacist", True)]
        dispatcher.utter_message(text=found["text"])
        send_meta(dispatcher, tracker, sources=found.get("sources") or [])
        return [*events, SlotSet("offered_pharmacist", False)]
