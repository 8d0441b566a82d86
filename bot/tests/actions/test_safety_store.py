from rasa_sdk import Tracker

from bot.actions.common import language
from bot.actions.config import get_config
from bot.actions.fallback import ActionAskAffirmation, ActionDefaultFallback
from bot.actions.safety import ActionEmergency, ActionHandoff
from bot.actions.store import ActionStoreInfo
from bot.tests.actions.helpers import run, tracker


def test_emergency_message_has_the_numbers_and_no_leaflet(gateway_url):
    _, texts, meta = run(ActionEmergency(), tracker(
        "my daughter swallowed a bottle of tylenol", intent="emergency"))
    text = texts[0]["text"]
    assert "119" in text and meta["emergency"] is True and meta["sources"] == []
    assert "poison" in text  # the gateway's wording for a swallowed medicine
    assert not any(number in text for number in ("911", "1-800-222-1222", "988"))


def test_an_emergency_the_check_does_not_name_still_gets_both_lines(gateway_url):
    _, texts, _ = run(ActionEmergency(), tracker("something is very wrong with my mum",
                                                 intent="emergency"))
    assert texts[0]["text"].startswith("Call 119 now")
    assert "109" in texts[0]["text"]


def test_suicidal_thoughts_get_the_crisis_lines(gateway_url):
    _, texts, _ = run(ActionEmergency(), tracker("i want to die", intent="emergency"))
    assert "109" in texts[0]["text"] and "1577-0199" in texts[0]["text"]


def test_emergency_in_korean(gateway_url):
    _, texts, _meta = run(ActionEmergency(), tracker("숨을 못 쉬겠어요", intent="emergency"))
    assert texts[0]["text"].startswith("지금 바로 119")


def test_a_message_the_gateway_refuses_still_gets_119(gateway_url):
    _, texts, meta = run(ActionEmergency(), tracker("help " * 1000, intent="emergency"))
    assert texts[0]["text"].startswith("This could be an emergency") and meta["emergency"]


def test_without_the_gateway_the_emergency_reply_still_gives_119(monkeypatch):
    monkeypatch.setenv("ACTIONS_GATEWAY_URL", "http://127.0.0.1:9")  # nothing listens
    get_config.cache_clear()
    try:
        for text, start in (("help my dad collapsed", "This could be an emergency"),
                            ("아빠가 쓰러졌어요", "응급 상황일 수 있습니다")):
            _, texts, meta = run(ActionEmergency(), tracker(text, intent="emergency"))
            assert texts[0]["text"].startswith(start) and "119" in texts[0]["text"]
            assert meta["emergency"] is True
    finally:
        monkeypatch.undo()
        get_config.cache_clear()


def test_handoff_sets_the_flag():
    _, texts, meta = run(ActionHandoff(), tracker("human please", intent="request_pharmacist"))
    assert meta["handoff"] is True and "pharmacist" in texts[0]["text"]


def test_store_questions_cite_the_store_faq(gateway_url):
    _, texts, meta = run(ActionStoreInfo(), tracker(
        "when does the gangnam branch close", intent="ask_store_info",
        entities=[{"entity": "branch", "value": "gangnam"}]))
    assert meta["sources"][0]["doc_id"].startswith("faq-")
    assert "Source:" in texts[0]["text"]


def test_fallback_offers_readable_choices_then_a_pharmacist():
    t = tracker("blorp", intent="nlu_fallback")
    t.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.5},
                                          {"name": "ask_medicine", "confidence": 0.4},
                                          {"name": "ask_store_info", "confidence": 0.1}]
    _, texts, _ = run(ActionAskAffirmation(), t)
    titles = [b["title"] for b in texts[0]["buttons"]]
    assert titles[0] == "a question about a medicine" and "Something else" in titles
    events, texts, meta = run(ActionDefaultFallback(), t)
    assert meta["gap"] == "fallback" and texts[0]["buttons"][0]["payload"] == "/request_pharmacist"
    assert events[-1]["event"] == "rewind"


def test_without_the_nlu_language_tag_the_gateways_guess_decides():
    def untagged(meta: dict) -> Tracker:
        message = {"text": "타이레놀", "intent": {"name": "ask_medicine"}, "entities": [],
                   "metadata": meta}
        return Tracker("u", {}, message, [], False, None, {}, "action_listen")

    assert language(untagged({"channel": "consumer", "language": "ko"})) == "ko"
    assert language(untagged({"channel": "consumer", "language": "xx"})) == "en"
    assert language(untagged({})) == "en"
