"""Dates for leave: the chain's public holidays, working days and natural-language dates.

Everything is relative to an explicit ``today`` (the gateway injects the date in Seoul), so
tests never depend on the real date.

Working days are Monday to Friday minus the paid public holidays of the HR handbook
(``hr-public-holidays``): South Korea's official holidays from the ``holidays`` package
(fixed-date, lunar, election, temporary and substitute holidays) plus Workers' Day.

Natural-language dates (English and Korean) are read by a small rule-based parser, with
dateparser as a last resort for a single date:

* ``today``, ``tomorrow``, ``the day after tomorrow``; ``오늘``, ``내일``, ``모레``, ``글피``
* weekdays: ``friday`` / ``this friday`` / ``coming friday`` = the next Friday on or after
  today; ``next friday`` = Friday of NEXT week (Monday-based weeks), like Korean
  ``다음 주 금요일``; ``이번 주 금요일`` = Friday of the current week;
  ``다다음 주`` = the week after next
* ``Dec 24``, ``24 December``, ``the 3rd of January``, ``12/24``, ISO ``2026-12-24``,
  ``12월 24일``, ``24일``, ``다음 달 20일``: without a year, the next such date on or after today
* ranges: ``Dec 24 to 26``, ``from Monday to Wednesday``, ``march 10-14``,
  ``between the 10th and 12th``, ``12월 24일부터 26일까지``, ``24일부터 26일``, ``다음 주 목금``;
  the end is read relative to the start (``Friday to Monday`` ends the Monday after)
* ``next week`` / ``다음 주`` = Monday-Friday of next week; ``the week of 20 July``;
  ``this week`` / ``이번 주`` = today to Friday (on a weekend: the coming Monday-Friday)
* ``3 days from Monday`` / ``모레부터 3일간`` = that many working days
* ``Thursday and Friday`` is a range only when no working day lies between the two days.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache

from holidays import country_holidays

SEOUL = timezone(timedelta(hours=9), "KST")  # Korea has no daylight saving time


def today_in_seoul() -> date:
    return datetime.now(SEOUL).date()


# --- public holidays ---------------------------------------------------------------------

# The chain's paid holidays are the official ones (the `holidays` package keeps the lunar,
# election, temporary and substitute days up to date) plus Workers' Day on 1 May.
COMPANY_HOLIDAYS = {(5, 1): "Workers' Day"}


@cache
def public_holidays(year: int) -> dict[date, str]:
    days = dict(country_holidays("KR", years=year, language="en_US"))
    for (month, day), name in COMPANY_HOLIDAYS.items():
        days.setdefault(date(year, month, day), name)
    return days


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def working_days(start: date, end: date) -> int:
    """Working days from ``start`` to ``end`` inclusive (0 when end < start)."""
    count, day = 0, start
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def working_days_by_year(start: date, end: date) -> dict[int, int]:
    """Working days of the range split by calendar year (a leave year is a calendar year)."""
    return {
        year: working_days(max(start, date(year, 1, 1)), min(end, date(year, 12, 31)))
        for year in range(start.year, end.year + 1)
    }


def add_working_days(start: date, count: int) -> date:
    """The date of the ``count``-th working day counting from ``start`` (inclusive)."""
    day, seen = start, 0
    while True:
        if is_working_day(day):
            seen += 1
            if seen == count:
                return day
        day += timedelta(days=1)


# --- natural-language dates ----------------------------------------------------------------


class DateParseError(ValueError):
    """The text holds no date we can read, or an impossible range; ``code`` says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date

    @property
    def working_days(self) -> int:
        return working_days(self.start, self.end)


@dataclass(frozen=True)
class _Spec:
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


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _week_span(day: date) -> tuple[date, date]:
    monday = _monday(day)
    return monday, monday + timedelta(days=4)


