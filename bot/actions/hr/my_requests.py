"""The employee's own leave: balances, the list of requests, cancelling one."""

from __future__ import annotations

from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values
from bot.actions.gateway_client import GatewayRefused
from bot.actions.hr.context import (
    LEAVE_TYPES,
    MAX_LISTED,
    Hr,
    HrAction,
    dates_named,
    overlaps,
    request_ids,
    seoul_today,
)


class ActionHrBalance(HrAction):
    def name(self) -> str:
        return "action_hr_balance"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        body = hr.balance()
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        rows = sorted(body["balances"], key=lambda b: b["leave_type"] not in wanted)
        lines = [hr.say("hr_balance_header", year=body["year"])]
        lines += [hr.say("hr_balance_line", type=hr.leave_type(b["leave_type"]),
                         remaining=hr.number(b["remaining"]),
                         entitled=hr.number(b["entitled"]), used=hr.number(b["used"]),
                         pending=hr.number(b["pending"])) for b in rows]
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionHrListLeave(HrAction):
    def name(self) -> str:
        return "action_hr_list_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        requests = hr.client.get("/v1/hr/leave/requests")
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        if wanted:
            requests = [r for r in requests if r["leave_type"] in wanted]
        if not requests:
            dispatcher.utter_message(text=hr.say("hr_list_empty"))
            return []
        today = seoul_today().isoformat()
        # upcoming first (soonest first), then the most recent past ones
        upcoming = [r for r in requests if r["end_date"] >= today]
        past = sorted((r for r in requests if r["end_date"] < today),
                      key=lambda r: r["start_date"], reverse=True)
        shown = (upcoming + past)[:MAX_LISTED]
        dispatcher.utter_message(text="\n".join(
            [hr.say("hr_list_header"), *(hr.request_line(r) for r in shown)]))
        return []


def cancel_one(dispatcher: CollectingDispatcher, hr: Hr, request_id: int) -> bool:
    try:
        cancelled = hr.client.delete(f"/v1/hr/leave/requests/{request_id}")
    except GatewayRefused as error:
        if error.status_code >= 500:
            raise
        dispatcher.utter_message(text=hr.say("hr_refused", reason=hr.reason(error)))
        hr.gap = error.code or "refused"
        return False
    year = date.fromisoformat(cancelled["start_date"]).year
    if cancelled["leave_type"] not in LEAVE_TYPES:  # family event leave: no balance to show
        dispatcher.utter_message(text=hr.say(
            "hr_cancelled_no_balance", id=cancelled["id"], type=hr.kind(cancelled),
            dates=hr.when(cancelled)))
        return True
    remaining = hr.remaining(cancelled["leave_type"], year)
    dispatcher.utter_message(text=hr.say(
        "hr_cancelled", id=cancelled["id"], type=hr.leave_type(cancelled["leave_type"]),
        dates=hr.when(cancelled), remaining="?" if remaining is None else remaining,
        year=year))
    return True


class ActionHrCancelLeave(HrAction):
    def name(self) -> str:
        return "action_hr_cancel_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        ids = request_ids(tracker)
        if ids:
            for request_id in ids:
                cancel_one(dispatcher, hr, request_id)
            return [SlotSet("hr_pending_choice", None)]
        today = seoul_today().isoformat()
        candidates = [r for r in hr.client.get("/v1/hr/leave/requests")
                      if r["status"] in ("pending", "approved") and r["start_date"] >= today]
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        if wanted:
            candidates = [r for r in candidates if r["leave_type"] in wanted]
        named = dates_named(tracker, hr)
        if named:
            candidates = [r for r in candidates if overlaps(r, *named)]
        if not candidates:
            dispatcher.utter_message(text=hr.say("hr_cancel_none"))
            return [SlotSet("hr_pending_choice", None)]
        if len(candidates) == 1:
            cancel_one(dispatcher, hr, candidates[0]["id"])
            return [SlotSet("hr_pending_choice", None)]
        dispatcher.utter_message(text="\n".join(
            [hr.say("hr_cancel_which"), *(hr.request_line(r) for r in candidates[:MAX_LISTED])]))
        return [SlotSet("hr_pending_choice", "cancel")]
