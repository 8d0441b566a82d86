"""What a message says about the leave someone wants, in English and Korean.

The HR assistant's leave form sends every message to ``POST /v1/hr/leave/read`` and keeps
whatever it finds, so everything said up front is used ("next Wednesday afternoon, annual
leave" fills the whole request) and a later message corrects an earlier one ("no, make it
Thursday", "오후 말고 오전이요"). Nothing here decides whether the leave may be taken: the
leave rules do that when the request is submitted.

What is read, each independently (None when the message does not say):

* the leave type: family event leave (경조휴가: a wedding, a death in the family), family
  care leave (가족돌봄휴가), sick leave (병가), annual leave (연차; a half day or a 2-hour
  block is always annual leave);
* the part of the day: a half day (반차) in the morning or the afternoon, or a "half day"
  whose half is not said yet; a 2-hour block (반반차) and the hour it starts; an explicit
  full day;
* the family event: whose wedding, whose death (by relation, in-laws included);
* the dates, read by :mod:`api.services.hr_dates` once the clock times are taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from api.models.hr import LeavePart, LeaveType
from api.services.date_phrases import DateParseError, monday_of, normalise, part_spec
from api.services.family_events import FamilyEvent
from api.services.hr_dates import parse_leave_dates
from api.services.leave_rules import BLOCK_STARTS, DAY_START_HOUR, MIDDAY_HOUR
from api.services.work_calendar import working_days

# "half" is a half day whose half (am / pm) the message does not say.
HALF = "half"

_DEATH = (r"passed away|\bdied\b|\bdeath\b|funeral|bereave|\blost my\b|condolence|"
          r"돌아가|별세|사망|장례|상을 당|상을 치|상 당|부고|상중|빈소|발인|조문")
_WEDDING = r"wedding|getting married|get married|marry|marriage|결혼|혼례|웨딩|예식"
_FAMILY_EVENT = r"family event|경조"
# Relations, most specific first: a spouse's relatives before the relatives themselves.
_SPOUSE = r"(?:wife|husband|spouse|partner)'?s?"
_RELATIONS: tuple[tuple[str, str], ...] = (
    ("spouse_grandparent", rf"{_SPOUSE}\s+grand(?:mother|father|ma|pa|parent)|"
                           r"시할머니|시할아버지|처조부|처조모|처할머니|처할아버지|"
                           r"배우자의?\s*조부모|시조부모|처조부모"),
    ("spouse_parent", rf"{_SPOUSE}\s+(?:mother|father|mom|dad|parent)|in-?laws?\b|"
                      r"(?:mother|father)[- ]in[- ]law|시아버지|시어머니|장인|장모|시부모|"
                      r"처부모|배우자의?\s*부모"),
    ("spouse_sibling", rf"{_SPOUSE}\s+(?:brother|sister|sibling)|(?:brother|sister)[- ]in"
                       r"[- ]law|처남|처제|처형|시누이|시동생|시아주버니|배우자의?\s*형제"),
    ("grandparent", r"grand(?:mother|father|ma|pa|parent|mom|dad)|할머니|할아버지|조부|조모|"
                    r"외할"),
    ("spouse", r"\b(?:wife|husband|spouse)\b|아내|남편|배우자|와이프|부인"),
    ("parent", r"\b(?:mother|father|mom|mum|dad|parent)s?\b|어머니|아버지|엄마|아빠|부모|"
               r"모친|부친|어머님|아버님"),
    ("child", r"\b(?:son|daughter|child|kid)s?\b|아들|딸|자녀|자식"),
    ("sibling", r"\b(?:brother|sister|sibling)s?\b|형제|자매|남동생|여동생|누나|언니|오빠|"
                r"(?<![가-힣])형(?![가-힣])"),
)
_CHILD = r"\b(?:son|daughter|child|kid)'?s?\b|아들|딸|자녀|자식"
_FAMILY_CARE = (r"family care|care leave|take care of|look after|caring for|가족\s*돌봄|돌봄|"
                r"간병|\bfamily\b|가족")
# Someone one may take care leave for ("my kid is sick"): a sick relative is care leave.
_CARED_FOR = (r"\b(?:kid|child|son|daughter|baby|mother|father|mom|mum|dad|wife|husband|"
              r"grandmother|grandfather|parents?)\b|아이|애기|아기|아들|딸|엄마|아빠|어머니|아버지|"
              r"부모님|아내|남편|할머니|할아버지")
_SICK = r"\bsick\b|\bill\b|unwell|\bflu\b|fever|doctor|병가|아파|아프|아퍼|몸살|병원|감기"
_ANNUAL = (r"\bannual\b|vacation|\bpto\b|paid time off|day off|days off|\bvacay\b|연차|월차|"
           r"반차|반반차|half[- ]day|half a day")
_HOURS = r"반반차|2[- ]?hours?|two[- ]hours?|2시간|두\s*시간"
_HALF = r"반차|half[- ]?day|half a day|\bhalf\b"
_MORNING = r"morning|오전|\ba\.m\."  # never a bare "am": "I am …"
# "good morning!" greets; it asks for no morning off
_GREETING = re.compile(r"\b(?:good|gd)\s*(?:morning|afternoon|evening|day)\b|좋은\s*아침",
                       re.IGNORECASE)
_AFTERNOON = r"afternoon|오후|\bp\.?m\b\.?"
_FULL = r"full[- ]day|whole day|all day|종일|하루 전체|전일|온종일|반차 말고|not a half"
# A clock time: "2pm", "2 p.m.", "14:00", "오후 2시", "2시", "at 10".
_TIME = re.compile(
    r"(?P<ko>(?:(?P<kohalf>오전|오후)\s*)?(?P<kohour>\d{1,2})\s*시(?!간)(?:\s*(?P<komin>\d{1,2})\s*분"
    r"|\s*반)?)"
    r"|(?P<hhmm>\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<hmhalf>[ap]\.?m\.?)?)"
    r"|(?P<en>\b(?P<enhour>\d{1,2})\s*(?P<enhalf>[ap]\.?m\.?)(?![a-z]))"
    r"|(?P<at>\b(?:at|from)\s+(?P<athour>\d{1,2})(?![\d:/.]|\s*(?:st|nd|rd|th|일|월)))",
    re.IGNORECASE)


# What a correction takes back: "afternoon, not morning", "not Monday but Tuesday", "오후
# 말고 오전이요", "월요일 말고 화요일로", "목요일이 아니라 금요일": the phrase after "not" / before
# "말고" / "아니라" is removed before anything is read.
_NEGATED = re.compile(
    r"\b(?:not|instead of|rather than)\s+(?:(?:on|the|a|an|next|this|coming)\s+)*[\w-]+"
    r"(?:\s+(?:day|morning|afternoon))?"
    r"|(?:(?:다음\s*주|이번\s*주|다다음\s*주)\s*)?[\w-]+\s*(?:말고|아니고|아니라|대신에?)",
    re.IGNORECASE)


@dataclass(frozen=True)
class LeaveReading:
    """What one message says; None wherever it says nothing."""

    leave_type: LeaveType | None = None
    # the type is only implied: half days and 2-hour blocks are annual leave
    leave_type_implied: bool = False
    part: LeavePart | str | None = None  # a LeavePart, or HALF (a half day, side unknown)
    block_start: str | None = None
    event: FamilyEvent | None = None
    start: date | None = None
    end: date | None = None
    working_days: int | None = None
    date_error: str | None = None  # dates were given but cannot be used: why

    @property
    def found_anything(self) -> bool:
        return any(value is not None for value in (
            self.leave_type, self.part, self.block_start, self.event, self.start,
            self.date_error))


def _has(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def _hour(match: re.Match[str]) -> int:
    """The 24-hour hour a clock time names; a bare hour is read as working time (2 → 14)."""
    groups = match.groupdict()
    if groups["ko"]:
        hour, half = int(groups["kohour"]), groups["kohalf"]
        if half == "오후" and hour < 12:
            return hour + 12
        if half is None and 1 <= hour < DAY_START_HOUR:
            return hour + 12
        return hour
    if groups["hhmm"]:
        hour, half = int(groups["h"]), (groups["hmhalf"] or "").lower()
    elif groups["en"]:
        hour, half = int(groups["enhour"]), groups["enhalf"].lower()
    else:
        hour, half = int(groups["athour"]), ""
    if half.startswith("p") and hour < 12:
        return hour + 12
    if not half and 1 <= hour < DAY_START_HOUR:
        return hour + 12
    return hour


def read_event(text: str, asked: bool = False) -> FamilyEvent | None:
    """The family event a message names: a wedding (one's own unless a child's) or the
    death of a relative named by relation. ``asked``: the message answers "which family
    event?", so a relation alone ("my grandmother", "할머니요") is that relative's death."""
    if _has(_DEATH, text) or (asked and not _has(_WEDDING, text)):
        for relation, pattern in _RELATIONS:
            if _has(pattern, text):
                return FamilyEvent(f"bereavement_{relation}")
        return None
    if _has(_WEDDING, text):
        return FamilyEvent.child_wedding if _has(_CHILD, text) else FamilyEvent.own_wedding
    return None


