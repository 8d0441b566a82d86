"""HR actions: time off, team approvals, the staff directory and HR handbook answers.

Reachable only from the gateway's HR channel. The gateway verifies the employee's token and
puts ``channel: "hr"``, ``employee_id`` and a short-lived ``service_token`` in the message
metadata; every action here checks all three first and otherwise replies
``consumer_no_hr`` and does nothing else. The actions never touch the database: they call
the gateway's HR REST API with the service token, so the employee is always the one the
token names, whatever the message says, and the API enforces who may see or decide what.
"""

from __future__ import annotations

import difflib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import channel, entity_values, language, metadata, send_meta
from bot.actions.config import get_config
from bot.actions.gateway_client import GatewayClient, GatewayError, GatewayRefused
from bot.actions.wording import MESSAGES, say
from replies import quote

HR_HANDBOOK = ("hr_handbook",)
LEAVE_TYPES = ("annual", "sick", "family")
LEAVE_SLOTS = ("leave_type", "leave_dates", "leave_start", "leave_end", "leave_days")
MAX_LISTED = 8
SEOUL = timezone(timedelta(hours=9))
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")
# Words that name a leave type when the employee answers in their own words.
LEAVE_TYPE_WORDS = {
    "sick": ("sick", "ill", "unwell", "doctor", "병가", "아파", "아프", "병원"),
    "family": ("family", "child", "kid", "parent", "care", "가족", "돌봄", "아이"),
    "annual": ("annual", "vacation", "holiday", "pto", "paid time off", "vacay", "yeoncha",
               "day off", "연차", "반차", "휴가", "월차"),
}
ALL_WORDS = ("all", "both", "every", "모두", "전부", "다 ", "둘 다")


def seoul_today() -> date:
    return datetime.now(SEOUL).date()


def hr_language(tracker: Tracker) -> str:
    """The reply language; a button payload ("/affirm") keeps the conversation's language."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") and tracker.get_slot("language") in ("en", "ko"):
        return tracker.get_slot("language")
    return language(tracker)


@dataclass
class Hr:
    """What every HR action works with once the channel and identity are verified."""

    client: GatewayClient
    lang: str
    employee_id: str
    sources: list[dict] = field(default_factory=list)
    gap: str | None = None

    def say(self, key: str, **values: Any) -> str:
        return say(key, self.lang, **{k: str(v) for k, v in values.items()})

    # --- formatting ------------------------------------------------------------------------

    def leave_type(self, value: str) -> str:
        return MESSAGES.get(f"hr_type_{value}", {}).get(self.lang, value)

    def status(self, value: str) -> str:
        return MESSAGES.get(f"hr_status_{value}", {}).get(self.lang, value)

    def date(self, value: str | date) -> str:
        day = date.fromisoformat(value) if isinstance(value, str) else value
        weekday = MESSAGES["hr_weekdays"][self.lang].split()[day.weekday()]
        month = MONTHS_EN[day.month - 1] if self.lang == "en" else day.month
        return self.say("hr_date", weekday=weekday, day=day.day, month=month, year=day.year)

    def dates(self, start: str, end: str) -> str:
        if start == end:
            return self.date(start)
        return self.say("hr_date_range", start=self.date(start), end=self.date(end))

    def days(self, count: Any) -> str:
        return self.say("hr_days", days=int(float(count)))

    def reason(self, error: GatewayRefused) -> str:
        """Why the gateway refused, in the employee's language."""
        code = error.code or ""
        if self.lang == "en" and error.detail and error.detail[0].get("msg"):
            return str(error.detail[0]["msg"])
        if error.status_code == 404:
            code = "not_found"
        key = f"hr_reason_{code}"
        return self.say(key if key in MESSAGES else "hr_reason_other")

    def request_line(self, request: dict) -> str:
        return self.say("hr_list_line", id=request["id"], type=self.leave_type(
            request["leave_type"]), dates=self.dates(request["start_date"], request["end_date"]),
            days=self.days(request["days"]), status=self.status(request["status"]))

    def team_line(self, request: dict) -> str:
        return self.say("hr_team_line", id=request["id"], name=self.name(request["employee"]),
                        type=self.leave_type(request["leave_type"]),
                        dates=self.dates(request["start_date"], request["end_date"]),
                        days=self.days(request["days"]))

    def name(self, person: dict) -> str:
        return person["name_ko"] if self.lang == "ko" else person["name_en"]

    # --- gateway calls -----------------------------------------------------------------------

    def balance(self, year: int | None = None) -> dict:
        return self.client.get("/v1/hr/leave/balance", {"year": year} if year else None)

    def remaining(self, leave_type: str, year: int) -> int | None:
        try:
            body = self.balance(year)
        except GatewayError:
            return None
        return next((b["remaining"] for b in body["balances"]
                     if b["leave_type"] == leave_type), None)


