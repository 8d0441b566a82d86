"""The leave request being filled in (bot/actions/hr/leave_draft.py): pure, no gateway."""

from __future__ import annotations

from bot.actions.hr.leave_draft import LeaveDraft

WED = "2030-01-09"


def test_what_is_still_to_ask_follows_the_request():
    assert LeaveDraft().next_slot() == "leave_type"
    assert LeaveDraft(leave_type="family_event").next_slot() == "leave_event"
    assert LeaveDraft(leave_type="annual").next_slot() == "leave_dates"
    dated = LeaveDraft(leave_type="annual", start=WED, end=WED, working_days=1.0)
    assert dated.next_slot() == "leave_confirmed"
    assert LeaveDraft(**{**dated.__dict__, "part": "half"}).next_slot() == "leave_part"
    assert LeaveDraft(**{**dated.__dict__, "part": "hours"}).next_slot() == "leave_block"


def test_a_part_of_the_day_implies_annual_leave_but_never_overrides_a_type_said():
    sick = LeaveDraft(leave_type="sick").apply(
        {"leave_type": "annual", "leave_type_implied": True, "part": "pm"}, "afternoon")
    assert sick.leave_type == "sick" and sick.part == "full"  # half days: annual only
    assert sick.notes == ("hr_part_annual_only",)
    fresh = LeaveDraft().apply({"leave_type": "annual", "leave_type_implied": True,
                                "part": "pm"}, "afternoon")
    assert (fresh.leave_type, fresh.part) == ("annual", "pm")


def test_a_change_clears_the_confirmation_and_a_half_day_needs_one_date():
    confirmed = LeaveDraft(leave_type="annual", start=WED, end=WED, working_days=1.0,
                           confirmed=True)
    moved = confirmed.apply({"start_date": "2030-01-10", "end_date": "2030-01-10",
                             "working_days": 1}, "make it thursday")
    assert moved.confirmed is None and moved.start == "2030-01-10"
    assert moved.changed(confirmed) == {"leave_dates": "make it thursday",
                                        "leave_start": "2030-01-10",
                                        "leave_end": "2030-01-10", "leave_confirmed": None}
    week = LeaveDraft(leave_type="annual", start=WED, end="2030-01-11", working_days=3.0)
    half = week.apply({"part": "am"}, "morning")
    assert half.start is None and half.notes == ("hr_part_one_date",)


def test_the_request_body_and_days_match_what_the_gateway_stores():
    block = LeaveDraft(leave_type="annual", part="hours", block_start="14:00", start=WED,
                       end=WED, working_days=1.0)
    assert block.request_body() == {"leave_type": "annual", "start_date": WED,
                                    "end_date": WED, "part": "hours", "block_start": "14:00"}
    assert block.days == 0.25
    event = LeaveDraft(leave_type="family_event", event="own_wedding", start=WED,
                       end="2030-01-15", working_days=5.0)
    assert event.request_body()["event"] == "own_wedding" and event.days == 5.0
    # a new type that is not family event leave drops the event
    assert event.apply({"leave_type": "annual"}, "annual").event is None
