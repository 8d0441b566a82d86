"""``POST /v1/stores/hours``: a branch's hours for the day and time asked, in the user's
language, from the store FAQ's hours table (the small index holds the chain documents)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

SUNDAY_NOON = datetime(2026, 12, 6, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.fixture
def hours(client):
    client.app.state.chat.clock = lambda: SUNDAY_NOON

    def ask(text, language="en", context=()):
        response = client.post("/v1/stores/hours", json={
            "text": text, "language": language, "context": list(context)})
        assert response.status_code == 200, response.text
        return response.json()

    return ask


def test_open_at_3am_at_a_24_hour_branch(hours):
    found = hours("Is the Hongdae branch open at 3am?")
    assert found["applies"] and found["text"].startswith("Yes — the Hongdae branch is open 24")
    assert found["sources"][0]["doc_id"] == "faq-opening-hours"
    assert "| Branch |" not in found["text"]  # the row, not the table


def test_closing_time_and_a_follow_up_about_sunday(hours):
    closes = hours("what time does the jamsil branch close?")
    assert "22:00" in closes["text"] and closes["branch"] == "Jamsil"
    sunday = hours("and is it open on sunday?", context=["what time does the jamsil branch close?"])
    assert "Sundays and public holidays: 10:00–20:00" in sunday["text"]


def test_in_korean(hours):
    found = hours("잠실점 일요일에도 열어요?", "ko")
    assert "잠실점 일요일·공휴일: 10:00~20:00" in found["text"] and "02-2143-1400" in found["text"]
    closed = hours("여의도점 지금 열어요?", "ko")  # Sunday: closed
    assert closed["text"].startswith("여의도점 일요일·공휴일: 휴무")


def test_a_time_outside_the_hours_is_a_no(hours):
    found = hours("is jongno open at 11 pm on saturday?")
    assert found["text"].startswith("No — on Saturday the Jongno branch is open 09:00–18:00")


def test_no_branch_or_not_about_hours_does_not_apply(hours):
    assert hours("what are your opening hours?")["applies"] is False
    assert hours("where is the jamsil branch?")["applies"] is False


def test_bad_input(client):
    response = client.post("/v1/stores/hours", json={"text": "", "context": "jamsil"})
    assert response.status_code == 422


def test_stock_questions_get_the_branch_phone_not_a_stock_claim(hours):
    found = hours("do you have claritin in stock at the gangnam branch?")
    assert found["applies"] and "can't see what is in stock" in found["text"]
    assert "02-3452-1100" in found["text"]
    korean = hours("종로점에 타이레놀 재고 있어요?", "ko")
    assert "재고를 확인할 수 없습니다" in korean["text"] and "02-2267-1200" in korean["text"]