def _rest_of_week(today: date) -> tuple[date, date]:
    """Today to Friday; on a weekend the working week ahead (this one is over)."""
    if today.weekday() >= 5:
        return _week_span(_monday(today) + timedelta(weeks=1))
    return today, _monday(today) + timedelta(days=4)


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("～", "~").replace("–", "-")
    text = text.replace("—", "-")
    text = re.sub(r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: "iso{}{:0>2}{:0>2}".format(
        *m.groups()), text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # day-after-tomorrow
    text = re.sub(r"[?!\"()\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _part_spec(part: str, today: date, *, allow_bare: bool) -> _Spec | None:
    """The date a fragment names, or None. Searches, so surrounding words are ignored."""
    part = part.strip(" ,.")
    if not part:
        return None
    for finder in _FINDERS:
        spec = finder(part, today)
        if spec is not None:
            return spec
    if allow_bare and (m := re.fullmatch(rf"(?:the\s+)?(\d{{1,2}}){_ORD}", part)):
        return _Spec("day", day=int(m.group(1)))
    return _dateparser_spec(part, today)


def _find_iso(part: str, today: date) -> _Spec | None:
    if m := re.search(r"iso(\d{4})(\d{2})(\d{2})", part):
        value = _safe_date(*map(int, m.groups()))
        if value is None:
            raise DateParseError("invalid_date", f"{m.group(0)[3:]} is not a real date")
        return _Spec("abs", value=value)
    if m := re.search(r"(\d{4})\s*(?:년|\.|/)\s*(\d{1,2})\s*(?:월|\.|/)\s*(\d{1,2})", part):
        value = _safe_date(*map(int, m.groups()))
        if value is None:
            raise DateParseError("invalid_date", f"{m.group(0)} is not a real date")
        return _Spec("abs", value=value)
    return None


def _find_korean_day(part: str, today: date) -> _Spec | None:
    month_word = r"(다음\s*달|다음달|담달|이번\s*달|이번달)"
    if m := re.search(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", part):
        return _Spec("md", month=int(m.group(1)), day=int(m.group(2)))
    if m := re.search(month_word + r"\s*(\d{1,2})\s*일", part):
        offset = 0 if "이번" in m.group(1) else 1
        return _Spec("day", day=int(m.group(2)), month_offset=offset)
    if m := re.search(r"(\d{1,2})\s*일(?!\s*(?:간|동안))", part):
        return _Spec("day", day=int(m.group(1)))
    return None


def _find_korean_relative(part: str, today: date) -> _Spec | None:
    compact = part.replace(" ", "")
    for word, offset in _KO_RELATIVE.items():
        if word in compact:
            return _Spec("abs", value=today + timedelta(days=offset))
    return None


def _find_korean_weekday(part: str, today: date) -> _Spec | None:
    m = re.search(_KO_WEEK + r"?\s*([" + KO_WEEKDAYS + r"])\s*(?:요일|욜)", part)
    if m:
        offset = _ko_week_offset(m.group(1)) if m.group(1) else None
        return _Spec("weekday", weekday=KO_WEEKDAYS.index(m.group(2)), week_offset=offset)
    # "다음 주 목금": a week word and two or more weekday syllables = one range
    m = re.search(_KO_WEEK + r"\s*([" + KO_WEEKDAYS + r"]{2,})(?![요욜])", part)
    if m:
        monday = _monday(today) + timedelta(weeks=_ko_week_offset(m.group(1)))
        days = [monday + timedelta(days=KO_WEEKDAYS.index(c)) for c in m.group(2)]
        return _Spec("span", span=(min(days), max(days)))
    if m := re.search(_KO_WEEK, part):
        offset = _ko_week_offset(m.group(1))
        if offset == 0:
            return _Spec("span", span=_rest_of_week(today))
        return _Spec("span", span=_week_span(_monday(today) + timedelta(weeks=offset)))
    return None


def _find_holiday_word(part: str, today: date) -> _Spec | None:
    for word, (month, day) in _HOLIDAY_WORDS.items():
        if word in part:
            return _Spec("md", month=month, day=day)
    return None


def _find_english_relative(part: str, today: date) -> _Spec | None:
    for word, offset in _EN_RELATIVE.items():
        if re.search(rf"\b{word}\b", part):
            return _Spec("abs", value=today + timedelta(days=offset))
    return None


def _find_english_month_day(part: str, today: date) -> _Spec | None:
    year = r"(?:,?\s*(\d{4}))?"
    m = re.search(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_RE})\b\.?{year}", part)
    if m:
        return _Spec("md", day=int(m.group(1)), month=MONTHS[m.group(2)],
                     year=int(m.group(3)) if m.group(3) else None)
    m = re.search(rf"\b({_MONTH_RE})\b\.?\s+(?:the\s+)?(\d{{1,2}}){_ORD}\b{year}", part)
    if m:
        return _Spec("md", month=MONTHS[m.group(1)], day=int(m.group(2)),
                     year=int(m.group(3)) if m.group(3) else None)
    return None


def _find_numeric(part: str, today: date) -> _Spec | None:
    m = re.search(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{2,4}))?(?!\d)", part)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    month, day = (second, first) if first > 12 else (first, second)  # 23/12, else 12/24
    year = int(m.group(3)) if m.group(3) else None
    if year is not None and year < 100:
        year += 2000
    return _Spec("md", month=month, day=day, year=year)


def _find_ordinal(part: str, today: date) -> _Spec | None:
    if m := re.search(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b", part):
        return _Spec("day", day=int(m.group(1)))
    return None


def _find_english_weekday(part: str, today: date) -> _Spec | None:
    m = re.search(rf"\b(?:(this|next|coming|following|upcoming)\s+)?({_WEEKDAY_RE})\b", part)
    if not m:
        return None
    offset = 1 if m.group(1) in ("next", "following") else None
    return _Spec("weekday", weekday=WEEKDAYS[m.group(2)], week_offset=offset)


def _find_english_week(part: str, today: date) -> _Spec | None:
    if re.search(r"\bnext week\b", part):
        return _Spec("span", span=_week_span(_monday(today) + timedelta(weeks=1)))
    if re.search(r"\bweek after next\b", part):
        return _Spec("span", span=_week_span(_monday(today) + timedelta(weeks=2)))
    if re.search(r"\b(?:this|the rest of the) week\b", part):
        return _Spec("span", span=_rest_of_week(today))
    return None


_FINDERS: list[Callable[[str, date], _Spec | None]] = [
    _find_iso, _find_korean_day, _find_korean_relative, _find_korean_weekday,
    _find_holiday_word, _find_english_relative, _find_english_month_day, _find_numeric,
    _find_ordinal, _find_english_weekday, _find_english_week,
]


def _dateparser_spec(part: str, today: date) -> _Spec | None:
    if not re.search(r"[a-z가-힣]", part) or len(part) > 60:
        return None
    import dateparser

    parsed = dateparser.parse(
        part, languages=["en", "ko"],
        settings={"RELATIVE_BASE": datetime(today.year, today.month, today.day),
                  "PREFER_DATES_FROM": "future", "REQUIRE_PARTS": ["day"]},
    )
    return _Spec("abs", value=parsed.date()) if parsed else None


def _resolve(spec: _Spec, anchor: date, *, is_end: bool) -> date:
    """A concrete date: the next match on or after ``anchor`` (today, or the range start)."""
    if spec.kind == "abs":
        assert spec.value is not None
        return spec.value
    if spec.kind == "span":
        assert spec.span is not None
        return spec.span[1] if is_end else spec.span[0]
    if spec.kind == "weekday":
        assert spec.weekday is not None
        if spec.week_offset is not None:
            return _monday(anchor) + timedelta(weeks=spec.week_offset, days=spec.weekday)
        return anchor + timedelta(days=(spec.weekday - anchor.weekday()) % 7)
    if spec.kind == "md":
        assert spec.month is not None and spec.day is not None
        if spec.year is not None:
            value = _safe_date(spec.year, spec.month, spec.day)
            if value is None:
                raise DateParseError("invalid_date", "that is not a real date")
            return value
        for year in (anchor.year, anchor.year + 1, anchor.year + 2):
            value = _safe_date(year, spec.month, spec.day)
            if value is not None and value >= anchor:
                if is_end and year > anchor.year and (value - anchor).days > MAX_RANGE_DAYS:
                    # "Dec 26 to Dec 24" is a mistake, not a year of leave
                    raise DateParseError("end_before_start",
                                         "the end date is before the start date")
                return value
        raise DateParseError("invalid_date", "that is not a real date")
    # a day of the month
    assert spec.day is not None
    if not 1 <= spec.day <= 31:
        raise DateParseError("invalid_date", f"there is no day {spec.day} in a month")
    year, month = anchor.year, anchor.month
    if spec.month_offset:
        month += spec.month_offset
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        value = _safe_date(year, month, spec.day)
        if value is None:
            raise DateParseError("invalid_date", "that month has no such day")
        return value
    for _ in range(13):
        value = _safe_date(year, month, spec.day)
        if value is not None and value >= anchor:
            return value
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise DateParseError("invalid_date", "that month has no such day")


def _resolve_weekday_end(spec: _Spec, start: date, today: date) -> date:
    assert spec.weekday is not None
    if spec.week_offset is not None:
        return _monday(today) + timedelta(weeks=spec.week_offset, days=spec.weekday)
    return start + timedelta(days=(spec.weekday - start.weekday()) % 7)


MAX_RANGE_DAYS = 92  # longer absences are leaves of absence, arranged with HR

_RANGE_SEPARATORS = [
    r"부터", r"에서", r"~", r"\bto\b", r"\bthrough\b", r"\bthru\b", r"\buntil\b", r"\btill\b",
    r"\buntill\b", r"-", r"\band\b", r"이랑", r"랑", r"하고", r",",
]
_CONTIGUOUS_ONLY = {r"\band\b", r"이랑", r"랑", r"하고", r","}
_DURATION = re.compile(r"(?:\bfor\s+)?\b(\d{1,2})\s*(?:working\s+|business\s+)?days?\b"
                       r"|(\d{1,2})\s*일\s*(?:간|동안)")


def _split(text: str, today: date) -> tuple[_Spec, _Spec, bool] | None:
    """(start, end, contiguous_only) when the text names two dates joined as a range."""
    for separator in _RANGE_SEPARATORS:
        for m in re.finditer(separator, text):
            left, right = text[: m.start()], text[m.end():]
            between = re.search(r"\bbetween\b", left) is not None
            left = re.sub(r"^.*?\b(?:from|between)\b\s*", "", left)
            right = right.replace("까지", " ")
            try:
                start = _part_spec(left, today, allow_bare=True)
                end = _part_spec(right, today, allow_bare=True) if start else None
            except DateParseError:
                continue
            if start is not None and end is not None:
                return start, end, separator in _CONTIGUOUS_ONLY and not between
    return None


def _range_from_specs(start_spec: _Spec, end_spec: _Spec, today: date) -> DateRange:
    if start_spec.kind == "day" and not start_spec.month_offset and end_spec.kind in (
        "md", "abs"
    ):
        # "from the 2nd to the 6th of May", "24-26 Dec": the start takes the end's month
        end = _resolve(end_spec, today, is_end=False)
        start = _safe_date(end.year, end.month, start_spec.day or 0)
        if start is None or start > end:
            previous = end.replace(day=1) - timedelta(days=1)
            start = _safe_date(previous.year, previous.month, start_spec.day or 0)
        if start is None:
            raise DateParseError("invalid_date", "that month has no such day")
        return DateRange(start, end)
    start = _resolve(start_spec, today, is_end=False)
    if end_spec.kind == "weekday":
        end = _resolve_weekday_end(end_spec, start, today)
    elif end_spec.kind == "span":
        end = _resolve(end_spec, today, is_end=True)
    else:
        end = _resolve(end_spec, start, is_end=True)
    return DateRange(start, end)


def parse_leave_dates(text: str, today: date, language: str | None = None) -> DateRange:
    """Read a date or date range; raises DateParseError with a reason when it can't.

    ``language`` is only a hint: both English and Korean expressions are always tried.
    Past dates are returned as read (whether they may be requested is the leave rules').
    """
    normalised = _normalise(text)
    if not normalised:
        raise DateParseError("unparseable", "no date given")
    duration = None
    if m := _DURATION.search(normalised):
        duration = int(m.group(1) or m.group(2))
        normalised = (normalised[: m.start()] + " " + normalised[m.end():]).strip()
        normalised = re.sub(r"\b(?:from|starting|starting from)\s*$", "", normalised).strip()
    split = _split(normalised, today)
    if split is not None:
        start_spec, end_spec, contiguous_only = split
        result = _range_from_specs(start_spec, end_spec, today)
        if contiguous_only and result.end >= result.start and working_days(
            result.start + timedelta(days=1), result.end - timedelta(days=1)
        ):
            raise DateParseError(
                "separate_days",
                "those are separate days: request one continuous period at a time",
            )
    else:
        spec = _part_spec(normalised, today, allow_bare=False)
        if spec is None:
            raise DateParseError("unparseable", f"I can't read a date in {text.strip()!r}")
        if spec.kind == "span":
            assert spec.span is not None
            result = DateRange(*spec.span)
        else:
            start = _resolve(spec, today, is_end=False)
            result = DateRange(start, start)
        if re.search(r"\bweek of\b", normalised) and spec.kind != "span":
            result = DateRange(*_week_span(result.start))
    if duration:
        if not 1 <= duration <= 60:
            raise DateParseError("invalid_date", "a leave period is at most 60 days")
        first = result.start
        while not is_working_day(first):
            first += timedelta(days=1)
        result = DateRange(result.start, add_working_days(first, duration))
    if result.end < result.start:
        raise DateParseError("end_before_start", "the end date is before the start date")
    if (result.end - result.start).days >= MAX_RANGE_DAYS:
        raise DateParseError("too_long", "a leave period is at most 3 months; for longer "
                             "leave please contact HR")
    return result
