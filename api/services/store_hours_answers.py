"""``POST /v1/stores/hours``: "Is the Hongdae branch open at 3am?", "잠실점 일요일에도 열어요?" —
the branch's row of the hours table for the day asked, worded as an answer, cited.

The hours come from the store FAQ as staff keep it (``knowledge_base.store_hours``); the
branch is the one named, else the one named earlier in the conversation (``context``).
``applies`` is false when no branch is named or the question is not about opening hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from knowledge_base.branches import BranchInfo, first_named
from knowledge_base.store import DocumentNotFound, KnowledgeBase
from knowledge_base.store_hours import HOURS_DOC_ID, BranchHours, branch_hours, notes_about
from replies import store_hours as wording

_HOURS_EN = re.compile(r"\b(open|opens|opening|close|closes|closing|closed|hours?|until|"
                       r"what time|24/7)\b")
_HOURS_KO = re.compile(r"열어|여나|여는|엽니|닫|영업|몇시|시까지|시부터|운영|문열|문닫|하나요|"
                       r"해요|하는지|오픈")
_STOCK = re.compile(r"\b(?:in stock|stock|out of stock|have any left|available at)\b|"
                    r"재고|있는지확인|품절|남아있")
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_KO = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
_TIME_EN = re.compile(r"\b(\d{1,2})(?::(\d\d))?\s*(am|pm|a\.m\.|p\.m\.)")
_TIME_24 = re.compile(r"\bat (\d{1,2}):(\d\d)\b")
_TIME_KO = re.compile(r"(새벽|아침|오전|오후|저녁|밤)?\s*(\d{1,2})\s*시\s*(?:(\d{1,2})\s*분|(반))?")


@dataclass
class HoursAnswer:
    applies: bool
    text: str = ""
    sources: list[dict] = field(default_factory=list)
    branch: str | None = None


def day_type(weekday: int) -> str:
    return "weekday" if weekday < 5 else ("saturday" if weekday == 5 else "sunday")


def asked_days(text: str, today: datetime) -> list[str]:
    """The day types the question is about (weekday / saturday / sunday); [] if none."""
    lowered, korean = text.lower(), text.replace(" ", "")
    days: list[str] = []
    for index, (en, ko) in enumerate(zip(_WEEKDAYS_EN, _WEEKDAYS_KO, strict=True)):
        if re.search(rf"\b{en}s?\b", lowered) or ko in korean:
            days.append(day_type(index))
    if re.search(r"\bweekends?\b", lowered) or "주말" in korean:
        days += ["saturday", "sunday"]
    if re.search(r"\bweekdays?\b", lowered) or "평일" in korean:
        days.append("weekday")
    if re.search(r"\b(public )?holidays?\b", lowered) or "공휴일" in korean or "휴일" in korean:
        days.append("sunday")
    if re.search(r"\btomorrow\b", lowered) or "내일" in korean:
        days.append(day_type((today.weekday() + 1) % 7))
    if re.search(r"\b(today|tonight|now)\b", lowered) or any(
            w in korean for w in ("오늘", "지금", "오늘밤")):
        days.append(day_type(today.weekday()))
    return list(dict.fromkeys(days))


def asked_minute(text: str) -> int | None:
    """The time of day asked about, in minutes after midnight ("3am", "밤 10시")."""
    lowered = text.lower()
    if match := _TIME_EN.search(lowered):
        hour, minute = int(match[1]) % 12, int(match[2] or 0)
        return (hour + (12 if match[3].startswith("p") else 0)) * 60 + minute
    if match := _TIME_24.search(lowered):
        return int(match[1]) * 60 + int(match[2])
    if match := _TIME_KO.search(text):
        part, hour = match[1], int(match[2]) % 24
        if part in ("오후", "저녁", "밤") and hour < 12:
            hour += 12
        minute = 30 if match[4] else int(match[3] or 0)
        return (hour % 24) * 60 + minute
    return None


def asks_about_hours(text: str) -> bool:
    return bool(_HOURS_EN.search(text.lower()) or _HOURS_KO.search(text.replace(" ", "")))


def asks_about_stock(text: str) -> bool:
    return bool(_STOCK.search(text.lower().replace(" ", "") if re.search("[가-힣]", text)
                              else text.lower()))


def answer_hours(kb: KnowledgeBase, branches: tuple[BranchInfo, ...], text: str,
                 language: str, now: datetime, context: list[str] | None = None) -> HoursAnswer:
    """The branch's hours for the day/time asked; for a stock question (we hold no stock
    data) the branch's phone and today's hours, so the customer can ask them."""
    days, minute = asked_days(text, now), asked_minute(text)
    stock = asks_about_stock(text)
    if not (stock or asks_about_hours(text) or days or minute is not None):
        return HoursAnswer(applies=False)
    branch = first_named(branches, [text, *(context or [])])
    if branch is None:
        return HoursAnswer(applies=False)
    if stock:
        days, minute = [day_type(now.weekday())], None
    try:
        document = kb.get(HOURS_DOC_ID).document
    except DocumentNotFound:
        return HoursAnswer(applies=False)
    row: BranchHours | None = next(
        (r for r in branch_hours(document) if r.branch.lower() == branch.name.lower()), None)
    if row is None:
        return HoursAnswer(applies=False)
    if minute is not None and not days:
        days = [day_type(now.weekday())]
    name = branch.name_ko if language == "ko" else branch.name
    text_out = wording.hours_answer(language, name, row.days, days, minute, branch.phone,
                                    closing_asked=bool(re.search(r"clos|닫|까지", text.lower())))
    if stock:
        text_out = f"{wording.no_stock_data(language, name, branch.phone)}\n{text_out}"
    source = {"doc_id": document.doc_id, "drug": "", "section": row.section_key,
              "title": document.title}
    notes = "".join(f"\n“{note}”" for note in notes_about(document, row.branch))
    citation = wording.citation(language, document.title, row.section_title)
    return HoursAnswer(applies=True, text=f"{text_out}{notes}\n{citation}", sources=[source],
                       branch=branch.name)