def verified_hr(tracker: Tracker) -> Hr | None:
    """The HR context when the gateway marked this as the HR channel of a verified employee."""
    meta = metadata(tracker)
    if channel(tracker) != "hr" or not meta.get("employee_id") or not meta.get("service_token"):
        return None
    return Hr(GatewayClient(token=str(meta["service_token"])), hr_language(tracker),
              str(meta["employee_id"]))


def hr_context(dispatcher: CollectingDispatcher, tracker: Tracker) -> Hr | None:
    """The verified HR context, or None after refusing (consumer channel or no identity)."""
    hr = verified_hr(tracker)
    if hr is None:
        dispatcher.utter_message(text=say("consumer_no_hr", hr_language(tracker)))
        send_meta(dispatcher, tracker)
    return hr


def request_ids(tracker: Tracker) -> list[int]:
    """Request numbers named in the message: the leave_id entity, else "#12", "12번"…"""
    found = [int(v) for v in entity_values(tracker, "leave_id") if v.isdigit()]
    if not found:
        text = tracker.latest_message.get("text") or ""
        # "approve 14" (as the team hint suggests) too: a missed number must never fall
        # through to "the only pending request", which may be a different one
        pattern = (r"(?:#|\brequest\s*|\bleave\s*|\bid\s*|\bno\.?\s*|\bnumber\s*"
                   r"|\b(?:approve|accept|grant|decline|reject|deny|cancel|withdraw)\s+)"
                   r"(\d{1,7})\b(?!\s*(?:days?|weeks?)\b)"
                   r"|(?<!\d)(\d{1,7})\s*번")
        found = [int(a or b) for a, b in re.findall(pattern, text, flags=re.IGNORECASE)]
    return list(dict.fromkeys(found))


def leave_type_from_text(text: str) -> str | None:
    lowered = text.lower()
    if lowered in LEAVE_TYPES:
        return lowered
    for leave_type, words in LEAVE_TYPE_WORDS.items():
        if any(word in lowered for word in words):
            return leave_type
    return None


def _overlaps(request: dict, start: str, end: str) -> bool:
    return request["start_date"] <= end and request["end_date"] >= start


