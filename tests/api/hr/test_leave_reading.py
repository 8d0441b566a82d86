"""Reading the leave someone wants from one message (api/services/leave_reading.py) and
``POST /v1/hr/leave/read``. "today" is Monday 23 November 2026 (tests/api/hr/support.py)."""

from __future__ import annotations

from datetime import date

import pytest

from api.models.hr import LeavePart, LeaveType
from api.services.family_events import FamilyEvent
from api.services.leave_reading import HALF, read_leave
from tests.api.hr.support import TODAY

WED = date(2026, 12, 2)  # Wednesday of next week


@pytest.mark.parametrize(("text", "leave_type", "part", "start"), [
    ("I want to take a half day off next wednesday afternoon", "annual", "pm", WED),
    ("다음 주 수요일 오후 반차 쓸게요", "annual", "pm", WED),
    ("반차 쓰고 싶어요", "annual", HALF, None),
    ("next wednesday morning off pls", "annual", "am", WED),
    ("오후 말고 오전이요", "annual", "am", None),
    ("no, make it a full day", None, "full", None),
    ("sick leave next wednesday", "sick", None, WED),
    ("my kid is sick, I need to stay home with him next wednesday", "family", None, WED),
    ("엄마 병원에 모시고 가야 해서 가족돌봄휴가요", "family", None, None),
    ("연차요", "annual", None, None),
    ("no, make it Thursday", None, None, date(2026, 11, 26)),
    ("I am not feeling well, sick leave next wednesday", "sick", None, WED),
    ("sorry my bad, afternoon not morning", "annual", "pm", None),
    ("아니 월요일 말고 다음 주 수요일로", None, None, WED),
    ("not monday but next wednesday please", None, None, WED),
    ("반차 말고 하루 종일", None, "full", None),
    ("잠깐, 화요일이 아니라 다음 주 수요일이에요", None, None, WED),
    # a half day is annual leave, whatever the reason given for it
    ("다음 주 수요일 오후에 병원 가야 해서 반차 쓸게요", "annual", "pm", WED),
    ("half day next wednesday morning for a doctor's appointment", "annual", "am", WED),
    # a greeting asks for nothing
    ("good morning!", None, None, None),
    ("좋은 아침이에요", None, None, None),
    ("good morning, afternoon half day next wednesday please", "annual", "pm", WED),
])
def test_reads_type_part_and_dates(text, leave_type, part, start):
    reading = read_leave(text, TODAY)
    assert (reading.leave_type, reading.part, reading.start) == (leave_type, part, start)


def test_a_weekday_alone_corrects_within_the_week_of_the_date_being_corrected():
    assert read_leave("no, make it Thursday", TODAY, near=WED).start == date(2026, 12, 3)
    assert read_leave("아니 목요일로 해 주세요", TODAY, near=WED).start == date(2026, 12, 3)
    # a week said outright wins; a day already past in that week is read as usual
    assert read_leave("next thursday", TODAY, near=date(2026, 12, 9)).start == WED + (
        date(2026, 12, 3) - WED)
    assert read_leave("monday", TODAY, near=TODAY).start == date(2026, 11, 23)


def test_a_part_of_the_day_implies_annual_leave_only_when_no_type_is_named():
    assert read_leave("afternoon", TODAY).leave_type_implied is True
    assert read_leave("annual leave, afternoon", TODAY).leave_type_implied is False


@pytest.mark.parametrize(("text", "block_start"), [
    ("2-hour block next wednesday from 2pm", "14:00"),
    ("다음 주 수요일 오후 2시부터 반반차", "14:00"),
    ("반반차 10시부터", "10:00"),
    ("2시간 반반차 쓰고 싶어요", None),  # the hour is still to be asked
    ("two hours off at 5pm", None),  # 17:00 would end after 18:00: not a block start
])
def test_two_hour_blocks_and_their_start(text, block_start):
    reading = read_leave(text, TODAY)
    assert reading.part == LeavePart.hours
    assert reading.block_start == block_start
    assert reading.leave_type == LeaveType.annual


