"""What every HR action shares: the verified employee, formatting, the gateway calls,
the words for leave types and request numbers, and the ``HrAction`` guard."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import channel, entity_values, language, metadata, send_meta
from bot.actions.gateway_client import GatewayClient, GatewayError, GatewayRefused
from bot.actions.wording import MESSAGES, say

HR_HANDBOOK = ("hr_handbook",)
LEAVE_TYPES = ("annual", "sick", "family")
MAX_LISTED = 8
SEOUL = timezone(timedelta(hours=9))
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")
ALL_WORDS = ("all", "both", "every", "모두", "전부", "다 ", "둘 다")
# How a request that is not a full day, or is family event leave, is shown (the gateway's
# ``part``, ``block_start`` and ``event``); an event missing here is shown as its code.
TYPE_WORDS = {"family_event": {"en": "family event leave", "ko": "경조휴가"}}
PART_WORDS = {
    "am": {"en": "morning half day", "ko": "오전 반차"},
    "pm": {"en": "afternoon half day", "ko": "오후 반차"},
    "hours": {"en": "2-hour block from {start}", "ko": "{start}부터 2시간 반반차"},
}
EVENT_WORDS = {
    "own_wedding": {"en": "your own wedding", "ko": "본인 결혼"},
    "child_wedding": {"en": "your child's wedding", "ko": "자녀 결혼"},
    "bereavement_spouse": {"en": "death of your spouse", "ko": "배우자 사망"},
    "bereavement_parent": {"en": "death of your parent", "ko": "부모 사망"},
    "bereavement_child": {"en": "death of your child", "ko": "자녀 사망"},
    "bereavement_spouse_parent": {"en": "death of your spouse's parent",
                                  "ko": "배우자의 부모 사망"},
    "bereavement_grandparent": {"en": "death of your grandparent", "ko": "조부모 사망"},
    "bereavement_sibling": {"en": "death of your sibling", "ko": "형제자매 사망"},
    "bereavement_spouse_grandparent": {"en": "death of your spouse's grandparent",
                                       "ko": "배우자의 조부모 사망"},
    "bereavement_spouse_sibling": {"en": "death of your spouse's sibling",
                                   "ko": "배우자의 형제자매 사망"},
}


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
        words = MESSAGES.get(f"hr_type_{value}") or TYPE_WORDS.get(value, {})
        return words.get(self.lang, value)

    def kind(self, request: dict) -> str:
        """The leave type, with the family event if it has one: "경조휴가(본인 결혼)"."""
        kind = self.leave_type(request["leave_type"])
        event = request.get("event")
        if event:
            kind += f" ({EVENT_WORDS.get(event, {}).get(self.lang, event)})"
        return kind

    def when(self, request: dict) -> str:
        """The dates, with the part of the day unless it is a full day: "Wed 2 Dec 2026,
        morning half day", "2026년 12월 2일 (수), 14:00부터 2시간 반반차"."""
        dates = self.dates(request["start_date"], request["end_date"])
        part = request.get("part") or "full"
        if part not in PART_WORDS:
            return dates
        words = PART_WORDS[part][self.lang].format(start=request.get("block_start") or "?")
        return f"{dates}, {words}"

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

    @staticmethod
    def number(value: Any) -> str:
        """A count of days as people write it: 1, 0.5, 14.25 (never 1.0)."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        return str(int(number)) if number.is_integer() else f"{number:g}"

    def days(self, count: Any) -> str:
        return self.say("hr_days", days=self.number(count))

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
        return self.say("hr_list_line", id=request["id"], type=self.kind(request),
                        dates=self.when(request), days=self.days(request["days"]),
                        status=self.status(request["status"]))

    def team_line(self, request: dict) -> str:
        return self.say("hr_team_line", id=request["id"], name=self.name(request["employee"]),
                        type=self.kind(request), dates=self.when(request),
                        days=self.days(request["days"]))

    def name(self, person: dict) -> str:
        return person["name_ko"] if self.lang == "ko" else person["name_en"]

    # --- gateway calls -----------------------------------------------------------------------

    def balance(self, year: int | None = None) -> dict:
        return self.client.get("/v1/hr/leave/balance", {"year": year} if year else None)

    def read_leave(self, text: str, **context: Any) -> dict:
        """What a message says about the leave wanted, read by the gateway
        (``POST /v1/hr/leave/read``; ``context``: ``near``, ``asked``)."""
        return self.client.post("/v1/hr/leave/read",
                                {"text": text[:200], "language": self.lang, **context})

    def remaining(self, leave_type: str, year: int) -> str | None:
        """What remains of the type in the year, formatted ("14.5"); None if unknown (or the
        type has no balance, as family event leave)."""
        try:
            body = self.balance(year)
        except GatewayError:
            return None
        found = next((b["remaining"] for b in body["balances"]
                      if b["leave_type"] == leave_type), None)
        return None if found is None else self.number(found)


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


def overlaps(request: dict, start: str, end: str) -> bool:
    return request["start_date"] <= end and request["end_date"] >= start


def dates_named(tracker: Tracker, hr: Hr) -> tuple[str, str] | None:
    """The dates the message names ("cancel my leave for next Friday"), read by the
    gateway's leave reader."""
    text = (tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith("/"):
        return None
    try:
        reading = hr.read_leave(text)
    except GatewayRefused:
        return None
    if not (reading.get("start_date") and reading.get("end_date")):
        return None
    return reading["start_date"], reading["end_date"]


FOLLOWUP = "action_hr_followup"  # answers the open question ("yes", "no", a request number)


def closes_open_question(action: str, tracker: Tracker, events: list[EventType]) -> list:
    """The person moved on: any HR action but the follow-up closes an open question ("shall
    I ask HR for this certificate?", "cancel which request?") it did not ask itself, so a
    "yes" two turns later files nothing."""
    if action == FOLLOWUP or not tracker.get_slot("hr_pending_choice"):
        return []
    if any(e.get("event") == "slot" and e.get("name") == "hr_pending_choice" for e in events):
        return []
    return [SlotSet("hr_pending_choice", None)]


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
        return [*events, *closes_open_question(self.name(), tracker, events)]

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        raise NotImplementedError

    def refused_events(self) -> list[EventType]:
        return []

    def unavailable_events(self) -> list[EventType]:
        return []