def read_leave_type(text: str, event: FamilyEvent | None) -> LeaveType | None:
    if event is not None or _has(_FAMILY_EVENT, text) or _has(_DEATH, text) or _has(
            _WEDDING, text):
        return LeaveType.family_event
    if _has(_HALF, text) or _has(_HOURS, text):  # half days and blocks: annual leave only
        return LeaveType.annual
    if _has(_FAMILY_CARE, text) or (_has(_SICK, text) and _has(_CARED_FOR, text)):
        return LeaveType.family
    if _has(_SICK, text):
        return LeaveType.sick
    if _has(_ANNUAL, text) or _has(_HOURS, text):
        return LeaveType.annual
    return None


def read_part(text: str, times: list[re.Match[str]]) -> tuple[LeavePart | str | None,
                                                              str | None]:
    """The part of the day and, for a 2-hour block, the hour it starts ("14:00")."""
    if _has(_HOURS, text):
        starts = [f"{_hour(m):02d}:00" for m in times]
        return LeavePart.hours, next((s for s in starts if s in BLOCK_STARTS), None)
    if _has(_FULL, text):
        return LeavePart.full, None
    if times:  # "from 2pm" on its own: the half it falls in
        return (LeavePart.am if _hour(times[0]) < MIDDAY_HOUR else LeavePart.pm), None
    if _has(_MORNING, text):
        return LeavePart.am, None
    if _has(_AFTERNOON, text):
        return LeavePart.pm, None
    if _has(_HALF, text):
        return HALF, None
    return None, None


