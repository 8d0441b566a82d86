"""A tokenizer for English and Korean in one pipeline.

Rasa's WhitespaceTokenizer drops every all-Hangul word (its emoji range covers the Hangul
syllables), so Korean sentences collapse into one token. This tokenizer keeps Hangul,
separates Latin letters and digits from Hangul ("advil이" -> "advil", "이"; "14번" -> "14",
"번") and splits common particles and endings off Korean words ("타이레놀은" -> "타이레놀",
"은"), so annotated entity spans line up with token boundaries and the same medicine name
gives the same token with or without a particle.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

# runs of Hangul, of Latin letters (with inner ' - .), or of digits
_PIECE = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+|[A-Za-z][A-Za-z'\-.]*[A-Za-z]|[A-Za-z]|\d+")
# longest first; a one-syllable particle is only split off a stem of two or more syllables
# (so "오이" stays whole), a longer one also off a one-syllable stem ("알까지" -> "알", "까지")
PARTICLES = sorted([
    "에서는", "에게서", "으로는", "까지는", "부터는", "이라도", "에서", "에게", "으로", "까지",
    "부터", "한테", "에는", "이랑", "처럼", "보다", "은", "는", "이", "가", "을", "를", "에",
    "로", "도", "만", "요", "랑", "과", "와", "의",
], key=len, reverse=True)


def split_particles(word: str, start: int) -> list[tuple[str, int]]:
    """Peel particles off the end of a Hangul word: [(piece, offset), ...]."""
    tail: list[tuple[str, int]] = []
    stem = word
    changed = True
    while changed:
        changed = False
        for particle in PARTICLES:
            minimum = 2 if len(particle) == 1 else 1
            if stem.endswith(particle) and len(stem) - len(particle) >= minimum:
                stem = stem[: -len(particle)]
                tail.insert(0, (particle, start + len(stem)))
                changed = True
                break
    return [(stem, start), *tail]


def hangul_aware_pieces(text: str) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    for match in _PIECE.finditer(text):
        piece, start = match.group(), match.start()
        if "\uac00" <= piece[0] <= "\ud7a3":
            pieces.extend(split_particles(piece, start))
        else:
            pieces.append((piece.rstrip(".-'"), start))
    return [(p, s) for p, s in pieces if p]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class HangulAwareTokenizer(Tokenizer):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_",
                "token_pattern": None, "prefix_separator_symbol": None}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> HangulAwareTokenizer:
        return cls(config)

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        text = message.get(attribute) or ""
        pieces = hangul_aware_pieces(text)
        if not pieces:
            return [Token(text, 0)] if text else []
        return [Token(piece, start) for piece, start in pieces]
