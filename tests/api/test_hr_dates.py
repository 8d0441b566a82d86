"""Leave dates as pure functions: holidays, working days and natural-language dates.

Every case passes an explicit ``today``, so nothing depends on the real date.
"""

from datetime import date

import pytest

from api.services.hr_dates import DateParseError, parse_leave_dates
from api.services.work_calendar import (
    add_working_days,
    is_working_day,
    public_holidays,
    working_days,
    working_days_by_year,
)

WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)
SUNDAY = date(2026, 11, 29)
NEW_YEARS_EVE_EVE = date(2026, 12, 30)  # a Wednesday


# Phrases read on WEDNESDAY (bench/hr_dates_eval.py also plays them against dateparser alone).
RANGES = [
    ("Dec 24 to 26", "2026-12-24", "2026-12-26"),
    ("12월 24일부터 26일까지", "2026-12-24", "2026-12-26"),
    ("24-26 Dec", "2026-12-24", "2026-12-26"),
    ("december 24th through the 26th", "2026-12-24", "2026-12-26"),
    ("24일부터 26일", "2026-12-24", "2026-12-26"),
    ("between the 10th and 12th", "2026-12-10", "2026-12-12"),
    ("march 10-14", "2027-03-10", "2027-03-14"),
    ("from the 2nd to the 6th of May", "2027-05-02", "2027-05-06"),
    ("Dec 28 to Jan 4", "2026-12-28", "2027-01-04"),
    ("Friday to Monday", "2026-11-27", "2026-11-30"),
]


SINGLE_DAYS = [
    ("tomorrow", "2026-11-26"),
    ("Tomorrow!", "2026-11-26"),
    ("the day after tomorrow", "2026-11-27"),
    ("내일", "2026-11-26"),
    ("모레", "2026-11-27"),
    ("friday", "2026-11-27"),          # the next Friday on or after today
    ("this friday", "2026-11-27"),
    ("next friday", "2026-12-04"),      # Friday of NEXT week
    ("다음 주 금요일", "2026-12-04"),
    ("이번 주 금요일", "2026-11-27"),
    ("다다음 주 화요일", "2026-12-08"),
    ("christmas eve", "2026-12-24"),
    ("크리스마스 이브", "2026-12-24"),
    ("2026-12-03", "2026-12-03"),
    ("12/24", "2026-12-24"),
    ("24/12", "2026-12-24"),            # day first when it can only be a day
    ("the 3rd of January", "2027-01-03"),  # no year: the next one on or after today
    ("1월 4일", "2027-01-04"),
    ("I'd like to take off on Dec 1, please", "2026-12-01"),
]


WEEKS_AND_DURATIONS = [
    ("next week", "2026-11-30", "2026-12-04"),
    ("다음 주", "2026-11-30", "2026-12-04"),
    ("week after next", "2026-12-07", "2026-12-11"),
    ("this week", "2026-11-25", "2026-11-27"),   # the rest of it
    ("이번 주", "2026-11-25", "2026-11-27"),
    ("다음 주 목금", "2026-12-03", "2026-12-04"),
    ("the week of 7 December", "2026-12-07", "2026-12-11"),
    ("3 days from Monday", "2026-11-30", "2026-12-02"),
    ("모레부터 3일간", "2026-11-27", "2026-12-01"),  # Fri, Mon, Tue
    ("for 2 days from tomorrow", "2026-11-26", "2026-11-27"),
    ("Thursday and Friday", "2026-11-26", "2026-11-27"),
]


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# --- holidays and working days -------------------------------------------------------------


def test_fixed_and_lunar_holidays_are_days_off():
    holidays = public_holidays(2026)
    assert holidays[d("2026-12-25")] == "Christmas Day"
    assert {d("2026-09-24"), d("2026-09-25"), d("2026-09-26")} <= set(holidays)  # Chuseok
    assert d("2026-08-17") in holidays  # substitute for Liberation Day on a Saturday
    assert not is_working_day(d("2026-12-25"))
    assert not is_working_day(d("2026-11-28"))  # Saturday
    assert is_working_day(d("2026-12-24"))


