"""Dates for leave as people write them, in English and Korean.

Everything is relative to an explicit ``today`` (the gateway injects the date in Seoul), so
tests never depend on the real date. Working days and holidays: :mod:`work_calendar`.

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

dateparser alone reads a quarter of our test phrases (10 of 40, ``bench/hr_dates_eval.py``):
no ranges, no "next week", no Korean weeks; it stays the fallback for a single date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from api.services.date_phrases import (
    DateParseError,
    Spec,
    monday_of,
    normalise,
    part_spec,
    safe_date,
    week_span,
)
from api.services.work_calendar import add_working_days, is_working_day, working_days

# --- natural-language dates ----------------------------------------------------------------


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date

    @property
    def working_days(self) -> int:
        return working_days(self.start, self.end)


def _resolve(spec: Spec, anchor: date, *, is_end: bool) -> date:
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
            return monday_of(anchor) + timedelta(weeks=spec.week_offset, days=spec.weekday)
        return anchor + timedelta(days=(spec.weekday - anchor.weekday()) % 7)
    if spec.kind == "md":
        assert spec.month is not None and spec.day is not None
        if spec.year is not None:
            value = safe_date(spec.year, spec.month, spec.day)
            if value is None:
                raise DateParseError("invalid_date", "that is not a real date")
            return value
        for year in (anchor.year, anchor.year + 1, anchor.year + 2):
            value = safe_date(year, spec.month, spec.day)
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
        value = safe_date(year, month, spec.day)
        if value is None:
            raise DateParseError("invalid_date", "that month has no such day")
        return value
    for _ in range(13):
        value = safe_date(year, month, spec.day)
        if value is not None and value >= anchor:
            return value
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise DateParseError("invalid_date", "that month has no such day")


def _resolve_weekday_end(spec: Spec, start: date, today: date) -> date:
    assert spec.weekday is not None
    if spec.week_offset is not None:
        return monday_of(today) + timedelta(weeks=spec.week_offset, days=spec.weekday)
    return start + timedelta(days=(spec.weekday - start.weekday()) % 7)


MAX_RANGE_DAYS = 92  # longer absences are leaves of absence, arranged with HR

_RANGE_SEPARATORS = [
    r"부터", r"에서", r"~", r"\bto\b", r"\bthrough\b", r"\bthru\b", r"\buntil\b", r"\btill\b",
    r"\buntill\b", r"-", r"\band\b", r"이랑", r"랑", r"하고", r",",
]
_CONTIGUOUS_ONLY = {r"\band\b", r"이랑", r"랑", r"하고", r","}
_DURATION = re.compile(r"(?:\bfor\s+)?\b(\d{1,2})\s*(?:working\s+|business\s+)?days?\b"
                       r"|(\d{1,2})\s*일\s*(?:간|동안)")


def _split(text: str, today: date) -> tuple[Spec, Spec, bool] | None:
    """(start, end, contiguous_only) when the text names two dates joined as a range."""
    for separator in _RANGE_SEPARATORS:
        for m in re.finditer(separator, text):
            left, right = text[: m.start()], text[m.end():]
            between = re.search(r"\bbetween\b", left) is not None
            left = re.sub(r"^.*?\b(?:from|between)\b\s*", "", left)
            right = right.replace("까지", " ")
            try:
                start = part_spec(left, today, allow_bare=True)
                end = part_spec(right, today, allow_bare=True) if start else None
            except DateParseError:
                continue
            if start is not None and end is not None:
                return start, end, separator in _CONTIGUOUS_ONLY and not between
    return None


def _range_from_specs(start_spec: Spec, end_spec: Spec, today: date) -> DateRange:
    if start_spec.kind == "day" and not start_spec.month_offset and end_spec.kind in (
        "md", "abs"
    ):
        # "from the 2nd to the 6th of May", "24-26 Dec": the start takes the end's month
        end = _resolve(end_spec, today, is_end=False)
        start = safe_date(end.year, end.month, start_spec.day or 0)
        if start is None or start > end:
            previous = end.replace(day=1) - timedelta(days=1)
            start = safe_date(previous.year, previous.month, start_spec.day or 0)
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
    normalised = normalise(text)
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
        spec = part_spec(normalised, today, allow_bare=False)
        if spec is None:
            raise DateParseError("unparseable", f"I can't read a date in {text.strip()!r}")
        if spec.kind == "span":
            assert spec.span is not None
            result = DateRange(*spec.span)
        else:
            start = _resolve(spec, today, is_end=False)
            result = DateRange(start, start)
        if re.search(r"\bweek of\b", normalised) and spec.kind != "span":
            result = DateRange(*week_span(result.start))
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
