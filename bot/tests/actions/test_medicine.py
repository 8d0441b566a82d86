import pytest

from bot.actions.config import get_config
from bot.actions.medicine import ActionAnswerMedicine
from bot.tests.actions.helpers import medicine, run, slots_set, topic, tracker


@pytest.fixture(autouse=True)
def _gateway(gateway_url):
    return gateway_url


def test_answer_quotes_and_cites_the_leaflet():
    events, texts, meta = run(ActionAnswerMedicine(), tracker(
        "how much Advil can I take?", entities=[medicine("Advil"), topic("dosage")]))
    answer = texts[0]["text"]
    assert "Advil (ibuprofen)" in answer and "Directions" in answer and "label dated" in answer
    assert "pharmacist" in answer
    assert meta["sources"][0]["doc_id"] == "cat-advil-tablets"
    assert meta["sources"][0]["section"] == "dosage_and_administration"
    assert slots_set(events) == {"medicine": "Advil", "medicine_generic": "ibuprofen",
                                 "topic": "dosage", "offered_pharmacist": False}


def test_follow_up_about_a_child_keeps_the_medicine():
    slots = {"medicine": "Advil", "medicine_generic": "ibuprofen", "topic": "dosage"}
    events, _texts, meta = run(ActionAnswerMedicine(), tracker(
        "and for my 8 year old?", entities=[topic("children")], slots=slots))
    assert all("ibuprofen" in s["drug"] for s in meta["sources"])
    assert meta["sources"][0]["section"] in {"dosage_and_administration", "do_not_use"}
    assert slots_set(events)["topic"] == "children"
    assert slots_set(events)["medicine_generic"] == "ibuprofen"


def test_what_about_another_medicine_keeps_the_topic():
    slots = {"medicine": "Advil", "medicine_generic": "ibuprofen", "topic": "pregnancy"}
    events, _, meta = run(ActionAnswerMedicine(), tracker(
        "what about zyrtek?", entities=[medicine("zyrtek")], slots=slots))
    assert slots_set(events)["medicine_generic"] == "cetirizine"  # typo resolved
    assert slots_set(events)["topic"] == "pregnancy"
    assert meta["sources"][0]["drug"] == "cetirizine"


def test_a_new_question_about_another_medicine_starts_a_new_topic():
    slots = {"medicine": "Advil", "medicine_generic": "ibuprofen", "topic": "pregnancy"}
    events, _, _meta = run(ActionAnswerMedicine(), tracker(
        "tell me about zyrtec, I have hay fever", entities=[medicine("zyrtec")], slots=slots))
    assert slots_set(events)["topic"] is None


def test_a_medicine_we_do_not_hold_is_never_answered():
    events, texts, meta = run(ActionAnswerMedicine(), tracker(
        "how much xanax can i take", entities=[medicine("xanax")]))
    assert "don't hold a leaflet" in texts[0]["text"]
    assert texts[0]["buttons"][0]["payload"] == "/request_pharmacist"
    assert meta["sources"] == [] and meta["gap"] == "not_covered"
    assert slots_set(events)["offered_pharmacist"] is True


def test_low_confidence_says_not_sure_instead_of_guessing():
    """Below the gateway's one threshold no passage is quoted."""
    _, texts, meta = run(ActionAnswerMedicine(), tracker(
        "advil zebra quantum flux", entities=[medicine("advil")]))
    assert "not sure" in texts[0]["text"] and meta["gap"] == "low_confidence"
    assert meta["sources"] == []


def test_no_medicine_anywhere_asks_which_one():
    _, texts, meta = run(ActionAnswerMedicine(), tracker("how often can I take it?"))
    assert "Which medicine" in texts[0]["text"] and meta["gap"] == "no_medicine"


def test_korean_question_gets_a_korean_frame_around_the_english_leaflet():
    _, texts, meta = run(ActionAnswerMedicine(), tracker(
        "애드빌 하루에 몇 번 먹어요?", entities=[medicine("advil")]))
    assert "원문(영문)" in texts[0]["text"] and "약사" in texts[0]["text"]
    assert meta["sources"][0]["drug"] == "ibuprofen"


def test_the_hr_channel_does_not_answer_medicine_questions():
    _, texts, meta = run(ActionAnswerMedicine(), tracker(
        "advil dose", entities=[medicine("advil")], channel="hr"))
    assert "HR assistant" in texts[0]["text"] and meta["sources"] == []


def test_an_unreachable_gateway_gives_a_safe_apology(monkeypatch):
    monkeypatch.setenv("ACTIONS_GATEWAY_URL", "http://127.0.0.1:9")
    get_config.cache_clear()
    try:
        _, texts, meta = run(ActionAnswerMedicine(), tracker(
            "advil dose", entities=[medicine("advil")]))
    finally:
        monkeypatch.undo()
        get_config.cache_clear()
    assert "can't reach" in texts[0]["text"] and meta["gap"] == "unavailable"


def test_a_symptom_without_a_medicine_gets_products_for_it():
    events, texts, meta = run(ActionAnswerMedicine(), tracker(
        "something for hay fever? I keep sneezing"))
    answer = texts[0]["text"]
    assert "Claritin" in answer and "Zyrtec" in answer and "pharmacist" in answer
    assert texts[0]["buttons"][0]["payload"] == "/request_pharmacist"
    assert {s["section"] for s in meta["sources"]} <= {"indications_and_usage", "purpose"}
    assert slots_set(events)["medicine_generic"] is None


def test_a_follow_up_about_the_same_medicine_is_not_a_symptom_question():
    slots = {"medicine": "Advil", "medicine_generic": "ibuprofen", "topic": "dosage"}
    _events, texts, meta = run(ActionAnswerMedicine(), tracker(
        "what about for kids?", slots=slots))
    assert all("ibuprofen" in s["drug"] for s in meta["sources"]), texts


def test_a_childs_dose_quotes_the_row_for_that_age_from_the_childrens_product():
    question = tracker("how much motrin can I give my 8 year old?",
                       entities=[medicine("motrin"), topic("dosage")])
    question.latest_message["metadata"]["medication_check"] = {
        "medicines": ["motrin"], "taking": [], "person": {"age_years": 8}}
    _events, texts, meta = run(ActionAnswerMedicine(), question)
    answer = texts[0]["text"]
    assert meta["sources"][0]["doc_id"] == "cat-childrens-motrin-oral-suspension"
    assert "(6-8 years): 10 mL" in answer and "(2-3 years)" not in answer


def test_a_childs_weight_quotes_the_row_for_that_weight_from_the_childrens_product():
    question = tracker("my son is 20 kg, how much motrin can I give him?",
                       entities=[medicine("motrin"), topic("dosage")])
    question.latest_message["metadata"]["medication_check"] = {
        "medicines": ["motrin"], "taking": [], "person": {"weight_kg": 20}}
    _events, texts, meta = run(ActionAnswerMedicine(), question)
    answer = texts[0]["text"]
    assert meta["sources"][0]["doc_id"] == "cat-childrens-motrin-oral-suspension"
    assert "36-47 lbs (4-5 years)" in answer and "(6-8 years)" not in answer
