"""The two levels of safety/assessment.py, with a stand-in classifier (no encoder)."""

from __future__ import annotations

import pytest

from safety import EmergencyDetector
from safety.assessment import EmergencyAssessor
from safety.phrases import default_phrases
from safety.semantic import Verdict


class FixedScores:
    """Scores a message by a table; anything else scores 0."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores

    def verdict(self, text: str, *, past_infancy: bool = False) -> Verdict:
        return Verdict(self.scores.get(text, 0.0), "overdose", "an exemplar")


def assessor(scores: dict[str, float]) -> EmergencyAssessor:
    detector = EmergencyDetector(default_phrases(), FixedScores(scores))  # type: ignore[arg-type]
    return EmergencyAssessor(detector, emergency_threshold=0.8, caution_threshold=0.2)


@pytest.mark.parametrize(("score", "level"), [
    (0.95, "emergency"), (0.8, "emergency"), (0.5, "caution"), (0.2, "caution"), (0.1, "none"),
])
def test_the_score_decides_the_level(score, level):
    a = assessor({"message": score}).assess("message")
    assert a.level == level
    assert (a.flag is None) == (level == "none")
    assert a.score == score


def test_a_phrase_is_always_an_emergency():
    a = assessor({}).assess("I want to kill myself")
    assert a.level == "emergency" and a.flag is not None and a.flag.via == "phrase"
    assert a.flag.help == "mental_health"


@pytest.mark.parametrize("text", ["", "   ", None, 42])
def test_nothing_to_assess(text):
    assert assessor({}).assess(text).level == "none"


def test_without_the_semantic_check_only_phrases_count():
    a = EmergencyAssessor(EmergencyDetector(default_phrases()), emergency_threshold=0.8,
                          caution_threshold=0.2)
    assert a.assess("my tablets are making me feel odd").level == "none"


def test_caution_cannot_sit_above_emergency():
    with pytest.raises(ValueError):
        EmergencyAssessor(EmergencyDetector(default_phrases()), emergency_threshold=0.3,
                          caution_threshold=0.5)


class InfantFeverScores(FixedScores):
    """Reads "infant fever" with the table's score; past infancy, "seizure" with the score
    of ``past_infancy``."""

    def __init__(self, scores: dict[str, float], past_infancy: float = 0.0) -> None:
        super().__init__(scores)
        self.past_infancy = past_infancy

    def verdict(self, text: str, *, past_infancy: bool = False) -> Verdict:
        if past_infancy:
            return Verdict(self.past_infancy, "seizure", "an exemplar")
        return Verdict(self.scores.get(text, 0.0), "infant_fever", "an exemplar")


@pytest.mark.parametrize("text", [
    "my 7 week old has a fever of 38.2", "newborn (3 weeks old) is burning up",
    "생후 50일 아기가 열이 38.3도예요", "두 달 된 아기가 열나요",
    "3살 형이랑 생후 5주 동생이 둘 다 열나요",
])
def test_a_fever_under_three_months_is_an_emergency_by_its_age(text):
    a = assessor({}).assess(text)  # the classifier scores 0: the rule decides
    assert a.level == "emergency" and a.flag is not None
    assert a.flag.category == "infant_fever" and a.flag.via == "rule"


@pytest.mark.parametrize("text", [
    "how do I take a newborn's temperature?", "신생아 체온 재는 법 알려주세요",
    "what should i do if my 2 month old gets a fever", "아이가 3일째 열나요",
    "임신 10주인데 열이 나요", "0살 아기 열", "5세트 주문했는데 열이 나요",
])
def test_no_baby_under_three_months_with_a_fever_no_rule(text):
    assert assessor({}).assess(text).level == "none"


@pytest.mark.parametrize("older", [
    "my baby is 6 months old and has 38.1, how much infant tylenol can she have",
    "my 5 year old has a fever of 38.5, how much children's motrin",
    "5살 아들 열 38.2도 나요 부루펜시럽 몇 ml 먹여요?",
    "다섯 살 딸이 열이 나는데 해열제 교차복용 해도 돼요?",
    "3세 아이 열 39도 챔프 시럽 용량",
    "돌 지난 아기 열나요 해열제 몇 시간 간격이에요?",
])
def test_a_stated_age_of_three_months_or_more_rescores_a_fever_verdict(older):
    """The fever alone is no emergency at that age: the message is scored as past infancy,
    and what else it says decides (a febrile seizure is still an emergency)."""
    for past_infancy, level in ((0.1, "none"), (0.5, "caution"), (0.95, "emergency")):
        detector = EmergencyDetector(default_phrases(), InfantFeverScores(
            {older: 0.99}, past_infancy))  # type: ignore[arg-type]
        a = EmergencyAssessor(detector, emergency_threshold=0.8, caution_threshold=0.2)
        assessed = a.assess(older)
        assert assessed.level == level, (older, past_infancy)
        assert level == "none" or assessed.flag.category == "seizure"


class CrisisScores:
    """A fixed verdict for every message: its emergency score, crisis score and category."""

    def __init__(self, probability: float, crisis: float, category: str) -> None:
        self.fixed = Verdict(probability, category, "an exemplar", crisis)

    def verdict(self, text: str, *, past_infancy: bool = False) -> Verdict:
        return self.fixed


def crisis_assessor(probability: float, crisis: float, category: str) -> EmergencyAssessor:
    detector = EmergencyDetector(default_phrases(), CrisisScores(probability, crisis, category))  # type: ignore[arg-type]
    return EmergencyAssessor(detector, emergency_threshold=0.8, caution_threshold=0.2,
                             crisis_threshold=0.7)


def test_a_crisis_score_escalates_on_its_own_threshold():
    a = crisis_assessor(0.5, 0.75, "suicidal").assess("everyone would be better off without me")
    assert a.level == "emergency" and a.flag is not None and a.flag.help == "mental_health"
    assert a.score == 0.75
    assert crisis_assessor(0.5, 0.65, "suicidal").assess("so tired of it all").level == "caution"


@pytest.mark.parametrize("text", [
    "saw on the news a kid drank bleach, how common is that",
    "when i was a kid i drank bleach once, how do you store it",
    "어릴때 락스를 마셔서 병원 갔었대요 보관 어떻게 하세요",
    "애가 넘어져서 무릎 까졌는데 피는 멈췄어요 연고 발라도 되죠",
    "what should i do if my child drinks bleach",
])
def test_a_medical_score_told_as_over_or_in_general_stays_a_caution(text):
    a = crisis_assessor(0.95, 0.0, "poisoning").assess(text)
    assert a.level == "caution" and a.flag is not None
    assert crisis_assessor(0.95, 0.0, "poisoning").assess("my son just drank bleach").level \
        == "emergency"


def test_a_past_event_with_something_happening_now_still_escalates():
    for text in ("I had a stroke last year and now my face is drooping again",
                 "작년에 쓰러졌었는데 지금 또 말이 어눌해요"):
        assert crisis_assessor(0.95, 0.0, "stroke").assess(text).level == "emergency"


def test_a_crisis_is_an_emergency_however_it_is_framed():
    text = "what should i do if i keep thinking everyone is better off without me"
    assert crisis_assessor(0.9, 0.1, "suicidal").assess(text).level == "emergency"
    assert crisis_assessor(0.1, 0.9, "suicidal").assess(text).level == "emergency"