@pytest.mark.parametrize(("text", "event"), [
    ("family event leave for my wedding, Monday to Friday", FamilyEvent.own_wedding),
    ("my daughter's wedding is next friday", FamilyEvent.child_wedding),
    ("아들 결혼식이라 하루 쉬어요", FamilyEvent.child_wedding),
    ("my grandmother passed away, how many days can I take?",
     FamilyEvent.bereavement_grandparent),
    ("할머니가 돌아가셨어요", FamilyEvent.bereavement_grandparent),
    ("my wife's grandfather died", FamilyEvent.bereavement_spouse_grandparent),
    ("father-in-law's funeral", FamilyEvent.bereavement_spouse_parent),
    ("시어머니 장례 때문에 다음 주 월요일부터 수요일까지", FamilyEvent.bereavement_spouse_parent),
    ("처남 상을 당했어요", FamilyEvent.bereavement_spouse_sibling),
    ("my dad passed away last night", FamilyEvent.bereavement_parent),
    ("남동생이 사망해서 장례식에 가야 해요", FamilyEvent.bereavement_sibling),
])
def test_family_events_by_relation(text, event):
    reading = read_leave(text, TODAY)
    assert reading.event == event
    assert reading.leave_type == LeaveType.family_event


def test_a_relation_alone_answers_which_family_event():
    assert read_leave("my grandmother", TODAY, asked_event=True).event == (
        FamilyEvent.bereavement_grandparent)
    assert read_leave("할머니요", TODAY, asked_event=True).event == (
        FamilyEvent.bereavement_grandparent)
    assert read_leave("딸 결혼식이요", TODAY, asked_event=True).event == (
        FamilyEvent.child_wedding)
    assert read_leave("my grandmother", TODAY).event is None  # not asked: not an event


def test_a_death_without_a_relation_is_family_event_leave_whose_event_is_still_to_ask():
    reading = read_leave("there was a death in the family, I need leave", TODAY)
    assert (reading.leave_type, reading.event) == (LeaveType.family_event, None)


def test_clock_times_are_not_read_as_dates_and_unusable_dates_say_why():
    assert read_leave("from 14:00", TODAY).start is None
    past = read_leave("annual leave on 20 November", TODAY.replace(year=2026))
    assert past.start is None and past.date_error is not None
    # 20 November without a year is next year's: a date in the past needs a year
    assert read_leave("annual leave on 2026-11-20", TODAY).date_error == (
        "that date has already passed")
    assert "working day" in (read_leave("next saturday", TODAY).date_error or "")


@pytest.mark.parametrize("text", ["yes", "what is the dental insurance benefit?",
                                  "who is the manager of the Jamsil branch?", "네 맞아요"])
def test_a_message_about_something_else_reads_as_nothing(text):
    assert not read_leave(text, TODAY).found_anything


def test_the_endpoint_reads_the_message_for_the_signed_in_employee(client, auth):
    body = client.post("/v1/hr/leave/read", headers=auth("employee"), json={
        "text": "다음 주 수요일 오후 반차요", "language": "ko"}).json()
    assert body == {"leave_type": "annual", "leave_type_implied": False, "part": "pm",
                    "block_start": None, "event": None, "start_date": "2026-12-02",
                    "end_date": "2026-12-02", "working_days": 1, "date_error": None,
                    "found_anything": True}
    nothing = client.post("/v1/hr/leave/read", headers=auth("employee"),
                          json={"text": "thanks!"})
    assert nothing.status_code == 200 and nothing.json()["start_date"] is None
    assert nothing.json()["found_anything"] is False
    too_long = client.post("/v1/hr/leave/read", headers=auth("employee"),
                           json={"text": "x" * 201})
    assert too_long.status_code == 422
