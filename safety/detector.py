"""The emergency check every message goes through, before anything else answers it.

Three layers: the phrase list (certain cases, exact), the infant-fever rule (a fever in a
baby the message says is under three months old: an age threshold no wording carries), and
then the semantic check (wording nobody listed). The gateway runs all three, once per
message, before the dialogue sees it; :func:`detect_red_flag` runs the first two alone
(where no encoder is loaded).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from safety.flags import MENTAL_HEALTH, RedFlag
from safety.infant_age import is_infant_fever, is_older_than_infant
from safety.language import language_of
from safety.phrases import PhraseList, default_phrases

if TYPE_CHECKING:  # the encoder loads only where a semantic detector is built
    from safety.semantic import SemanticDetector, Verdict


class EmergencyDetector:
    def __init__(self, phrases: PhraseList, semantic: SemanticDetector | None = None) -> None:
        self.phrases = phrases
        self.semantic = semantic

    def detect(self, text: object) -> RedFlag | None:
        text = as_text(text)
        if not text:
            return None
        flag = self.certain(text)
        if flag is None and self.semantic is not None:
            verdict = self.verdict(text)
            if verdict is not None and verdict.score >= self.semantic.threshold:
                flag = verdict.flag(text)
        return flag

    def certain(self, text: str) -> RedFlag | None:
        """A listed phrase, or a fever in a baby under three months (not asked in general)."""
        flag = self.phrases.match(text)
        if flag is None and is_infant_fever(text) and not self.phrases.is_general_question(text):
            flag = RedFlag("infant_fever", language_of(text), "age under 3 months + fever",
                           via="rule")
        return flag

    def verdict(self, text: str) -> Verdict | None:
        """The semantic check's verdict, or ``None`` when it is off or finds nothing.

        A fever read as a baby's is scored again as past infancy when the message states
        an age of three months or more (the dosing question of an ordinary fever reads much
        like the infant case). The verdict is ``capped`` (a caution at most) when the
        message is told as a general question, hearsay or a finished event (the phrase
        list's frames; never a crisis)."""
        if self.semantic is None:
            return None
        verdict = self.semantic.verdict(text)
        if verdict.category == "infant_fever" and is_older_than_infant(text):
            verdict = self.semantic.verdict(text, past_infancy=True)
        if verdict.category is None:
            return None
        if verdict.category not in MENTAL_HEALTH and self.phrases.is_general_question(text):
            return replace(verdict, capped=True)
        return verdict


def as_text(text: object) -> str:
    """The message as text ("" for anything that is not one, or only white space)."""
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    return text if isinstance(text, str) and text.strip() else ""


def detect_red_flag(text: object) -> RedFlag | None:
    """Phrase list and infant rule only (no encoder to load)."""
    return EmergencyDetector(default_phrases()).detect(text)
