"""The pill action and the medication-check path of the medicine action, against a real
gateway (its small test index holds no pill or DUR rows: the end-to-end tests cover those)."""

import pytest

from bot.actions.medicine import ActionAnswerMedicine
from bot.actions.pills import ActionIdentifyPill
from bot.tests.actions.helpers import run, slots_set, tracker


@pytest.fixture(autouse=True)
def _gateway(gateway_url):
    return gateway_url


def test_a_pill_without_an_imprint_asks_for_it_and_keeps_the_description():
    events, texts, meta = run(ActionIdentifyPill(), tracker(
        "I found a white round pill, what is it?", intent="identify_pill"))
    assert "printed on each side" in texts[0]["text"]
    assert slots_set(events) == {"pill_description": "I found a white round pill, what is it?"}
    assert meta["sources"] == []


def test_the_imprint_given_next_is_searched_with_the_earlier_description():
    slots = {"pill_description": "흰색 원형 알약이에요"}
    events, texts, _meta = run(ActionIdentifyPill(), tracker(
        "IDG라고 써 있어요", intent="identify_pill", slots=slots))
    assert "IDG" in texts[0]["text"] and "드시지 마세요" in texts[0]["text"]
    assert slots_set(events) == {"pill_description": None}


def test_two_medicines_named_go_through_the_medication_check():
    t = tracker("can I take selegiline with sudafed?")
    t.latest_message["metadata"]["medication_check"] = {
        "medicines": ["selegiline", "sudafed"], "taking": [], "person": {}}
    events, texts, _meta = run(ActionAnswerMedicine(), t)
    text = texts[0]["text"]
    assert "Korea's medication safety rules" in text or "couldn't tell which medicine" in text
    assert slots_set(events)["medicine"] == "selegiline"


def test_one_medicine_and_no_context_is_answered_as_usual():
    t = tracker("how much Advil can I take?")
    t.latest_message["metadata"]["medication_check"] = {
        "medicines": ["advil"], "taking": [], "person": {}}
    _, texts, meta = run(ActionAnswerMedicine(), t)
    assert "Advil (ibuprofen)" in texts[0]["text"]
    assert meta["sources"][0]["doc_id"] == "cat-advil-tablets"


@pytest.mark.parametrize("text", ["can I give my dog ibuprofen for his limp?",
                                  "우리 강아지한테 타이레놀 줘도 돼요?"])
def test_a_question_about_an_animal_sends_to_a_vet_with_no_human_dose(text):
    _, texts, meta = run(ActionAnswerMedicine(), tracker(text))
    assert "vet" in texts[0]["text"] or "수의사" in texts[0]["text"]
    assert meta["sources"] == [] and meta["gap"] == "animal"
