"""One date as people write it (English or Korean) → a ``Spec``: possibly partial ("friday",
"24일", "next week"), resolved later against today or a range's start (:mod:`hr_dates`).

Each ``_find_*`` reads one kind of phrase; ``part_spec`` tries them in order, then dateparser
for a single date none of them knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


class DateParseError(ValueError):
    """The text holds no date we can read, or an impossible range; ``code`` says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Spec:
    """One date as written: possibly partial, resolved against today or the range start."""

    kind: str  # abs | md | day | weekday | span
    value: date | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    month_offset: int | None = None
    weekday: int | None = None
    week_offset: int | None = None  # None: the next such weekday; 0 this week; 1 next
    span: tuple[date, date] | None = None


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "weds": 2,
    "wed": 2, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
KO_WEEKDAYS = "월화수목금토일"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"

# Korean week words: 이번 주 (this week), 다음 주 / 담주 / 차주 (next), 다다음 주, 지난 주.
_KO_WEEK = r"(다다음\s*주|다음\s*주|담\s*주|차주|이번\s*주|금주|지난\s*주|저번\s*주)"
_KO_WEEK_OFFSETS = {"다다음": 2, "다음": 1, "담": 1, "차": 1, "이번": 0, "금": 0, "지난": -1,
                    "저번": -1}
_KO_RELATIVE = {"오늘": 0, "내일모레": 2, "내일": 1, "모레": 2, "글피": 3, "어제": -1,
                "그저께": -2, "그제": -2}
_EN_RELATIVE = {"the day after tomorrow": 2, "day after tomorrow": 2, "today": 0,
                "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "yesterday": -1}
_HOLIDAY_WORDS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas": (12, 25), "new year's eve": (12, 31), "new years eve": (12, 31),
    "new year's day": (1, 1), "new years day": (1, 1),
    "크리스마스 이브": (12, 24), "크리스마스이브": (12, 24), "성탄절": (12, 25),
    "크리스마스": (12, 25), "신정": (1, 1),
}


def _ko_week_offset(word: str) -> int:
    word = re.sub(r"\s+", "", word).removesuffix("주")
    return _KO_WEEK_OFFSETS[word]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_span(day: date) -> tuple[date, date]:
    monday = monday_of(day)
    return monday, monday + timedelta(days=4)


