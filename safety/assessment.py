"""Two levels of answer to a message that may be an emergency: emergency, or caution.

``EmergencyDetector.detect()`` gives one answer, escalate or not. ``assess()`` splits the
semantic check's range in two (``core.settings.SafetySettings``):

- **emergency**: a phrase of the list, or a classifier score at or above
  ``emergency_threshold``. The reply is the emergency help only, as ``detect()`` gives it.
- **caution**: a score from ``caution_threshold`` up to ``emergency_threshold``. The
  ordinary answer is given, with a one-line safety note carrying the numbers before it
  (an unsure classifier should not take the answer away, nor leave the numbers out).
- **none**: anything below.

This module wraps the detector rather than changing it (``safety/detector.py`` is part of
the Rasa model's hash). ``bench/emergency_eval.py`` reports both levels separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from safety.detector import EmergencyDetector
from safety.flags import RedFlag
from safety.language import language_of

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
        if isinstance(text, bytes | bytearray):
            text = bytes(text).decode("utf-8", errors="replace")
        if not isinstance(text, str) or not text.strip():
            return Assessment("none", None, 0.0)
        flag = self.detector.phrases.match(text)
        if flag is not None:
            return Assessment("emergency", flag, 1.0)
        semantic = self.detector.semantic
        if semantic is None:
            return Assessment("none", None, 0.0)
        verdict = semantic.verdict(text)
        probability, score = verdict.probability, round(verdict.probability, 4)
        if verdict.category is None or probability < self.caution_threshold:
            return Assessment("none", None, score)
        level: Level = "emergency" if probability >= self.emergency_threshold else "caution"
        flag = RedFlag(verdict.category, language_of(text), verdict.nearest, via="semantic",
                       score=score)
        return Assessment(level, flag, score)
