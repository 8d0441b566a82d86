"""The chain's working calendar: the date in Seoul, paid public holidays, working days.

Working days are Monday to Friday minus the paid public holidays of the HR handbook
(``hr-public-holidays``): South Korea's official holidays from the ``holidays`` package
(fixed-date, lunar, election, temporary and substitute holidays) plus Workers' Day.
"""

from __future__ import annotations

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