def _in_week_of(text: str, near: date, today: date) -> date | None:
    """A weekday named without a week ("make it Thursday") in the week of ``near`` (the
    date being corrected), if that day is still ahead."""
    try:
        spec = part_spec(normalise(text), today, allow_bare=False)
    except DateParseError:
        return None
    if spec is None or spec.kind != "weekday" or spec.week_offset is not None:
        return None
    assert spec.weekday is not None
    day = monday_of(near) + timedelta(days=spec.weekday)
    return day if day >= today else None


def read_leave(text: str, today: date, language: str | None = None,
               near: date | None = None, asked_event: bool = False) -> LeaveReading:
    """Everything the message says about the leave wanted (see the module notes).

    ``near``: the date of the request being corrected, if any; a weekday named on its own
    is then read in that date's week ("next Wednesday" … "no, make it Thursday").
    ``asked_event``: the message answers "which family event?"."""
    text = _GREETING.sub(" ", text).strip()
    full_day = _has(_FULL, text)
    text = _NEGATED.sub(" ", text)
    times = list(_TIME.finditer(text))
    without_times = _TIME.sub(" ", text)
    event = read_event(text, asked_event)
    leave_type = read_leave_type(text, event)
    part, block_start = (LeavePart.full, None) if full_day else read_part(text, times)
    implied = part is not None and part != LeavePart.full and leave_type is None
    if implied:
        leave_type = LeaveType.annual
    start = end = None
    days = None
    error = None
    try:
        found = parse_leave_dates(without_times, today, language)
    except DateParseError as problem:
        if problem.code != "unparseable":
            error = problem.message
    else:
        start, end = found.start, found.end
        if near is not None and start == end and (moved := _in_week_of(
                without_times, near, today)) is not None:
            start = end = moved
        days = working_days(start, end)
        if start < today:
            error = "that date has already passed"
        elif not days:
            error = "there is no working day in those dates (weekends and public holidays)"
        if error:
            start = end = days = None
    return LeaveReading(leave_type=leave_type, leave_type_implied=implied, part=part,
                        block_start=block_start, event=event, start=start, end=end,
                        working_days=days, date_error=error)
