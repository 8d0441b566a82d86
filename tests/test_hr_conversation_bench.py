"""The HR conversation benchmark (bench/hr_conversation_spec.py, the conversation format, and
bench/hr_conversation_eval.py, the runner), without a gateway: date specs read as the gateway
reads them, reply and record checks, the figures, one play against a fake HR API, and the two
conversation files themselves (well-formed, ids unique, every task in both languages of both
splits, frozen wordings not copied from dev)."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, timedelta
from difflib import SequenceMatcher

import httpx
import pytest

from api.models.hr import LeavePart, LeaveType
from api.services.family_events import FAMILY_EVENTS, FamilyEvent
from api.services.hr_dates import parse_leave_dates
from api.services.leave_rules import check_event, check_part
from api.services.work_calendar import working_days
from bench import hr_conversation_eval as bench
from bench.hr_conversation_eval import (
    Gateway,
    Ledger,
    Outcome,
    aggregate,
    check_turn,
    compare_records,
    expected_key,
    play,
    reply_text,
    stored_key,
)
from bench.hr_conversation_spec import (
    SPLITS,
    TASKS,
    WEEKDAYS,
    day_regex,
    holiday_reason,
    load,
    md_regex,
    render_pattern,
    render_say,
    resolve_spec,
    validate,
)

WEDNESDAY = date(2026, 12, 9)
SUNDAY = date(2026, 12, 13)
# a week with no public holiday in the two weeks after it (Dec 14-25 has one: the 25th)
A_WEEK = [date(2026, 11, 23) + timedelta(days=n) for n in range(7)]


def conv(**fields) -> dict:
    base = {"id": "t1", "lang": "en", "task": "annual_full",
            "turns": [{"say": "annual leave {next wed} pls"}, {"say": "yes"}],
            "records": {"created": [{"leave_type": "annual", "part": "full",
                                     "start": "next wed", "end": "next wed", "event": None}]}}
    return {**base, **fields}


# --- dates ------------------------------------------------------------------------------------


def test_specs_are_weekdays_of_next_week_and_the_week_after():
    assert resolve_spec("next mon", WEDNESDAY) == date(2026, 12, 14)
    assert resolve_spec("next wed", WEDNESDAY) == date(2026, 12, 16)
    assert resolve_spec("in2w fri", WEDNESDAY) == date(2026, 12, 25)
    # weeks begin on Monday: on a Sunday, "next" is the week starting tomorrow
    assert resolve_spec("next mon", SUNDAY) == date(2026, 12, 14)
    assert resolve_spec(" Next  Thu ".replace("  ", " "), SUNDAY) == date(2026, 12, 17)
    for bad in ("tomorrow", "next sat", "in3w mon", ""):
        with pytest.raises(ValueError):
            resolve_spec(bad, WEDNESDAY)


@pytest.mark.parametrize("today", A_WEEK, ids=lambda d: d.strftime("%a"))
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_rendered_phrases_mean_the_same_date_to_the_gateway(today, lang):
    for week in ("next", "in2w"):
        for weekday in WEEKDAYS:
            spec = f"{week} {weekday}"
            for form in ("", ":date", ":iso"):
                text = render_say(f"{{{spec}{form}}}", today, lang)
                found = parse_leave_dates(text, today, lang)
                assert (found.start, found.end) == (resolve_spec(spec, today),) * 2, text
    text = render_say("{next mon}부터 {next wed:day}까지" if lang == "ko"
                      else "from {next mon} to {next wed:day}", today, lang)
    found = parse_leave_dates(text, today, lang)
    assert (found.start, found.end) == (resolve_spec("next mon", today),
                                        resolve_spec("next wed", today)), text


def test_say_forms_in_both_languages():
    assert render_say("off {next wed} pls", WEDNESDAY, "en") == "off next Wednesday pls"
    assert render_say("{next wed} 연차", WEDNESDAY, "ko") == "다음 주 수요일 연차"
    assert render_say("{in2w tue}", WEDNESDAY, "en") == "December 22"
    assert render_say("{in2w tue}", WEDNESDAY, "ko") == "12월 22일"
    assert render_say("{next fri:date}/{next fri:day}/{next fri:iso}", WEDNESDAY, "ko") == \
        "12월 18일/금요일/2026-12-18"
    assert render_say("no braces {here}", WEDNESDAY, "en") == "no braces {here}"
    with pytest.raises(ValueError):
        render_say("{next wed:md}", WEDNESDAY, "en")


@pytest.mark.parametrize("text", ["Wednesday, Dec 16", "December 16th", "16 December",
                                  "on the 16th of Dec", "12월 16일(수)", "12월16일",
                                  "2026-12-16", "12/16", "Dec. 16"])
def test_month_day_regex_accepts_usual_spellings(text):
    assert re.search(md_regex(date(2026, 12, 16)), text, re.IGNORECASE)


@pytest.mark.parametrize("text", ["Dec 160", "December 1", "12/1", "112/16", "12월 1일",
                                  "Nov 16", "2026-12-161", "16 Nov"])
def test_month_day_regex_rejects_other_dates(text):
    assert not re.search(md_regex(date(2026, 12, 16)), text, re.IGNORECASE)


def test_month_day_regex_other_months():
    assert re.search(md_regex(date(2027, 1, 4)), "Monday 2027-01-04", re.I)
    assert re.search(md_regex(date(2027, 1, 4)), "1월 4일", re.I)
    assert not re.search(md_regex(date(2027, 1, 4)), "11월 4일", re.I)
    assert re.search(md_regex(date(2027, 9, 3)), "Sept 3", re.I)
    assert re.search(md_regex(date(2027, 5, 3)), "May 3rd", re.I)


def test_patterns_get_regexes_and_keep_other_braces():
    pattern = render_pattern(r"{next wed:md} .* \d{2}", WEDNESDAY)
    assert pattern.endswith(r" .* \d{2}") and "12" in pattern
    assert render_pattern("{next wed}", WEDNESDAY) == md_regex(date(2026, 12, 16))
    assert render_pattern("{next wed:day}", WEDNESDAY) == day_regex(date(2026, 12, 16))
    assert re.search(day_regex(date(2026, 12, 16)), "12/16(수)")
    assert re.search(day_regex(date(2026, 12, 16)), "Wed 16 Dec")
    with pytest.raises(ValueError):
        render_pattern("{next wed:iso}", WEDNESDAY)


def test_a_conversation_on_a_public_holiday_is_not_run():
    on_christmas = conv(turns=[{"say": "annual leave {next fri}"}, {"say": "yes"}],
                        records={"created": []})
    a_week_before = date(2026, 12, 16)
    assert "Christmas" in (holiday_reason(on_christmas, a_week_before) or "")
    assert holiday_reason(on_christmas, WEDNESDAY) is None
    range_over_it = conv(turns=[{"say": "x {next mon}"}, {"say": "yes"}], records={"created": [
        {"leave_type": "family_event", "start": "next mon", "end": "next fri",
         "event": "own_wedding"}]})
    assert holiday_reason(range_over_it, a_week_before) is not None
    assert holiday_reason(range_over_it, WEDNESDAY) is None
    setup_on_it = conv(setup=[{"leave_type": "annual", "start": "in2w fri"}])
    assert "2027-01-01" in (holiday_reason(setup_on_it, date(2026, 12, 14)) or "")
    in_expect = conv(turns=[{"say": "hi", "expect": ["{next fri:md}"]}, {"say": "yes"}])
    assert holiday_reason(in_expect, a_week_before) is not None


# --- replies and records -----------------------------------------------------------------------


def test_reply_text_shows_button_titles():
    replies = [{"text": "Morning or afternoon?",
                "buttons": [{"title": "Morning", "payload": "/x"}]}, {"text": "ok"}]
    assert reply_text(replies) == "Morning or afternoon?\n[Morning]\nok"


def test_turn_expectations():
    turn = {"expect": ["{next wed:md}", "half|반차"], "expect_not": ["submitted"]}
    assert check_turn("Half day on Wed 16 Dec, shall I submit?", turn, WEDNESDAY) is None
    assert check_turn("반차 12월 16일 신청할까요?", turn, WEDNESDAY) is None
    assert check_turn("Half day on Dec 17?", turn, WEDNESDAY) == "expected /{next wed:md}/"
    assert check_turn("Half day, Dec 16, submitted", turn, WEDNESDAY) == "unexpected /submitted/"
    assert check_turn("anything", {}, WEDNESDAY) is None


def test_records_are_compared_order_free_with_their_counts():
    wed = {"leave_type": "annual", "part": "pm", "start": "next wed", "end": "next wed",
           "event": None}
    key = expected_key(wed, WEDNESDAY)
    assert key == ("annual", "pm", "2026-12-16", "2026-12-16", None, None)
    row = {"id": 7, "leave_type": "annual", "part": "pm", "start_date": "2026-12-16",
           "end_date": "2026-12-16", "event": None, "block_start": None, "status": "pending"}
    assert stored_key(row) == key
    other = expected_key({"leave_type": "family_event", "start": "next mon",
                          "end": "next wed", "event": "own_wedding"}, WEDNESDAY)
    assert compare_records([key, other], [other, key]) == ([], [])
    assert compare_records([], [key]) == ([key], [])
    assert compare_records([key, key], [key]) == ([], [key])
    am = (*key[:1], "am", *key[2:])
    assert compare_records([am], [key]) == ([key], [am])


def outcome(split="dev", lang="en", status="passed", turns=3, books=True, wrong=0,
            task="half_day") -> Outcome:
    return Outcome(f"x{turns}", split, lang, task, status, turns, books, wrong)


def test_figures_per_split_and_language():
    result = aggregate([
        outcome(turns=2), outcome(turns=4), outcome(books=False, turns=5, task="hr_vocab"),
        outcome(status="failed", wrong=1), outcome(status="skipped", turns=9),
        outcome(lang="ko", status="failed", wrong=2, turns=3),
        outcome(split="frozen", lang="ko", turns=3)])
    en = result["dev"]["en"]
    assert en == {"conversations": 4, "skipped": 1, "passed": 3, "task_success_rate": 0.75,
                  "wrong_bookings": 1, "wrong_cancellations": 0,
                  "turns_per_completed_task": 3.0}
    assert result["dev"]["ko"]["task_success_rate"] == 0.0
    assert result["dev"]["ko"]["turns_per_completed_task"] is None
    assert result["dev"]["all"]["wrong_bookings"] == 3
    assert result["dev"]["by_task"]["hr_vocab"]["passed"] == 1
    assert result["frozen"]["en"]["task_success_rate"] is None
    assert result["frozen"]["ko"]["turns_per_completed_task"] == 3.0


# --- one play against a fake HR API -------------------------------------------------------------


class FakeHr:
    """The gateway's HR routes in memory; the "bot" books annual leave on ``books`` after a
    yes, and says ``reply`` to everything."""

    def __init__(self, books: str, reply: str) -> None:
        self.rows: list[dict] = []
        self.books, self.reply = books, reply

    def _store(self, body: dict) -> dict:
        row = {"id": len(self.rows) + 1, "status": "pending", **body}
        self.rows.append(row)
        return row

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/auth/token":
            return httpx.Response(200, json={"access_token": "t"})
        if path == "/v1/hr/leave/requests" and request.method == "GET":
            return httpx.Response(200, json=self.rows)
        if path == "/v1/hr/leave/requests":
            return httpx.Response(201, json=self._store(json.loads(request.content)))
        if path.startswith("/v1/hr/leave/requests/"):
            row = self.rows[int(path.rsplit("/", 1)[1]) - 1]
            row["status"] = "cancelled"
            return httpx.Response(200, json=row)
        message = json.loads(request.content)["message"]
        if message == "yes":
            self._store({"leave_type": "annual", "part": "full", "start_date": self.books,
                         "end_date": self.books, "event": None, "block_start": None})
        return httpx.Response(200, json={"replies": [{"text": self.reply, "buttons": [
            {"title": "Yes", "payload": "yes"}]}]})


def fake_play(tmp_path, fake: FakeHr, conversation: dict) -> Outcome:
    gateway = Gateway("http://fake", transport=httpx.MockTransport(fake))
    return play(gateway, Ledger(tmp_path / "ids.json"), conversation, "dev", WEDNESDAY)


def test_play_passes_and_cleans_up(tmp_path):
    fake = FakeHr("2026-12-16", "Annual leave on Dec 16: submitted")
    result = fake_play(tmp_path, fake, conv(turns=[
        {"say": "annual leave {next wed}", "expect": ["{next wed:md}"]},
        {"button": "^yes", "expect": ["submitted"]}]))
    assert (result.status, result.wrong_bookings, result.failures) == ("passed", 0, [])
    assert [r["status"] for r in fake.rows] == ["cancelled"]
    assert json.loads((tmp_path / "ids.json").read_text()) == {"employee": [], "manager": []}


def test_play_counts_a_wrong_booking_and_a_wrong_cancellation(tmp_path):
    fake = FakeHr("2026-12-17", "Dec 17 then")
    result = fake_play(tmp_path, fake, conv(
        setup=[{"leave_type": "annual", "start": "next mon"}],
        turns=[{"say": "annual leave {next wed}", "expect": ["{next wed:md}"]},
               {"say": "yes"}]))
    assert result.status == "failed" and result.wrong_bookings == 1
    assert [f["turn"] for f in result.failures] == [1, "records"]
    assert all(r["status"] == "cancelled" for r in fake.rows)
    fake = FakeHr("2026-12-17", "ok")
    result = fake_play(tmp_path, fake, conv(
        setup=[{"leave_type": "annual", "start": "next mon"}],
        turns=[{"say": "hi"}, {"button": "^No$"}], records={"created": []}))
    assert result.failures[0]["reason"].startswith("no button") and result.wrong_bookings == 0


def test_play_skips_a_holiday_and_main_reports_an_unreachable_gateway(tmp_path, monkeypatch):
    fake = FakeHr("2026-12-25", "ok")
    skipped = fake_play(tmp_path, fake, conv(turns=[{"say": "{in2w fri}"}, {"say": "yes"}]))
    assert skipped.status == "skipped" and "holiday" in skipped.failures[0]["reason"]
    assert fake.rows == []

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    monkeypatch.setattr(bench, "Gateway", lambda url: Gateway(url, httpx.MockTransport(refuse)))
    assert bench.main(["--only", "hd01"]) == 2


# --- the conversation files ----------------------------------------------------------------------


def all_conversations() -> list[tuple[str, dict]]:
    return [(split, c) for split, path in SPLITS.items() for c in load(path)]


def test_validation_catches_mistakes():
    assert validate(conv(), WEDNESDAY) == []
    assert any("explicit yes" in e for e in validate(conv(turns=[
        {"say": "annual leave {next wed}"}, {"say": "thanks"}]), WEDNESDAY))
    assert validate(conv(task="chit_chat"), WEDNESDAY)
    assert validate(conv(turns=[{"say": "{tomorrow:date} off"}, {"say": "yes"}]), WEDNESDAY) == []
    assert validate(conv(turns=[{"say": "{next sun} off"}, {"say": "yes"}]), WEDNESDAY) == []
    assert validate(conv(turns=[{"say": "{next wed:md} off"}, {"say": "yes"}]), WEDNESDAY)
    assert validate(conv(turns=[{"say": "hi", "expect": ["(unclosed"]}, {"say": "yes"}]),
                    WEDNESDAY)
    assert validate(conv(turns=[{"say": "hi", "button": "x"}, {"say": "yes"}]), WEDNESDAY)
    assert validate(conv(records={"created": [], "cancelled_setup": [0]}), WEDNESDAY)
    assert validate(conv(records={"created": [{"leave_type": "annual", "start": "next fri",
                                               "end": "next mon"}]}), WEDNESDAY)
    assert validate(conv(records={"created": [{"leave_type": "family_event",
                                               "start": "next fri"}]}), WEDNESDAY)
    assert validate(conv(lang="ko"), WEDNESDAY)


@pytest.mark.parametrize("today", A_WEEK, ids=lambda d: d.strftime("%a"))
def test_every_conversation_is_well_formed(today):
    errors = [e for _, c in all_conversations() for e in validate(c, today)]
    assert errors == []


def test_ids_are_unique_and_splits_are_big_enough_and_balanced():
    convs = all_conversations()
    ids = Counter(c["id"] for _, c in convs)
    assert [i for i, n in ids.items() if n > 1] == []
    for split in SPLITS:
        langs = Counter(c["lang"] for s, c in convs if s == split)
        assert sum(langs.values()) >= 32 and abs(langs["en"] - langs["ko"]) <= 4, (split, langs)
        for lang in ("en", "ko"):
            tasks = {c["task"] for s, c in convs if s == split and c["lang"] == lang}
            assert tasks == set(TASKS), (split, lang, set(TASKS) - tasks)


def test_frozen_wordings_are_not_copied_from_dev():
    """No request of the frozen set (short replies such as "yes please" aside) is a near
    copy of one in dev, date placeholders ignored."""
    said = {split: {re.sub(r"\{[^}]*\}", "{}", t["say"].lower())
                    for s, c in all_conversations() if s == split
                    for t in c["turns"] if len(t.get("say", "")) > 12} for split in SPLITS}
    close = [(a, b) for a in said["dev"] for b in said["frozen"]
             if SequenceMatcher(None, a, b).ratio() > 0.85]
    assert close == []


def test_expected_records_are_requests_the_gateway_accepts():
    today = A_WEEK[0]
    for _, c in all_conversations():
        for item in [*c["records"]["created"], *c.get("setup", [])]:
            leave_type, part, start, end, event, block = expected_key(item, today)
            start_d, end_d = date.fromisoformat(start), date.fromisoformat(end)
            check_part(LeaveType(leave_type), LeavePart(part), start_d, end_d, block)
            check_event(LeaveType(leave_type), FamilyEvent(event) if event else None)
            if event:
                assert working_days(start_d, end_d) <= FAMILY_EVENTS[FamilyEvent(event)].days
