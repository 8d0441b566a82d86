"""Pill identification and the emergency net in the chat, on the real stack."""

from __future__ import annotations

import pytest

from tests.e2e.test_stack import chat, new_session, reply_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
US_NUMBERS = ("911", "1-800-222-1222", "988")


def test_a_pill_is_identified_in_korean(running_stack):
    body = chat(running_stack, new_session(), "흰색 원형 알약에 IDG라고 써 있어요")
    text = reply_text(body)
    assert body["intent"]["name"] == "identify_pill", body["intent"]
    assert "IDG" in text and "드시지 마세요" in text
    assert body["sources"] and body["sources"][0]["section"] == "pill_identification"


def test_a_pill_without_its_imprint_is_asked_for_then_identified(running_stack):
    session = new_session()
    first = chat(running_stack, session, "I found a white round pill marked IDG, what is it?")
    assert "IDG" in reply_text(first) and first["sources"], first
    assert any("가스디알" in s["title"] for s in first["sources"]), first["sources"]
    asked = chat(running_stack, new_session(), "what is this pill? it's small and yellow")
    assert "printed on each side" in reply_text(asked)


@pytest.mark.parametrize(("message", "numbers"), [
    ("my kid got into the dishwasher pods and bit one", ("119",)),
    ("아이가 세탁 세제를 조금 마셨어요", ("119",)),
    ("할머니 수면제를 아이가 먹었어요", ("119",)),
    ("살 이유를 모르겠어요", ("109", "1577-0199")),
    ("I can't see any reason to keep going anymore", ("109", "1577-0199")),
])
def test_emergencies_get_koreas_numbers_and_never_a_us_one(running_stack, message, numbers):
    body = chat(running_stack, new_session(), message)
    text = reply_text(body)
    assert body["emergency"] is True and body["sources"] == []
    assert all(n in text for n in numbers), text
    assert not any(n in text for n in US_NUMBERS), text


def test_a_question_that_shares_the_words_is_answered_not_escalated(running_stack):
    body = chat(running_stack, new_session(), "does ibuprofen cause stomach bleeding?")
    assert body["emergency"] is False and body["sources"]
