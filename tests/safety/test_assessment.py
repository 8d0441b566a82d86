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

    def verdict(self, text: str) -> Verdict:
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
    def verdict(self, text: str) -> Verdict:
        return Verdict(self.scores.get(text, 0.0), "infant_fever", "an exemplar")


@pytest.mark.parametrize("text", [
    "my 7 week old has a fever of 38.2", "newborn (3 weeks old) is burning up",
    "생후 50일 아기가 열이 38.3도예요", "두 달 된 아기가 열나요",
])
def test_a_fever_under_three_months_is_an_emergency_by_its_age(text):
    a = assessor({}).assess(text)  # the classifier scores 0: the rule decides
    assert a.level == "emergency" and a.flag is not None
    assert a.flag.category == "infant_fever" and a.flag.via == "rule"


@pytest.mark.parametrize("text", [
    "how do I take a newborn's temperature?", "신생아 체온 재는 법 알려주세요",
    "what should i do if my 2 month old gets a fever", "아이가 3일째 열나요",
    "임신 10주인데 열이 나요",
])
def test_no_baby_under_three_months_with_a_fever_no_rule(text):
    assert assessor({}).assess(text).level == "none"


def test_a_stated_age_of_three_months_or_more_overrules_an_infant_fever_verdict():
    older = "my baby is 6 months old and has 38.1, how much infant tylenol can she have"
    detector = EmergencyDetector(default_phrases(), InfantFeverScores({older: 0.99}))  # type: ignore[arg-type]
    a = EmergencyAssessor(detector, emergency_threshold=0.8, caution_threshold=0.2)
    assert a.assess(older).level == "none"
    assert detector.detect(older) is None
