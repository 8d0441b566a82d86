"""Requesting leave: the gate, the form that reads every message, the questions it asks, the
confirmation and the submission (the request itself: :mod:`bot.actions.hr.leave_draft`).

While the form is active, each message goes to the gateway's reader (``POST
/v1/hr/leave/read``) and whatever it says fills or corrects the request. A message with
nothing for the form is left to the rules: a question (balance, handbook, directory …) is
answered and the form asks again for what it still needs; "cancel", "never mind", "취소" or
a plain "no" stop it and nothing is stored. An answer that fits no question ("yes" to "which
kind of leave?") is asked again with buttons. Only a yes to the confirmation stores it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import entity_values, intent_name, send_meta
from bot.actions.gateway_client import GatewayError, GatewayRefused
from bot.actions.hr.context import Hr, HrAction, hr_context
from bot.actions.hr.leave_draft import FORM, LEAVE_TYPES, PARTS, SLOTS, LeaveDraft

# Intents the form leaves to their own rules: questions are answered and the form resumes;
# the others stop the form.
QUESTIONS = frozenset({"hr_policy", "hr_directory", "hr_leave_balance", "hr_list_leave",
                       "hr_benefit_points", "hr_team_requests", "emergency",
                       "request_pharmacist", "bot_challenge", "greet", "thank", "out_of_scope",
                       "feedback"})
STOPS = frozenset({"stop", "hr_cancel_leave", "goodbye"})
# Small talk the NLU may hear in a form answer ("morning pls" as a greeting, "sorry my bad,
# afternoon not morning"): the form reads the message first, and leaves it to the small
# talk's rule only when it says nothing about the leave.
SMALL_TALK = frozenset({"greet", "thank", "out_of_scope"})
# A yes the NLU may read as another intent ("네 신청해 주세요" reads like a leave request);
# only asked at the confirmation, where nothing else could be meant.
_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|ok(?:ay)?|please do|go ahead|confirm|correct|"
                  r"that'?s right|right|submit|네|넵|예|응|ㅇㅇ|좋아요|맞아요|그래|그걸로|"
                  r"신청해)", re.IGNORECASE)
# Actions that may run between the user's message and the form without answering it.
_NOT_AN_ANSWER = frozenset({"action_listen", "action_extract_slots", "action_session_start",
                            FORM, f"validate_{FORM}", "action_hr_start_leave"})


def reset_request() -> list[EventType]:
    return [SlotSet(name, None) for name in SLOTS]


def stop_form() -> list[EventType]:
    return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_request()]


def resumed(tracker: Tracker) -> bool:
    """Whether another action already answered the latest message (a question asked while
    the form waited): the form then only asks again for what it still needs."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") not in _NOT_AN_ANSWER:
            return True
    return False


def payload_reading(tracker: Tracker) -> dict[str, Any]:
    """What a button press says (``/inform{"leave_part": "pm"}``), in the reader's terms."""
    reading: dict[str, Any] = {}
    for value in entity_values(tracker, "leave_type"):
        if value in LEAVE_TYPES:
            reading["leave_type"] = value
    for value in entity_values(tracker, "leave_part"):
        if value in PARTS:
            reading["part"] = value
    for value in entity_values(tracker, "leave_event"):
        reading["leave_type"], reading["event"] = "family_event", value
    reading["found_anything"] = bool(reading)
    return reading


def read_message(hr: Hr, tracker: Tracker, draft: LeaveDraft) -> dict[str, Any]:
    text = (tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith("/"):
        return payload_reading(tracker)
    asked = tracker.get_slot("requested_slot")
    return hr.read_leave(text, near=draft.start,
                         asked="event" if asked == "leave_event" else None)


class ActionHrStartLeave(HrAction):
    """The gate before leave_request_form: the form only starts on the HR channel."""

    def name(self) -> str:
        return "action_hr_start_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        return [SlotSet("hr_verified", True), SlotSet("hr_pending_choice", None),
                *reset_request()]

    def refused_events(self) -> list[EventType]:
        return [SlotSet("hr_verified", False)]


