"""Two levels of answer to a message that may be an emergency: emergency, or caution.

``EmergencyDetector.detect()`` gives one answer, escalate or not. ``assess()`` splits the
semantic check's range in two (``core.settings.SafetySettings``):

- **emergency**: a phrase of the list, or a classifier score at or above
  ``emergency_threshold``. The reply is the emergency help only, as ``detect()`` gives it.
- **caution**: a score from ``caution_threshold`` up to ``emergency_threshold``. The
  ordinary answer is given, with a one-line safety note carrying the numbers before it
  (an unsure classifier should not take the answer away, nor leave the numbers out).
- **none**: anything below.

This module wraps the detector, whose ``detect()`` the evaluation also reads;
``bench/emergency_eval.py`` reports both levels separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from safety.detector import EmergencyDetector, as_text
from safety.flags import RedFlag

Level = Literal["emergency", "caution", "none"]


@dataclass(frozen=True)
class Assessment:
    """The level, the flag (category and help kind; ``None`` at level "none") and the
    classifier's score (1.0 for a phrase; 0.0 when the semantic check is off)."""

    level: Level
    flag: RedFlag | None
    score: float


class EmergencyAssessor:
    def __init__(self, detector: EmergencyDetector, *, emergency_threshold: float,
                 caution_threshold: float) -> None:
        if caution_threshold > emergency_threshold:
            raise ValueError("caution_threshold must not exceed emergency_threshold")
        self.detector = detector
        self.emergency_threshold = emergency_threshold
        self.caution_threshold = caution_threshold

    def assess(self, text: object) -> Assessment:
        text = as_text(text)
        if not text:
            return Assessment("none", None, 0.0)
        flag = self.detector.certain(text)
        if flag is not None:
            return Assessment("emergency", flag, 1.0)
        verdict = self.detector.verdict(text)
        if verdict is None:
            return Assessment("none", None, 0.0)
        score = round(verdict.probability, 4)
        if verdict.probability < self.caution_threshold:
            return Assessment("none", None, score)
        level: Level = ("emergency" if verdict.probability >= self.emergency_threshold
                        else "caution")
        return Assessment(level, verdict.flag(text), score)
