"""The phrase list: certain cases found in any wording around them, general questions not."""

from __future__ import annotations

import pytest

from safety import CATEGORIES, detect_red_flag, language_of
from safety.phrases import Phrase, PhraseList, default_phrases, normalise


@pytest.mark.parametrize(("text", "category"), [
    ("I want to die", "suicidal"),
    ("honestly i just wanna die lol", "suicidal"),
    ("죽고싶어요", "suicidal"),
    ("다 그만 살고 싶어", "suicidal"),
    ("그냥 나 하나 없어지는게 낫겠다", "suicidal"),
    ("몇 알 먹어야 안 깨어날 수 있을까", "suicidal"),
    ("수면제 몇알 먹으면 안깨요?", "suicidal"),
    ("my son swallowed a button battery!!", "foreign_body"),
    ("아이가 건전지를   삼켰어요", "foreign_body"),
    ("he isn't breathing", "breathing"),
    ("my baby was laughing so hard and now he stopped breathing", "breathing"),
    ("아빠가 숨이 멎은 것 같아요", "breathing"),
    ("수면제 먹고 반응이 없어요", "unconscious"),
    ("I cut myself on purpose again", "self_harm"),
    ("i cant breathe and my lips are swelling", "breathing"),
    ("she's having a seizure right now", "seizure"),
    ("I cut myself again", "self_harm"),
    ("손목을 그었어요", "self_harm"),
    ("타이레놀 한통 다 먹었어요", "overdose"),
    ("아이가 약을 통째로 먹었어요", "overdose"),
])
def test_certain_phrases_escalate_with_their_category(text, category):
    flag = detect_red_flag(text)
    assert flag is not None and flag.category == category, (text, flag)
    assert flag.language == language_of(text) and flag.via == "phrase" and flag.matched


@pytest.mark.parametrize("text", [
    "my nose is so stuffy I can't breathe at night",
    "laughing so hard i can't breathe, anyway do you sell lip balm",
    "진통제를 먹어도 반응이 없어요 다른 약 있나요?",
    "감기약 한 통 다 먹었는데 안 나아요 병원 가야 해요?",
    "알레르기약 한통 다먹었어요 다른거 추천해주세요",
    "씹어 먹는 약을 모르고 통째로 먹었는데 괜찮나요?",
    "공포영화 보다가 숨이 멎는 줄 알았어요 ㅋㅋ 청심환 먹어도 돼요?",
    "i accidentally cut myself shaving, which plaster is best?",
    "what should I do if someone is having a seizure?",
    "what happens if a child swallowed a magnet",
    "코가 막혀서 숨을 못 쉬겠어요",
    "머리 아파 죽겠어요",
    "자살예방 상담전화 번호가 뭐예요?",
    "how often can I take advil?",
    "saw on the news a kid swallowed magnets and needed surgery, how common is that",
    "when i was little i swallowed a magnet, are they still sold as toys?",
    "어릴때 건전지를 삼켰었대요 ㅋㅋ 요즘 건전지 보관함 팔아요?",
    "전신마취하면 안 깨어날 수도 있나요? 다음주 수술이라 무서워요",
])
def test_vetoes_and_general_questions_do_not_escalate(text):
    assert detect_red_flag(text) is None, (text, detect_red_flag(text))


def test_suicidal_phrases_escalate_even_inside_a_question():
    flag = detect_red_flag("what should I do if I want to kill myself?")
    assert flag is not None and flag.category == "suicidal"


def test_normalise_folds_apostrophes_hyphens_and_width():
    assert normalise("Can’t  BREATHE—self-harm\u200b") == "cant breathe self harm"
    assert normalise("ＡＢＣ") == "abc"


def test_an_unknown_category_is_refused():
    with pytest.raises(ValueError, match=r"not in safety\.flags\.CATEGORIES"):
        PhraseList([Phrase("broken_leg", "broken leg", "en")], {})


def test_the_list_stays_short():
    assert 30 <= len(default_phrases()) <= 150


@pytest.mark.parametrize("text", [None, "", "   ", b"\xff\xfe", "\x00\x01", 42, "🙂" * 50,
                                  "ㅠㅠㅠ", "\u2028\u2029"])
def test_edge_inputs_do_not_raise(text):
    result = detect_red_flag(text)
    assert result is None or result.category in CATEGORIES


def test_a_phrase_at_the_end_of_a_long_message_is_found():
    text = "I have a question about allergy tablets and storage. " * 60 + "I want to die"
    assert detect_red_flag(text).category == "suicidal"
