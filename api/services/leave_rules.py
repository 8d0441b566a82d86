"""The leave rules of the HR handbook, as pure functions: entitlements per year, the parts
of a day (full, half, 2-hour block) and which requests clash, what a request may combine.

See :mod:`api.services.hr_leave` for the rules in words; it applies them to the database.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from api.models.hr import LeavePart, LeaveRequest, LeaveType
from api.services.family_events import FamilyEvent
from api.services.refusals import Refusal

SICK_DAYS_PER_YEAR = 5
FAMILY_DAYS_PER_YEAR = 10
ANNUAL_FIRST_YEAR_MAX = 11
ANNUAL_BASE = 15
ANNUAL_MAX = 25

HALF_DAY = Decimal("0.5")
BLOCK_DAYS = Decimal("0.25")  # 2 hours of an 8-hour day
BLOCK_MINUTES = 120
# The reference day that 2-hour blocks are placed on (see the module notes).
DAY_START_HOUR, DAY_END_HOUR, MIDDAY_HOUR = 9, 18, 13
BLOCK_STARTS = tuple(f"{hour:02d}:00" for hour in
                     range(DAY_START_HOUR, DAY_END_HOUR - BLOCK_MINUTES // 60 + 1))
PART_DAYS = {LeavePart.am: HALF_DAY, LeavePart.pm: HALF_DAY, LeavePart.hours: BLOCK_DAYS}


class LeaveError(Refusal):
    """A refused leave operation: HTTP status, the field it concerns, a code and a reason.

    422: the request itself is invalid (past date, end before start, no working day, too far
    ahead, a part of a day or an event that does not fit the leave type, more days than
    the family event gives). 409: it conflicts with the current state (overlap, not enough
    balance, request no longer cancellable or already decided). 404: no such request
    visible to the caller.
    """


# --- entitlement rules -----------------------------------------------------------------------


def _full_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def completed_years(hire_date: date, as_of: date) -> int:
    return _full_months(hire_date, as_of) // 12


def annual_days(hire_date: date, as_of: date) -> int:
    """Annual leave per the handbook's table for the service completed on ``as_of``."""
    if as_of < hire_date:
        return 0
    years = completed_years(hire_date, as_of)
    if years < 1:
        return min(ANNUAL_FIRST_YEAR_MAX, _full_months(hire_date, as_of))
    return min(ANNUAL_MAX, ANNUAL_BASE + (years - 1) // 2)


def sick_days(hire_date: date, year: int) -> int:
    if hire_date.year > year:
        return 0
    if hire_date.year < year:
        return SICK_DAYS_PER_YEAR
    months_left = 12 - hire_date.month + 1
    return math.ceil(SICK_DAYS_PER_YEAR * months_left / 12)


def family_days(hire_date: date, year: int) -> int:
    return FAMILY_DAYS_PER_YEAR if hire_date.year <= year else 0


def as_of_date(year: int, today: date) -> date:
    if year == today.year:
        return today
    return date(year, 1, 1) if year > today.year else date(year, 12, 31)


def entitled_days(hire_date: date, year: int, today: date) -> dict[LeaveType, int]:
    """The yearly entitlement of each type that has one (:data:`ENTITLED_TYPES`)."""
    return {
        LeaveType.annual: annual_days(hire_date, as_of_date(year, today)),
        LeaveType.sick: sick_days(hire_date, year),
        LeaveType.family: family_days(hire_date, year),
    }


# --- balances --------------------------------------------------------------------------------


def format_days(days: Decimal | int) -> str:
    """0.25, 0.5, 1, 12.5: no trailing zeros (Decimal("2.00") is "2")."""
    return f"{Decimal(days).normalize():f}"



# --- parts of a day ---------------------------------------------------------------------------


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def block_half(block_start: str) -> LeavePart:
    """The half of the day a 2-hour block belongs to: am if it starts before 13:00."""
    return LeavePart.am if _minutes(block_start) < MIDDAY_HOUR * 60 else LeavePart.pm


def _halves(part: LeavePart, block_start: str | None) -> set[LeavePart]:
    if part == LeavePart.full:
        return {LeavePart.am, LeavePart.pm}
    if part == LeavePart.hours:
        assert block_start is not None
        return {block_half(block_start)}
    return {part}


def clashes(existing: LeaveRequest, part: LeavePart, block_start: str | None) -> bool:
    """Whether a request of ``part`` conflicts with ``existing``, whose dates it overlaps
    (see the module notes for the rules)."""
    if LeavePart.full in (existing.part, part):
        return True
    if existing.part == part == LeavePart.hours:
        assert existing.block_start is not None and block_start is not None
        return abs(_minutes(existing.block_start) - _minutes(block_start)) < BLOCK_MINUTES
    if LeavePart.hours in (existing.part, part):  # a block and a half day
        return bool(_halves(existing.part, existing.block_start) & _halves(part, block_start))
    return existing.part == part  # two half days


def describe(request: LeaveRequest) -> str:
    """For messages: "2026-12-01 to 2026-12-03", "2026-12-01, morning half day",
    "2026-12-01, 2-hour block from 14:00"."""
    if request.part == LeavePart.full:
        if request.start_date == request.end_date:
            return request.start_date.isoformat()
        return f"{request.start_date.isoformat()} to {request.end_date.isoformat()}"
    what = {LeavePart.am: "morning half day", LeavePart.pm: "afternoon half day"}.get(
        request.part, f"2-hour block from {request.block_start}")
    return f"{request.start_date.isoformat()}, {what}"


def check_part(leave_type: LeaveType, part: LeavePart, start: date, end: date,
                block_start: str | None) -> None:
    if part != LeavePart.full and leave_type != LeaveType.annual:
        raise LeaveError(422, "part", "part_not_allowed",
                         f"half days and 2-hour blocks are for annual leave only: "
                         f"{leave_type.value} leave is taken in full days (part 'full')")
    if part != LeavePart.full and end != start:
        raise LeaveError(422, "end_date", "single_date_only",
                         f"a {'2-hour block' if part == LeavePart.hours else 'half day'} is "
                         "on one date: end_date must be the same as start_date")
    if part == LeavePart.hours:
        if block_start is None:
            raise LeaveError(422, "block_start", "block_start_required",
                             "a 2-hour block (part 'hours') needs block_start, e.g. '14:00'")
        if block_start not in BLOCK_STARTS:
            raise LeaveError(422, "block_start", "invalid_block_start",
                             f"a 2-hour block starts on the hour from {BLOCK_STARTS[0]} to "
                             f"{BLOCK_STARTS[-1]} (it must end by {DAY_END_HOUR}:00); "
                             f"{block_start} is not one of "
                             f"{', '.join(BLOCK_STARTS)}")
    elif block_start is not None:
        raise LeaveError(422, "block_start", "block_start_not_allowed",
                         "block_start is only for a 2-hour block (part 'hours'); "
                         f"leave it out for part '{part.value}'")


def check_event(leave_type: LeaveType, event: FamilyEvent | None) -> None:
    if leave_type == LeaveType.family_event and event is None:
        raise LeaveError(422, "event", "event_required",
                         "family event leave needs the event: one of "
                         f"{', '.join(e.value for e in FamilyEvent)}")
    if leave_type != LeaveType.family_event and event is not None:
        raise LeaveError(422, "event", "event_not_allowed",
                         "event is only for family event leave (leave_type 'family_event'); "
                         f"leave it out for {leave_type.value} leave")
