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
