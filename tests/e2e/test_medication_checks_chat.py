"""Medication checks (Korea's DUR rules) in the chat, on the real stack, both languages.

Each question goes gateway (context, medicines named) → Rasa → action server → the
gateway's checker and leaflets, and back: findings lead, cited "MFDS DUR".
"""

from __future__ import annotations

import pytest

from tests.e2e.test_stack import chat, new_session, reply_text

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def dur_sections(body: dict) -> set[str]:
    return {s["section"] for s in body["sources"] if s.get("source") == "MFDS DUR"}


@pytest.mark.parametrize(("message", "finding", "words"), [
    ("can I take selegiline with Sudafed?", "dur_combination", "must not be taken together"),
    ("게보린이랑 펜잘큐 같이 먹어도 돼요?", "same_ingredient", "아세트아미노펜"),
    ("임신 중인데 이부프로펜 먹어도 되나요?", "dur_pregnancy", "임부금기"),
    ("4살 아이한테 지르텍정 먹여도 돼요?", "dur_age", "연령"),
    ("is it ok to take advil and aleve together?", "dur_duplicate_class", "NSAID"),
])
def test_a_rule_leads_the_answer_and_is_cited(running_stack, message, finding, words):
    body = chat(running_stack, new_session(), message)
    assert not body["emergency"] and body["answered_by"] == "assistant"
    assert finding in dur_sections(body), body["sources"]
    text = reply_text(body)
    assert words in text, text
    assert "pharmacist" in text.lower() or "약사" in text


def test_what_the_user_said_about_themselves_carries_to_the_next_question(running_stack):
    session = new_session()
    chat(running_stack, session, "I'm pregnant")
    body = chat(running_stack, session, "can I take claritin?")
    text = reply_text(body)
    assert "Korea's medication safety rules" in text and "pregnan" in text.lower(), text
    assert any("loratadine" in s["drug"] for s in body["sources"]), body["sources"]


def test_no_rule_says_so_and_cites_no_dur_source(running_stack):
    body = chat(running_stack, new_session(), "can I take tylenol and claritin together?")
    assert "no rule applies" in reply_text(body)
    assert dur_sections(body) == set()
