"""Managers: their reports' pending requests, approving and declining them."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values
from bot.actions.gateway_client import GatewayRefused
from bot.actions.hr.context import (
    ALL_WORDS,
    LEAVE_TYPES,
    MAX_LISTED,
    Hr,
    HrAction,
    dates_named,
    overlaps,
    request_ids,
)


class ActionHrTeamRequests(HrAction):
    def name(self) -> str:
        return "action_hr_team_requests"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        if not hr.client.get("/v1/hr/me").get("direct_reports"):
            dispatcher.utter_message(text=hr.say("hr_not_manager"))
            return [SlotSet("hr_pending_choice", None)]
        pending = hr.client.get("/v1/hr/team/requests", {"status": "pending"})
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        if wanted:
            pending = [r for r in pending if r["leave_type"] in wanted]
        if not pending:
            dispatcher.utter_message(text=hr.say("hr_team_empty"))
            return [SlotSet("hr_pending_choice", None)]
        lines = [hr.say("hr_team_header"), *(hr.team_line(r) for r in pending[:MAX_LISTED])]
        lines.append(hr.say("hr_team_hint", id=pending[0]["id"]))
        dispatcher.utter_message(text="\n".join(lines))
        return [SlotSet("hr_pending_choice", None)]


def decide_one(dispatcher: CollectingDispatcher, hr: Hr, request_id: int,
               approve: bool) -> bool:
    verb = "approve" if approve else "decline"
    try:
        decided = hr.client.post(f"/v1/hr/team/requests/{request_id}/{verb}")
    except GatewayRefused as error:
        if error.status_code >= 500:
            raise
        if error.status_code == 404 and hr.lang == "en":
            reason = f"request #{request_id} is not a request from one of your direct reports."
        else:
            reason = hr.reason(error)
        dispatcher.utter_message(text=hr.say("hr_refused", reason=reason))
        hr.gap = error.code or "refused"
        return False
    dispatcher.utter_message(text=hr.say(
        "hr_approved" if approve else "hr_declined", id=decided["id"],
        name=hr.name(decided["employee"]), type=hr.kind(decided), dates=hr.when(decided)))
    return True


def _pending_of(hr: Hr, people: list[str]) -> list[dict]:
    """Pending requests of the manager's reports; with names, of the people they name (the
    gateway matches names, any spelling, as its directory does)."""
    if not people:
        return hr.client.get("/v1/hr/team/requests", {"status": "pending"})
    found: dict[int, dict] = {}
    for person in people:
        for request in hr.client.get("/v1/hr/team/requests",
                                     {"status": "pending", "name": person[:100]}):
            found[request["id"]] = request
    return sorted(found.values(), key=lambda r: (r["start_date"], r["id"]))


class _ActionHrDecide(HrAction):
    approve = True

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        ids = request_ids(tracker)
        if ids:
            for request_id in ids:
                decide_one(dispatcher, hr, request_id, self.approve)
            return [SlotSet("hr_pending_choice", None)]
        pending = _pending_of(hr, entity_values(tracker, "person"))
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        if wanted:
            pending = [r for r in pending if r["leave_type"] in wanted]
        named = dates_named(tracker, hr)
        if named:
            pending = [r for r in pending if overlaps(r, *named)]
        text = f" {(tracker.latest_message.get('text') or '').lower()} "
        if not pending:
            dispatcher.utter_message(text=hr.say("hr_decide_nothing"))
            return [SlotSet("hr_pending_choice", None)]
        if len(pending) == 1 or any(word in text for word in ALL_WORDS):
            for request in pending:
                decide_one(dispatcher, hr, request["id"], self.approve)
            return [SlotSet("hr_pending_choice", None)]
        dispatcher.utter_message(text="\n".join(
            [hr.say("hr_decide_which"), *(hr.team_line(r) for r in pending[:MAX_LISTED])]))
        return [SlotSet("hr_pending_choice", "approve" if self.approve else "decline")]


class ActionHrApproveLeave(_ActionHrDecide):
    approve = True

    def name(self) -> str:
        return "action_hr_approve_leave"


class ActionHrDeclineLeave(_ActionHrDecide):
    approve = False

    def name(self) -> str:
        return "action_hr_decline_leave"
