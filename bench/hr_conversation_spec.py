"""The HR conversation files of ``tests/data/hr_conversations/``: loading, validating, date specs.

The format (the README there gives it in full): one conversation a line of ``dev.jsonl`` (to
tune on) or ``frozen.jsonl`` (written before tuning), with its turns (``say`` or ``button``,
``expect`` / ``expect_not`` regexes), ``setup`` requests and expected ``records``.
:func:`validate` says what is wrong with one.

Dates are written as specs (``next wed``, ``in2w mon``) resolved against today in Seoul the
way the gateway reads them (:mod:`api.services.hr_dates`: Monday-based weeks), and as
placeholders in what the user says (:func:`render_say`) and in the expectations
(:func:`render_pattern`). A conversation touching a public holiday
(:func:`api.services.work_calendar.public_holidays`, the gateway's own calendar) cannot run
that day (:func:`holiday_reason`). Played by :mod:`bench.hr_conversation_eval`.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.services.family_events import FamilyEvent
from api.services.work_calendar import public_holidays
from core.settings import REPO_ROOT

DATA = REPO_ROOT / "tests" / "data" / "hr_conversations"
SPLITS = {"dev": DATA / "dev.jsonl", "frozen": DATA / "frozen.jsonl"}
USERS = {"employee": "employee-demo", "manager": "manager-demo"}
TASKS = ("annual_full", "half_day", "cancel_midform", "question_midform", "correction",
         "unfit_answer", "family_event", "family_event_question", "confirm_no",
         "cancel_existing", "hr_vocab")
LEAVE_TYPES = ("annual", "sick", "family", "family_event")
PARTS = ("full", "am", "pm", "hours")

# --- date specs and placeholders ------------------------------------------------------------

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
WEEK_OFFSETS = {"next": 1, "in2w": 2}
SPEC = re.compile(r"^(next|in2w) (mon|tue|wed|thu|fri)$")
PLACEHOLDER = re.compile(r"\{(next|in2w) (mon|tue|wed|thu|fri)(?::([a-z]+))?\}")
SAY_FORMS = ("", "date", "day", "iso")
PATTERN_FORMS = ("", "md", "day")
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
KO_DAYS = ("월요일", "화요일", "수요일", "목요일", "금요일")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
YES = re.compile(r"^\s*(yes|yep|yeah|yup|y\b|sure|ok|okay|confirm|correct|go ahead|네|예|응|어\b|"
                 r"ㅇㅇ|ㅇㅋ|맞아|맞습니다|좋아|그래|넵|네네)", re.IGNORECASE)


def resolve_spec(spec: str, today: date) -> date:
    """``next wed``: Wednesday of next week; ``in2w wed``: of the week after (Monday-based)."""
    match = SPEC.match(spec.strip().lower())
    if match is None:
        raise ValueError(f"not a date spec: {spec!r} (next|in2w + mon..fri)")
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=WEEK_OFFSETS[match[1]], days=WEEKDAYS.index(match[2]))


def explicit_date(day: date, lang: str) -> str:
    return f"{day.month}월 {day.day}일" if lang == "ko" else f"{EN_MONTHS[day.month - 1]} {day.day}"


def render_say(text: str, today: date, lang: str) -> str:
    """What the user types: ``{next wed}`` -> "next Wednesday" / "다음 주 수요일"; ``{in2w wed}``
    and ``{next wed:date}`` -> "December 23" / "12월 23일"; ``:day`` -> "Wednesday" / "수요일";
    ``:iso`` -> "2026-12-23"."""
    def one(match: re.Match[str]) -> str:
        week, weekday, form = match[1], match[2], match[3] or ""
        if form not in SAY_FORMS:
            raise ValueError(f"unknown form :{form} in {match[0]} (say: {SAY_FORMS})")
        day, index = resolve_spec(f"{week} {weekday}", today), WEEKDAYS.index(weekday)
        if form == "iso":
            return day.isoformat()
        if form == "day":
            return KO_DAYS[index] if lang == "ko" else EN_DAYS[index]
        if form == "date" or week == "in2w":
            return explicit_date(day, lang)
        return f"다음 주 {KO_DAYS[index]}" if lang == "ko" else f"next {EN_DAYS[index]}"

    return PLACEHOLDER.sub(one, text)


def md_regex(day: date) -> str:
    """The month and day in any usual spelling: Dec 23, December 23rd, 23 Dec, 12월 23일,
    12/23, 12-23 (inside 2026-12-23), 12.23."""
    name = EN_MONTHS[day.month - 1]
    abbr = "Sept?" if day.month == 9 else name[:3]
    rest = f"(?:{name[3:]})?" if len(name) > 3 else ""
    m, d = day.month, day.day
    return (rf"(?:{abbr}{rest}\.?\s*{d}(?:st|nd|rd|th)?(?!\d)"
            rf"|(?<!\d){d}(?:st|nd|rd|th)?\s+(?:of\s+)?{abbr}"
            rf"|(?<!\d){m}\s*월\s*{d}\s*일"
            rf"|(?<!\d)0?{m}\s?[-/.]\s?0?{d}(?!\d))")


def day_regex(day: date) -> str:
    en, ko = EN_DAYS[day.weekday()], KO_DAYS[day.weekday()]
    return rf"(?:{en}|\b{en[:3]}\b|{ko}|\({ko[0]}\))"


def render_pattern(pattern: str, today: date) -> str:
    """An expectation regex with its date placeholders: ``{next wed}`` / ``{next wed:md}``
    -> :func:`md_regex`, ``{next wed:day}`` -> :func:`day_regex`. Other braces stay."""
    def one(match: re.Match[str]) -> str:
        form = match[3] or ""
        if form not in PATTERN_FORMS:
            raise ValueError(f"unknown form :{form} in {match[0]} (expect: {PATTERN_FORMS})")
        day = resolve_spec(f"{match[1]} {match[2]}", today)
        return day_regex(day) if form == "day" else md_regex(day)

    return PLACEHOLDER.sub(one, pattern)


def conversation_dates(conv: dict, today: date) -> set[date]:
    """Every day the conversation names: its placeholders, and each day of its setup and
    expected ranges."""
    days: set[date] = set()
    for turn in conv["turns"]:
        for text in [turn.get("say", ""), *turn.get("expect", []), *turn.get("expect_not", [])]:
            days |= {resolve_spec(f"{m[1]} {m[2]}", today) for m in PLACEHOLDER.finditer(text)}
    for item in [*conv.get("setup", []), *conv.get("records", {}).get("created", [])]:
        start = resolve_spec(item["start"], today)
        end = resolve_spec(item.get("end", item["start"]), today)
        days |= {start + timedelta(days=n) for n in range((end - start).days + 1)}
    return days


def holiday_reason(conv: dict, today: date) -> str | None:
    """Why the conversation cannot run today (a named weekday is a public holiday), or None."""
    for day in sorted(conversation_dates(conv, today)):
        name = public_holidays(day.year).get(day)
        if name and day.weekday() < 5:
            return f"{day.isoformat()} is a public holiday ({name})"
    return None


# --- the conversation files -----------------------------------------------------------------


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _leave_errors(item: Any, where: str, today: date) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: not an object"]
    errors = [f"{where}: unknown key {k}" for k in item
              if k not in ("leave_type", "part", "start", "end", "event", "block_start")]
    if item.get("leave_type") not in LEAVE_TYPES:
        errors.append(f"{where}: leave_type {item.get('leave_type')!r}")
    if item.get("part", "full") not in PARTS:
        errors.append(f"{where}: part {item.get('part')!r}")
    event = item.get("event")
    if (event is None) == (item.get("leave_type") == "family_event") or (
            event is not None and event not in {e.value for e in FamilyEvent}):
        errors.append(f"{where}: event {event!r} does not fit leave_type")
    try:
        start = resolve_spec(str(item.get("start")), today)
        if resolve_spec(str(item.get("end", item.get("start"))), today) < start:
            errors.append(f"{where}: end before start")
    except ValueError as exc:
        errors.append(f"{where}: {exc}")
    return errors


def _turn_errors(turn: Any, where: str, today: date, lang: str) -> list[str]:
    if not isinstance(turn, dict):
        return [f"{where}: not an object"]
    errors = [f"{where}: unknown key {k}" for k in turn
              if k not in ("say", "button", "expect", "expect_not")]
    if ("say" in turn) == ("button" in turn):
        errors.append(f"{where}: needs exactly one of say / button")
    try:
        if "say" in turn:
            render_say(turn["say"], today, lang)
        else:
            re.compile(turn["button"])
        for key in ("expect", "expect_not"):
            if not isinstance(turn.get(key, []), list):
                errors.append(f"{where}: {key} is not a list")
                continue
            for pattern in turn.get(key, []):
                re.compile(render_pattern(pattern, today))
    except (ValueError, re.error, TypeError) as exc:
        errors.append(f"{where}: {exc}")
    return errors


def validate(conv: dict, today: date) -> list[str]:
    """What is wrong with one conversation ([] when it is well-formed)."""
    cid = conv.get("id")
    errors = [f"{cid}: unknown key {k}" for k in conv
              if k not in ("id", "lang", "task", "user", "setup", "turns", "records", "note")]
    if not isinstance(cid, str) or not cid:
        errors.append("a conversation without an id")
    lang = conv.get("lang")
    if lang not in ("en", "ko"):
        errors.append(f"{cid}: lang {lang!r}")
    if conv.get("task") not in TASKS:
        errors.append(f"{cid}: task {conv.get('task')!r}")
    if conv.get("user", "employee") not in USERS:
        errors.append(f"{cid}: user {conv.get('user')!r}")
    turns = conv.get("turns")
    if not isinstance(turns, list) or len(turns) < 2 or "say" not in turns[0]:
        return [*errors, f"{cid}: needs 2 or more turns, the first one a say"]
    for i, turn in enumerate(turns):
        errors += _turn_errors(turn, f"{cid} turn {i + 1}", today, str(lang))
    if lang == "ko" and not re.search("[가-힣]", turns[0]["say"]):
        errors.append(f"{cid}: a Korean conversation opens without Hangul")
    setup = conv.get("setup", [])
    for i, item in enumerate(setup):
        errors += _leave_errors(item, f"{cid} setup {i}", today)
    records = conv.get("records")
    if not isinstance(records, dict) or not isinstance(records.get("created"), list):
        return [*errors, f"{cid}: records.created is missing"]
    for i, item in enumerate(records["created"]):
        errors += _leave_errors(item, f"{cid} created {i}", today)
    cancelled = records.get("cancelled_setup", [])
    if any(not isinstance(i, int) or not 0 <= i < len(setup) for i in cancelled):
        errors.append(f"{cid}: cancelled_setup {cancelled} does not index setup")
    last = turns[-1]
    if records["created"] and not ("button" in last or YES.match(last.get("say", ""))):
        errors.append(f"{cid}: a booking must end with an explicit yes")
    return errors