def _rest_of_week(today: date) -> tuple[date, date]:
    """Today to Friday; on a weekend the working week ahead (this one is over)."""
    if today.weekday() >= 5:
        return week_span(monday_of(today) + timedelta(weeks=1))
    return today, monday_of(today) + timedelta(days=4)


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("～", "~").replace("–", "-")
    text = text.replace("—", "-")
    text = re.sub(r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: "iso{}{:0>2}{:0>2}".format(
        *m.groups()), text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # day-after-tomorrow
    text = re.sub(r"[?!\"()\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Words people put after a bare day that say nothing about it ("Dec 14 to 18 pls").
_COURTESY = r"(?:\s+(?:pls|plz|please|thanks|thank you|thx|off|inclusive|if possible))*"


def part_spec(part: str, today: date, *, allow_bare: bool) -> Spec | None:
    """The date a fragment names, or None. Searches, so surrounding words are ignored."""
    part = part.strip(" ,.")
    if not part:
        return None
    for finder in _FINDERS:
        spec = finder(part, today)
        if spec is not None:
            return spec
    if allow_bare and (m := re.fullmatch(rf"(?:the\s+)?(\d{{1,2}}){_ORD}{_COURTESY}", part)):
        return Spec("day", day=int(m.group(1)))
    return _dateparser_spec(part, today)


def _find_iso(part: str, today: date) -> Spec | None:
    if m := re.search(r"iso(\d{4})(\d{2})(\d{2})", part):
        value = safe_date(*map(int, m.groups()))
        if value is None:
            raise DateParseError("invalid_date", f"{m.group(0)[3:]} is not a real date")
        return Spec("abs", value=value)
    if m := re.search(r"(\d{4})\s*(?:년|\.|/)\s*(\d{1,2})\s*(?:월|\.|/)\s*(\d{1,2})", part):
        value = safe_date(*map(int, m.groups()))
        if value is None:
            raise DateParseError("invalid_date", f"{m.group(0)} is not a real date")
        return Spec("abs", value=value)
    return None


def _find_korean_day(part: str, today: date) -> Spec | None:
    month_word = r"(다음\s*달|다음달|담달|이번\s*달|이번달)"
    if m := re.search(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", part):
        return Spec("md", month=int(m.group(1)), day=int(m.group(2)))
    if m := re.search(month_word + r"\s*(\d{1,2})\s*일", part):
        offset = 0 if "이번" in m.group(1) else 1
        return Spec("day", day=int(m.group(2)), month_offset=offset)
    if m := re.search(r"(\d{1,2})\s*일(?!\s*(?:간|동안))", part):
        return Spec("day", day=int(m.group(1)))
    return None


def _find_korean_relative(part: str, today: date) -> Spec | None:
    compact = part.replace(" ", "")
    for word, offset in _KO_RELATIVE.items():
        if word in compact:
            return Spec("abs", value=today + timedelta(days=offset))
    return None


def _find_korean_weekday(part: str, today: date) -> Spec | None:
    m = re.search(_KO_WEEK + r"?\s*([" + KO_WEEKDAYS + r"])\s*(?:요일|욜)", part)
    if m:
        offset = _ko_week_offset(m.group(1)) if m.group(1) else None
        return Spec("weekday", weekday=KO_WEEKDAYS.index(m.group(2)), week_offset=offset)
    # "다음 주 목금": a week word and two or more weekday syllables = one range
    m = re.search(_KO_WEEK + r"\s*([" + KO_WEEKDAYS + r"]{2,})(?![요욜])", part)
    if m:
        monday = monday_of(today) + timedelta(weeks=_ko_week_offset(m.group(1)))
        days = [monday + timedelta(days=KO_WEEKDAYS.index(c)) for c in m.group(2)]
        return Spec("span", span=(min(days), max(days)))
    if m := re.search(_KO_WEEK, part):
        offset = _ko_week_offset(m.group(1))
        if offset == 0:
            return Spec("span", span=_rest_of_week(today))
        return Spec("span", span=week_span(monday_of(today) + timedelta(weeks=offset)))
    return None


def _find_holiday_word(part: str, today: date) -> Spec | None:
    for word, (month, day) in _HOLIDAY_WORDS.items():
        if word in part:
            return Spec("md", month=month, day=day)
    return None


def _find_english_relative(part: str, today: date) -> Spec | None:
    for word, offset in _EN_RELATIVE.items():
        if re.search(rf"\b{word}\b", part):
            return Spec("abs", value=today + timedelta(days=offset))
    return None


def _find_english_month_day(part: str, today: date) -> Spec | None:
    year = r"(?:,?\s*(\d{4}))?"
    m = re.search(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_RE})\b\.?{year}", part)
    if m:
        return Spec("md", day=int(m.group(1)), month=MONTHS[m.group(2)],
                     year=int(m.group(3)) if m.group(3) else None)
    m = re.search(rf"\b({_MONTH_RE})\b\.?\s+(?:the\s+)?(\d{{1,2}}){_ORD}\b{year}", part)
    if m:
        return Spec("md", month=MONTHS[m.group(1)], day=int(m.group(2)),
                     year=int(m.group(3)) if m.group(3) else None)
    return None


def _find_numeric(part: str, today: date) -> Spec | None:
    m = re.search(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?(?!\d)", part)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    month, day = (second, first) if first > 12 else (first, second)  # 23/12, else 12/24
    year = int(m.group(3)) if m.group(3) else None
    if year is not None and year < 100:
        year += 2000
    return Spec("md", month=month, day=day, year=year)


def _find_ordinal(part: str, today: date) -> Spec | None:
    if m := re.search(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b", part):
        return Spec("day", day=int(m.group(1)))
    return None


def _find_english_weekday(part: str, today: date) -> Spec | None:
    m = re.search(rf"\b(?:(this|next|coming|following|upcoming)\s+)?({_WEEKDAY_RE})\b", part)
    if not m:
        return None
    offset = 1 if m.group(1) in ("next", "following") else None
    return Spec("weekday", weekday=WEEKDAYS[m.group(2)], week_offset=offset)


def _find_english_week(part: str, today: date) -> Spec | None:
    if re.search(r"\bnext week\b", part):
        return Spec("span", span=week_span(monday_of(today) + timedelta(weeks=1)))
    if re.search(r"\bweek after next\b", part):
        return Spec("span", span=week_span(monday_of(today) + timedelta(weeks=2)))
    if re.search(r"\b(?:this|the rest of the) week\b", part):
        return Spec("span", span=_rest_of_week(today))
    return None


_FINDERS: list[Callable[[str, date], Spec | None]] = [
    _find_iso, _find_korean_day, _find_korean_relative, _find_korean_weekday,
    _find_holiday_word, _find_english_relative, _find_english_month_day, _find_numeric,
    _find_ordinal, _find_english_weekday, _find_english_week,
]


def _dateparser_spec(part: str, today: date) -> Spec | None:
    if not re.search(r"[a-z가-힣]", part) or len(part) > 60:
        return None
    import dateparser

    parsed = dateparser.parse(
        part, languages=["en", "ko"],
        settings={"RELATIVE_BASE": datetime(today.year, today.month, today.day),
                  "PREFER_DATES_FROM": "future", "REQUIRE_PARTS": ["day"]},
    )
    return Spec("abs", value=parsed.date()) if parsed else None