class ValidateLeaveRequestForm(Action):
    """Reads every message the form receives and decides what to ask next."""

    def name(self) -> str:
        return f"validate_{FORM}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        hr = hr_context(dispatcher, tracker)
        if hr is None:
            return stop_form()
        before = LeaveDraft.from_slots(tracker.get_slot)
        if resumed(tracker):
            return [SlotSet("requested_slot", before.next_slot())]
        intent = intent_name(tracker)
        if intent in STOPS or (intent in QUESTIONS and intent not in SMALL_TALK):
            return []  # nothing for the form: its rule answers (or stops the form)
        try:
            reading = read_message(hr, tracker, before)
        except GatewayError:
            dispatcher.utter_message(text=hr.say("hr_unavailable"))
            send_meta(dispatcher, tracker, gap="unavailable")
            return stop_form()
        if intent in SMALL_TALK and not reading.get("found_anything"):
            return []  # small talk only: its rule answers, then the form asks again
        draft = before.apply(reading, tracker.latest_message.get("text") or "")
        events = self.decide(dispatcher, tracker, hr, before, draft, reading)
        if events is None:
            return []
        if dispatcher.messages:
            send_meta(dispatcher, tracker)
        return events

    @staticmethod
    def decide(dispatcher: CollectingDispatcher, tracker: Tracker, hr: Hr,
               before: LeaveDraft, draft: LeaveDraft,
               reading: dict[str, Any]) -> list[EventType] | None:
        """The slot events for this message, or None to leave it to the rules."""
        for note in draft.notes:
            dispatcher.utter_message(text=hr.say(note, reason=reading.get("date_error") or ""))
        unclear = float(tracker.get_slot("leave_unclear") or 0)
        intent = intent_name(tracker)
        if reading.get("found_anything"):
            events: list[EventType] = [SlotSet(name, value)
                                       for name, value in draft.changed(before).items()]
        elif tracker.get_slot("requested_slot") == "leave_confirmed" and (
                intent == "affirm" or _YES.match(tracker.latest_message.get("text") or "")):
            draft = replace(draft, confirmed=True)
            events = [SlotSet("leave_confirmed", True)]
        elif intent == "deny":
            return None  # a plain "no": the rule stops the form
        elif not tracker.active_loop.get("name"):
            events = []  # "I'd like to take leave": the form just starts asking
        else:
            dispatcher.utter_message(text=hr.say("hr_form_unclear"))
            events = []
        if not any(isinstance(e, dict) and e.get("name") != "requested_slot" for e in events):
            events.append(SlotSet("leave_unclear", unclear + 1))  # asked again, not rejected
        events.append(SlotSet("requested_slot", None if draft.confirmed else draft.next_slot()))
        return events


class ActionAskLeaveConfirmed(HrAction):
    """The confirmation: exactly what will be stored, who approves it, yes or no."""

    def name(self) -> str:
        return "action_ask_leave_confirmed"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        draft = LeaveDraft.from_slots(tracker.get_slot)
        if draft.next_slot() != "leave_confirmed":
            return []
        request = {**draft.request_body(), "block_start": draft.block_start}
        dispatcher.utter_message(
            text=hr.say("hr_confirm", type=hr.kind(request), dates=hr.when(request),
                        days=hr.days(draft.days), approver=approver(hr)),
            buttons=[{"title": hr.say("hr_confirm_yes"), "payload": "/affirm"},
                     {"title": hr.say("hr_confirm_no"), "payload": "/deny"}])
        return []


class ActionAskLeaveEvent(HrAction):
    """Which family event: the gateway's events, as buttons."""

    def name(self) -> str:
        return "action_ask_leave_event"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        events = hr.client.get("/v1/hr/leave/family-events")["events"]
        label = "label_ko" if hr.lang == "ko" else "label_en"
        dispatcher.utter_message(text=hr.say("hr_ask_event"), buttons=[
            {"title": hr.say("hr_event_button", event=e[label], days=hr.days(e["days"])),
             "payload": f'/inform{{"leave_event": "{e["event"]}"}}'} for e in events])
        return []


def approver(hr: Hr) -> str:
    """The employee's manager by name, or "your manager"."""
    try:
        me = hr.client.get("/v1/hr/me")
    except GatewayError:
        return hr.say("hr_your_manager")
    return hr.name(me["manager"]) if me.get("manager") else hr.say("hr_your_manager")


class ActionHrSubmitLeave(HrAction):
    """Stores the confirmed request; never without the confirmation's yes."""

    def name(self) -> str:
        return "action_hr_submit_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        draft = LeaveDraft.from_slots(tracker.get_slot)
        if not draft.confirmed or draft.next_slot() != "leave_confirmed":
            dispatcher.utter_message(text=hr.say("hr_aborted"))
            return reset_request()
        try:
            created = hr.client.post("/v1/hr/leave/requests", draft.request_body())
        except GatewayRefused as error:
            if error.status_code >= 500:
                raise
            dispatcher.utter_message(text=hr.say("hr_refused", reason=hr.reason(error)))
            hr.gap = error.code or "refused"
            return reset_request()
        year = int(created["start_date"][:4])
        remaining = (hr.remaining(created["leave_type"], year)
                     if created["leave_type"] != "family_event" else None)
        key = "hr_submitted" if remaining is not None else "hr_submitted_no_balance"
        dispatcher.utter_message(text=hr.say(
            key, id=created["id"], type=hr.kind(created), dates=hr.when(created),
            days=hr.days(created["days"]), manager=approver(hr), remaining=remaining or "",
            year=year))
        return reset_request()

    def unavailable_events(self) -> list[EventType]:
        return reset_request()


class ActionHrAbortLeave(HrAction):
    def name(self) -> str:
        return "action_hr_abort_leave"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        events = super().run(dispatcher, tracker, domain)
        if tracker.active_loop.get("name"):
            events = [ActiveLoop(None), SlotSet("requested_slot", None), *events]
        return events

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        dispatcher.utter_message(text=hr.say("hr_aborted"))
        return reset_request()

    def refused_events(self) -> list[EventType]:
        return reset_request()
