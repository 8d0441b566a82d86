"""The leave request being filled in by ``leave_request_form``: its slots, what a message
changes in it, and what is still to ask. Pure: no gateway, no dispatcher.

The gateway reads each message (``POST /v1/hr/leave/read``); :meth:`LeaveDraft.apply` keeps
what it read, so whatever is said up front is used and a later message corrects an earlier
one. The form then asks, in this order, for what is missing: the leave type, the family
event (family event leave), the dates, which half of the day (a half day), the hour a 2-hour
block starts, and finally the confirmation, which repeats exactly what will be stored.
Nothing is stored without an explicit yes to that confirmation; any change after it is
shown asks again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

FORM = "leave_request_form"
LEAVE_TYPES = ("annual", "sick", "family", "family_event")
PARTS = ("full", "am", "pm", "hours")
HALF = "half"  # a half day whose half has not been said yet
# Every slot of the request, cleared together when a request starts, stops or is stored.
SLOTS = ("leave_type", "leave_part", "leave_block", "leave_event", "leave_dates",
         "leave_start", "leave_end", "leave_days", "leave_confirmed", "leave_unclear")


@dataclass(frozen=True)
class LeaveDraft:
    leave_type: str | None = None
    part: str | None = None  # PARTS or HALF; None = a full day unless the user says more
    block_start: str | None = None
    event: str | None = None
    dates: str | None = None  # the dates as typed
    start: str | None = None
    end: str | None = None
    working_days: float | None = None
    confirmed: bool | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)  # message keys to say

    @classmethod
    def from_slots(cls, slot: Any) -> LeaveDraft:
        return cls(leave_type=slot("leave_type"), part=slot("leave_part"),
                   block_start=slot("leave_block"), event=slot("leave_event"),
                   dates=slot("leave_dates"), start=slot("leave_start"),
                   end=slot("leave_end"), working_days=slot("leave_days"),
                   confirmed=slot("leave_confirmed"))

    def slots(self) -> dict[str, Any]:
        return {"leave_type": self.leave_type, "leave_part": self.part,
                "leave_block": self.block_start, "leave_event": self.event,
                "leave_dates": self.dates, "leave_start": self.start, "leave_end": self.end,
                "leave_days": self.working_days, "leave_confirmed": self.confirmed}

    # --- what the request comes to ----------------------------------------------------------

    @property
    def stored_part(self) -> str:
        return self.part if self.part in PARTS else "full"

    @property
    def days(self) -> float | None:
        """The days the request takes, as the gateway will count them."""
        if self.working_days is None:
            return None
        # as the gateway's leave rules count a part of a day (api/services/leave_rules.py)
        return {"am": 0.5, "pm": 0.5, "hours": 0.25}.get(self.stored_part,
                                                           self.working_days)

    def next_slot(self) -> str:
        """The slot to ask for next; ``leave_confirmed`` once everything else is known."""
        if self.leave_type not in LEAVE_TYPES:
            return "leave_type"
        if self.leave_type == "family_event" and not self.event:
            return "leave_event"
        if not (self.start and self.end):
            return "leave_dates"
        if self.part == HALF:
            return "leave_part"
        if self.part == "hours" and not self.block_start:  # the gateway reads valid ones only
            return "leave_block"
        return "leave_confirmed"

    def request_body(self) -> dict[str, Any]:
        """``POST /v1/hr/leave/requests``."""
        body: dict[str, Any] = {"leave_type": self.leave_type, "start_date": self.start,
                                "end_date": self.end, "part": self.stored_part}
        if self.stored_part == "hours":
            body["block_start"] = self.block_start
        if self.leave_type == "family_event":
            body["event"] = self.event
        return body

    # --- what a message changes ---------------------------------------------------------------

    def apply(self, reading: dict[str, Any], text: str) -> LeaveDraft:
        """The draft with what one message said (the gateway's reading of it, and button
        payload entities merged in); a change clears an earlier confirmation."""
        draft = self
        notes: list[str] = []
        leave_type = reading.get("leave_type")
        if leave_type and not (reading.get("leave_type_implied") and draft.leave_type):
            draft = replace(draft, leave_type=leave_type,
                            event=draft.event if leave_type == "family_event" else None)
        if reading.get("event"):
            draft = replace(draft, leave_type="family_event", event=reading["event"])
        part = reading.get("part")
        if part:
            draft = replace(draft, part=part, block_start=reading.get("block_start")
                            if part == "hours" else None)
        elif reading.get("block_start") and draft.part == "hours":
            draft = replace(draft, block_start=reading["block_start"])
        if reading.get("start_date") and reading.get("end_date"):
            draft = replace(draft, dates=text[:200], start=reading["start_date"],
                            end=reading["end_date"],
                            working_days=float(reading.get("working_days") or 0))
        elif reading.get("date_error"):
            notes.append("hr_dates_unusable")
        # half days and 2-hour blocks: annual leave only, on one date
        if draft.part not in (None, "full") and draft.leave_type not in (None, "annual"):
            notes.append("hr_part_annual_only")
            draft = replace(draft, part="full", block_start=None)
        if draft.part not in (None, "full") and draft.start and draft.start != draft.end:
            notes.append("hr_part_one_date")
            draft = replace(draft, dates=None, start=None, end=None, working_days=None)
        if draft.slots() != self.slots():
            draft = replace(draft, confirmed=None)
        return replace(draft, notes=tuple(notes))

    def changed(self, before: LeaveDraft) -> dict[str, Any]:
        """The slots whose value differs from ``before``."""
        old = before.slots()
        return {name: value for name, value in self.slots().items() if old[name] != value}