def test_lunar_holidays_of_later_years_come_from_the_calendar_package():
    holidays = public_holidays(2030)
    assert date(2030, 1, 1) in holidays and date(2030, 10, 9) in holidays
    assert "Chuseok" in holidays[date(2030, 9, 12)]  # 15th day of the 8th lunar month
    assert holidays[date(2030, 5, 1)] in {"Workers' Day", "Labor Day"}  # paid either way


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2026-11-30", "2026-12-04", 5),   # a plain week
    ("2026-11-27", "2026-11-30", 2),   # Friday to Monday: the weekend is free
    ("2026-12-21", "2026-12-25", 4),   # Christmas Friday is a holiday
    ("2026-09-21", "2026-09-30", 6),   # Chuseok week
    ("2026-11-28", "2026-11-29", 0),   # a weekend only
    ("2026-12-04", "2026-12-01", 0),   # end before start
])
def test_working_days_skip_weekends_and_holidays(start, end, expected):
    assert working_days(d(start), d(end)) == expected


def test_a_range_over_new_year_is_split_by_calendar_year():
    # Mon 28 - Thu 31 Dec (4), Fri 1 Jan is New Year's Day, Mon 4 Jan (1)
    assert working_days_by_year(d("2026-12-28"), d("2027-01-04")) == {2026: 4, 2027: 1}


def test_add_working_days_counts_from_the_first_day_inclusive():
    assert add_working_days(d("2026-11-27"), 1) == d("2026-11-27")
    assert add_working_days(d("2026-11-27"), 3) == d("2026-12-01")
    assert add_working_days(d("2026-12-24"), 2) == d("2026-12-28")  # over Christmas


# --- natural language: the cases from the issue --------------------------------------------


@pytest.mark.parametrize("text", [
    "next Monday to Wednesday",
    "다음 주 월요일부터 수요일까지",
    "from next monday until wednesday",
    "다음 주 월요일에서 수요일까지",
])
@pytest.mark.parametrize("today", [WEDNESDAY, FRIDAY, SUNDAY])
def test_next_monday_to_wednesday_in_both_languages(text, today):
    found = parse_leave_dates(text, today)
    assert (found.start, found.end) == (d("2026-11-30"), d("2026-12-02"))
    assert found.working_days == 3


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_ranges(text, start, end):
    found = parse_leave_dates(text, WEDNESDAY)
    assert (found.start, found.end) == (d(start), d(end))


@pytest.mark.parametrize(("text", "expected"), SINGLE_DAYS)
def test_single_days(text, expected):
    found = parse_leave_dates(text, WEDNESDAY)
    assert found.start == found.end == d(expected)


@pytest.mark.parametrize(("text", "start", "end"), WEEKS_AND_DURATIONS)
def test_weeks_and_durations(text, start, end):
    found = parse_leave_dates(text, WEDNESDAY)
    assert (found.start, found.end) == (d(start), d(end))


@pytest.mark.parametrize("text", ["this week", "이번 주"])
def test_this_week_on_a_weekend_means_the_week_ahead(text):
    found = parse_leave_dates(text, SUNDAY)
    assert (found.start, found.end) == (d("2026-11-30"), d("2026-12-04"))


def test_relative_words_follow_today_over_the_new_year():
    found = parse_leave_dates("next Monday to Wednesday", NEW_YEARS_EVE_EVE)
    assert (found.start, found.end) == (d("2027-01-04"), d("2027-01-06"))
    assert parse_leave_dates("friday", NEW_YEARS_EVE_EVE).working_days == 0  # 1 January
    found = parse_leave_dates("1월 4일부터 6일까지", NEW_YEARS_EVE_EVE)
    assert (found.start, found.end, found.working_days) == (
        d("2027-01-04"), d("2027-01-06"), 3)


def test_past_dates_are_returned_as_read_for_the_leave_rules_to_refuse():
    assert parse_leave_dates("yesterday", WEDNESDAY).start == d("2026-11-24")
    assert parse_leave_dates("2026-11-02", WEDNESDAY).start == d("2026-11-02")


# --- refusals carry a reason code -------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [
    ("hello", "unparseable"),
    ("   ", "unparseable"),
    ("휴가 쓰고 싶어요", "unparseable"),
    ("2026-02-30", "invalid_date"),
    ("Dec 26 to Dec 24", "end_before_start"),
    ("Monday and Wednesday", "separate_days"),
    ("Jan 5 to May 30", "too_long"),
    ("for 90 days from Monday", "invalid_date"),
])
def test_unreadable_or_impossible_dates_say_why(text, code):
    with pytest.raises(DateParseError) as raised:
        parse_leave_dates(text, WEDNESDAY)
    assert raised.value.code == code
    assert raised.value.message
