"""Two levels of answer to a message that may be an emergency: emergency, or caution.

``EmergencyDetector.detect()`` gives one answer, escalate or not. ``assess()`` splits the
semantic check's range in two (``core.settings.SafetySettings``):

- **emergency**: a phrase of the list (a medical one only when the classifier backs it),
  the infant rule, a crisis score (suicidal thoughts, self-harm) at or above
  ``crisis_threshold``, or an emergency score at or above ``emergency_threshold`` when the
  message is not told as a general question, hearsay or a finished event (the phrase
  list's frames: "what should I do if…", "on the news", "어릴때", "피가 멈췄"). The reply
  is the emergency help only, as ``detect()`` gives it.
- **caution**: any other score from ``caution_threshold`` up. The ordinary answer is
  given, with a one-line safety note carrying the numbers before it (an unsure classifier,
  or a story framed as over, should not take the answer away, nor leave the numbers out).
- **none**: anything below.

This module wraps the detector, whose ``detect()`` the evaluation also reads;
``bench/emergency_eval.py`` reports both levels separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from safety.detector import EmergencyDetector, as_text
from safety.flags import MENTAL_HEALTH, RedFlag

if TYPE_CHECKING:
    from safety.semantic import Verdict

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
                 caution_threshold: float, crisis_threshold: float | None = None) -> None:
        crisis_threshold = emergency_threshold if crisis_threshold is None else crisis_threshold
        if caution_threshold > min(emergency_threshold, crisis_threshold):
            raise ValueError("caution_threshold must not exceed emergency_threshold or "
                             "crisis_threshold")
        self.detector = detector
        self.emergency_threshold = emergency_threshold
        self.caution_threshold = caution_threshold
        self.crisis_threshold = crisis_threshold

    def assess(self, text: object) -> Assessment:
        text = as_text(text)
        if not text:
            return Assessment("none", None, 0.0)
        certain = self.detector.certain(text)
        verdict = (self.detector.verdict(text) if certain is None or unbacked(certain)
                   else None)
        found = level_of(certain, verdict, emergency_threshold=self.emergency_threshold,
                         crisis_threshold=self.crisis_threshold,
                         caution_threshold=self.caution_threshold)
        if certain is not None:
            return Assessment(found, certain, 1.0)
        if verdict is None:
            return Assessment("none", None, 0.0)
        return Assessment(found, verdict.flag(text) if found != "none" else None,
                          round(verdict.score, 4))


def unbacked(flag: RedFlag) -> bool:
    """A medical phrase of the list, which the classifier must back (score at least
    ``caution_threshold``) for an emergency reply: alone it gives a caution note. On the
    development part every medical emergency the list finds scores far above that, while
    its false alarm ("my son swallowed a magnet last month… he's fine now") scores near 0.
    A crisis phrase and the infant rule (an age, which no wording carries) stand alone."""
    return flag.via == "phrase" and flag.category not in MENTAL_HEALTH


def level_of(certain: RedFlag | None, verdict: Verdict | None, *,
             emergency_threshold: float, crisis_threshold: float,
             caution_threshold: float) -> Level:
    """The level from the certain layers' flag (phrase list, infant rule) and the
    classifier's verdict (a ``capped`` one is a caution at most, unless its crisis score
    decides: a crisis is an emergency however it is framed)."""
    score = 0.0 if verdict is None else verdict.score
    if certain is not None:
        backed = not unbacked(certain) or verdict is None or score >= caution_threshold
        return "emergency" if backed else "caution"
    if verdict is None:
        return "none"
    if verdict.crisis >= crisis_threshold:
        return "emergency"
    if verdict.probability >= emergency_threshold and not verdict.capped:
        return "emergency"
    return "caution" if score >= caution_threshold else "none"
