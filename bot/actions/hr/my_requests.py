"""The employee's own leave: balances, the list of requests, cancelling one."""

from __future__ import annotations

import re
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values, intent_name
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


CONFIRM_CANCEL = "confirm_cancel:"  # hr_pending_choice while "cancel this request?" is open


def confirming_cancel(tracker: Tracker) -> int | None:
    """The request "cancel this request?" asks about, if that question is open."""
    pending = str(tracker.get_slot("hr_pending_choice") or "")
    number = pending.removeprefix(CONFIRM_CANCEL)
    return int(number) if pending.startswith(CONFIRM_CANCEL) and number.isdigit() else None


# How "cancel this request?" is answered when the NLU reads the answer as "stop" or as a
# cancel request: a no ("don't", "keep it", "never mind", "그대로") wins over a yes.
_CANCEL_NO = re.compile(r"\b(?:don'?t|do not|keep|no|nope|never ?mind|forget it|wait)\b|"
                        r"하지 ?마|말아|그대로|유지|아니|됐어|그만|잠깐", re.IGNORECASE)
_YES = r"\b(?:yes|yeah|yep|sure|ok(?:ay)?|please)\b|네|넵|예|응|ㅇㅇ"
_CANCEL_YES = re.compile(_YES + r"|\b(?:cancel|withdraw)\b|취소", re.IGNORECASE)
_PLAIN_YES = re.compile(_YES, re.IGNORECASE)


def answers_yes_to_cancel(tracker: Tracker) -> bool:
    """"Cancel this request?": "cancel it" (read as ``stop`` or as a cancel request) is a yes."""
    return _answers_yes(tracker, _CANCEL_YES)


def answers_yes_to_filing(tracker: Tracker) -> bool:
    """"Shall I ask HR for this?": "cancel", "never mind" (``stop``) are a no."""
    return intent_name(tracker) != "stop" and _answers_yes(tracker, _PLAIN_YES)


def _answers_yes(tracker: Tracker, yes: re.Pattern[str]) -> bool:
    intent = intent_name(tracker)
    if intent in ("affirm", "deny"):
        return intent == "affirm"
    text = tracker.latest_message.get("text") or ""
    return not _CANCEL_NO.search(text) and bool(yes.search(text))


class ActionHrCancelLeave(HrAction):
    def name(self) -> str:
        return "action_hr_cancel_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        ids = request_ids(tracker)
        if not ids and (pending := confirming_cancel(tracker)) is not None:
            if not answers_yes_to_cancel(tracker):  # "don't cancel it"
                dispatcher.utter_message(text=hr.say("hr_cancel_kept", id=pending))
                return [SlotSet("hr_pending_choice", None)]
            ids = [pending]  # "yes cancel it" to "cancel this request?"
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
        if len(candidates) == 1:  # found by its dates or type: asked before it goes
            dispatcher.utter_message(
                text="\n".join([hr.say("hr_cancel_confirm"), hr.request_line(candidates[0])]),
                buttons=[{"title": hr.say("hr_cancel_yes"), "payload": "/affirm"},
                         {"title": hr.say("hr_cancel_no"), "payload": "/deny"}])
            return [SlotSet("hr_pending_choice", f"{CONFIRM_CANCEL}{candidates[0]['id']}")]
        dispatcher.utter_message(text="\n".join(
            [hr.say("hr_cancel_which"), *(hr.request_line(r) for r in candidates[:MAX_LISTED])]))
        return [SlotSet("hr_pending_choice", "cancel")]
