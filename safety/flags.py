"""What an emergency check returns, and which kind of help each category needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# In priority order: when a message holds two, the earlier one decides the reply.
CATEGORIES = (
    "suicidal", "self_harm", "child_ingestion", "foreign_body", "poisoning", "overdose",
    "anaphylaxis", "breathing", "chest_pain", "stroke", "seizure", "unconscious",
    "severe_bleeding", "pregnancy_bleeding", "severe_skin_reaction", "infant_fever",
    "unspecified",
)
MENTAL_HEALTH = frozenset({"suicidal", "self_harm"})
INGESTION = frozenset({"child_ingestion", "foreign_body", "poisoning", "overdose"})

HelpKind = Literal["medical", "mental_health"]


@dataclass(frozen=True)
class RedFlag:
    """An emergency found in a message: its category, the message's language, and why.

    ``matched`` is the phrase (phrase list) or the nearest exemplar (semantic check) that
    decided it; ``via`` says which of the two it was.
    """

    category: str
    language: str
    matched: str
    via: str = "phrase"
    score: float = 1.0

    @property
    def help(self) -> HelpKind:
        return "mental_health" if self.category in MENTAL_HEALTH else "medical"