class HrAction(Action, ABC):
    """Guard, run, and always send the meta payload; gateway trouble gets a clear message."""

    @abstractmethod
    def name(self) -> str:
        """Each concrete HR action names itself."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        hr = hr_context(dispatcher, tracker)
        if hr is None:
            return self.refused_events()
        try:
            events = self.act(dispatcher, tracker, hr)
        except GatewayError:
            dispatcher.utter_message(text=hr.say("hr_unavailable"))
            hr.gap = "unavailable"
            events = self.unavailable_events()
        send_meta(dispatcher, tracker, sources=hr.sources, gap=hr.gap)
        return events

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        raise NotImplementedError

    def refused_events(self) -> list[EventType]:
        return []

    def unavailable_events(self) -> list[EventType]:
        return []


# --- balance --------------------------------------------------------------------------------


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
                         remaining=b["remaining"], entitled=b["entitled"], used=b["used"],
                         pending=b["pending"]) for b in rows]
        dispatcher.utter_message(text="\n".join(lines))
        return []


# --- requesting leave: gate, form validation, confirmation, submission ---------------------


def _reset_request() -> list[EventType]:
    return [SlotSet(name, None) for name in LEAVE_SLOTS]


class ActionHrStartLeave(HrAction):
    """The gate before leave_request_form: the form only starts on the HR channel."""

    def name(self) -> str:
        return "action_hr_start_leave"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        return [SlotSet("hr_verified", True), SlotSet("hr_pending_choice", None),
                *_reset_request()]

    def refused_events(self) -> list[EventType]:
        return [SlotSet("hr_verified", False)]


class ValidateLeaveRequestForm(FormValidationAction):
    def name(self) -> str:
        return "validate_leave_request_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        if hr_context(dispatcher, tracker) is None:
            return [ActiveLoop(None), SlotSet("requested_slot", None), *_reset_request()]
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
            return _reset_request()
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
            return _reset_request()
        try:
            created = hr.client.post("/v1/hr/leave/requests", {
                "leave_type": leave_type, "start_date": start, "end_date": end})
        except GatewayRefused as error:
            if error.status_code >= 500:
                raise
            dispatcher.utter_message(text=hr.say("hr_refused", reason=hr.reason(error)))
            hr.gap = error.code or "refused"
            return _reset_request()
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
        return _reset_request()

    def unavailable_events(self) -> list[EventType]:
        return _reset_request()


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
        return _reset_request()

    def refused_events(self) -> list[EventType]:
        return _reset_request()


# --- my requests and cancelling --------------------------------------------------------------


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


def _dates_named(tracker: Tracker, hr: Hr) -> tuple[str, str] | None:
    named = entity_values(tracker, "date")
    if not named:
        return None
    try:
        parsed = hr.client.post("/v1/hr/leave/parse-dates",
                                {"text": named[0][:200], "language": hr.lang})
    except GatewayRefused:
        return None
    return parsed["start_date"], parsed["end_date"]


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
    remaining = hr.remaining(cancelled["leave_type"], year)
    dispatcher.utter_message(text=hr.say(
        "hr_cancelled", id=cancelled["id"], type=hr.leave_type(cancelled["leave_type"]),
        dates=hr.dates(cancelled["start_date"], cancelled["end_date"]),
        remaining="?" if remaining is None else remaining, year=year))
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
        named = _dates_named(tracker, hr)
        if named:
            candidates = [r for r in candidates if _overlaps(r, *named)]
        if not candidates:
            dispatcher.utter_message(text=hr.say("hr_cancel_none"))
            return [SlotSet("hr_pending_choice", None)]
        if len(candidates) == 1:
            cancel_one(dispatcher, hr, candidates[0]["id"])
            return [SlotSet("hr_pending_choice", None)]
        dispatcher.utter_message(text="\n".join(
            [hr.say("hr_cancel_which"), *(hr.request_line(r) for r in candidates[:MAX_LISTED])]))
        return [SlotSet("hr_pending_choice", "cancel")]


# --- managers ---------------------------------------------------------------------------------


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


def _name_matches(query: str, person: dict) -> bool:
    def compact(text: str) -> str:
        return re.sub(r"[\s\-.'’]", "", text.lower())

    wanted = compact(query)
    if not wanted:
        return False
    surname, _, given = person["name_en"].partition(" ")
    forms = [person["name_en"], given + surname, given, person["name_ko"],
             person["name_ko"][1:]]
    for form in map(compact, forms):
        if wanted == form or (len(wanted) >= 2 and wanted in form):
            return True
        if difflib.SequenceMatcher(None, wanted, form).ratio() >= 0.8:
            return True
    return False


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
        name=hr.name(decided["employee"]), type=hr.leave_type(decided["leave_type"]),
        dates=hr.dates(decided["start_date"], decided["end_date"])))
    return True


class _ActionHrDecide(HrAction):
    approve = True

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        ids = request_ids(tracker)
        if ids:
            for request_id in ids:
                decide_one(dispatcher, hr, request_id, self.approve)
            return [SlotSet("hr_pending_choice", None)]
        pending = hr.client.get("/v1/hr/team/requests", {"status": "pending"})
        people = entity_values(tracker, "person")
        if people:
            pending = [r for r in pending if any(_name_matches(p, r["employee"]) for p in people)]
        wanted = [v for v in entity_values(tracker, "leave_type") if v in LEAVE_TYPES]
        if wanted:
            pending = [r for r in pending if r["leave_type"] in wanted]
        named = _dates_named(tracker, hr)
        if named:
            pending = [r for r in pending if _overlaps(r, *named)]
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


# --- a bare answer ("14", "annual") ------------------------------------------------------------


class ActionHrFollowup(HrAction):
    """An answer on its own: the request number for an open cancel/approve/decline question."""

    def name(self) -> str:
        return "action_hr_followup"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        open_question = tracker.get_slot("hr_pending_choice")
        ids = request_ids(tracker)
        if not ids:
            text = tracker.latest_message.get("text") or ""
            ids = [int(n) for n in re.findall(r"(?<!\d)(\d{1,7})(?!\d)", text)][:5]
        if open_question in ("cancel", "approve", "decline") and ids:
            for request_id in ids:
                if open_question == "cancel":
                    cancel_one(dispatcher, hr, request_id)
                else:
                    decide_one(dispatcher, hr, request_id, open_question == "approve")
            return [SlotSet("hr_pending_choice", None)]
        dispatcher.utter_message(text=hr.say("hr_help"))
        return []


# --- directory and policy ------------------------------------------------------------------------


class ActionHrDirectory(HrAction):
    def name(self) -> str:
        return "action_hr_directory"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        params = {}
        for entity, param in (("person", "q"), ("branch", "branch"),
                              ("department", "department"), ("job_role", "role")):
            values = entity_values(tracker, entity)
            if values:
                params[param] = values[0][:60]
        if not params:
            dispatcher.utter_message(text=hr.say("hr_directory_ask"))
            return []
        params["limit"] = 20
        body = hr.client.get("/v1/hr/directory", params)
        results = body["results"]
        if not results:
            dispatcher.utter_message(text=hr.say("hr_directory_none"))
            hr.gap = "not_found"
            return []
        shown = results[:5]
        lines = [hr.say("hr_directory_header")]
        lines += [hr.say("hr_directory_line", name_en=p["name_en"], name_ko=p["name_ko"],
                         role=p["job_role"], branch=p["branch"], department=p["department"],
                         phone=p["work_phone"], email=p["work_email"]) for p in shown]
        if len(results) > len(shown):
            lines.append(hr.say("hr_directory_more", count=len(results) - len(shown)))
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionHrPolicy(HrAction):
    """HR handbook answers: the best passage, quoted and cited; never a guess."""

    def name(self) -> str:
        return "action_hr_policy"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        message = tracker.latest_message.get("text") or ""
        result = hr.client.search(message, k=3, audience="employee", kinds=HR_HANDBOOK)
        hits = [h for h in result.hits if h.get("kind", "hr_handbook") == "hr_handbook"]
        if not hits or result.confidence < get_config().min_confidence:
            dispatcher.utter_message(text=hr.say("hr_policy_not_found"))
            hr.gap = "low_confidence"
            return []
        best = hits[0]
        intro = hr.say("hr_policy_intro", title=best["title"], section=best["section_title"])
        source = hr.say("source", title=best["title"], section=best["section_title"])
        dispatcher.utter_message(text=f"{intro}\n“{quote(best['text'])}”\n{source}")
        hr.sources = [best]
        return []
