"""The emergency check every message goes through, before anything else answers it.

Two layers: the phrase list (certain cases, exact) and then the semantic check (wording
nobody listed). The gateway runs both, once per message; the Rasa NLU component, which
cannot load the encoder, runs the phrase list alone (:func:`detect_red_flag`) as its own
net.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety.flags import RedFlag
from safety.phrases import PhraseList, default_phrases

if TYPE_CHECKING:  # the Rasa environment never loads the classifier
    from safety.semantic import SemanticDetector


class EmergencyDetector:
    def __init__(self, phrases: PhraseList, semantic: SemanticDetector | None = None) -> None:
        self.phrases = phrases
        self.semantic = semantic

    def detect(self, text: object) -> RedFlag | None:
        if isinstance(text, bytes | bytearray):
            text = bytes(text).decode("utf-8", errors="replace")
        if not isinstance(text, str) or not text.strip():
            return None
        flag = self.phrases.match(text)
        if flag is None and self.semantic is not None:
            flag = self.semantic.detect(text)
        return flag


def detect_red_flag(text: object) -> RedFlag | None:
    """The phrase list alone (standard library and PyYAML; safe in the Rasa environment)."""
    return EmergencyDetector(default_phrases()).detect(text)
