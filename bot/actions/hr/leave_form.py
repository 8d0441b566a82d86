"""Requesting leave: the gate, the form's validation, the confirmation, the submission."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import send_meta
from bot.actions.gateway_client import GatewayError, GatewayRefused
from bot.actions.hr.context import (
    LEAVE_SLOTS,
    Hr,
    HrAction,
    hr_context,
    hr_language,
    leave_type_from_text,
    seoul_today,
    verified_hr,
)
from bot.actions.wording import say


def reset_request() -> list[EventType]:
    return [SlotSet(name, None) for name in LEAVE_SLOTS]


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


class ValidateLeaveRequestForm(FormValidationAction):
    def name(self) -> str:
        return "validate_leave_request_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if hr_context(dispatcher, tracker) is None:
            return [ActiveLoop(None), SlotSet("requested_slot", None), *reset_request()]
        events = await super().run(dispatcher, tracker, domain)
        if dispatcher.messages:
            send_meta(dispatcher, tracker)
        return events

    def validate_leave_type(self, value: Any, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        leave_type = leave_type_from_text(str(value or ""))
        if leave_type is None:
            dispatcher.utter_message(text=say("hr_type_unclear", hr_language(tracker)))
        return {"leave_type": leave_type}

    def validate_leave_dates(self, value: Any, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        hr = verified_hr(tracker)
        assert hr is not None  # run() refused otherwise
        text = str(value or "").strip()
        invalid = {"leave_dates": None, "leave_start": None, "leave_end": None,
                   "leave_days": None}
        try:
            parsed = hr.client.post("/v1/hr/leave/parse-dates",
                                    {"text": text[:200], "language": hr.lang})
        except GatewayRefused as error:
            if error.status_code != 422:
                raise
            dispatcher.utter_message(text=hr.say("hr_dates_unclear", reason=hr.reason(error)))
            return invalid
        except GatewayError:
            dispatcher.utter_message(text=hr.say("hr_unavailable"))
            return invalid
        start, end = parsed["start_date"], parsed["end_date"]
        dates = hr.dates(start, end)
        if date.fromisoformat(start) < seoul_today():
            dispatcher.utter_message(text=hr.say("hr_dates_past", dates=dates))
            return invalid
        if not parsed["working_days"]:
            dispatcher.utter_message(text=hr.say("hr_dates_no_working_days", dates=dates))
            return invalid
        return {"leave_dates": text, "leave_start": start, "leave_end": end,
                "leave_days": float(parsed["working_days"])}


class ActionHrConfirmLeave(HrAction):
    def name(self) -> str:
        return "action_hr_confirm_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        leave_type = tracker.get_slot("leave_type")
        start, end = tracker.get_slot("leave_start"), tracker.get_slot("leave_end")
        if not (leave_type and start and end):
            dispatcher.utter_message(text=hr.say("hr_dates_unclear", reason="?"))
            return reset_request()
        dispatcher.utter_message(
            text=hr.say("hr_confirm", type=hr.leave_type(leave_type), dates=hr.dates(start, end),
                        days=hr.days(tracker.get_slot("leave_days") or 0)),
            buttons=[{"title": hr.say("hr_confirm_yes"), "payload": "/affirm"},
                     {"title": hr.say("hr_confirm_no"), "payload": "/deny"}])
        return []


class ActionHrSubmitLeave(HrAction):
    def name(self) -> str:
        return "action_hr_submit_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        leave_type = tracker.get_slot("leave_type")
        start, end = tracker.get_slot("leave_start"), tracker.get_slot("leave_end")
        if not (leave_type and start and end):
            dispatcher.utter_message(text=hr.say("hr_aborted"))
            return reset_request()
        try:
            created = hr.client.post("/v1/hr/leave/requests", {
                "leave_type": leave_type, "start_date": start, "end_date": end})
        except GatewayRefused as error:
            if error.status_code >= 500:
                raise
            dispatcher.utter_message(text=hr.say("hr_refused", reason=hr.reason(error)))
            hr.gap = error.code or "refused"
            return reset_request()
        year = date.fromisoformat(start).year
        manager = hr.say("hr_your_manager")
        try:
            me = hr.client.get("/v1/hr/me")
            if me.get("manager"):
                manager = hr.name(me["manager"])
        except GatewayError:
            pass
        remaining = hr.remaining(leave_type, year)
        dispatcher.utter_message(text=hr.say(
            "hr_submitted", id=created["id"], type=hr.leave_type(leave_type),
            dates=hr.dates(start, end), days=hr.days(created["days"]), manager=manager,
            remaining="?" if remaining is None else remaining, year=year))
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
