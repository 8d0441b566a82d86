"""Which language a message is written in ("ko" or "en"), from its letters alone."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["en", "ko"]
_HANGUL_CHARS = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_HANGUL_SYLLABLE = re.compile("[\uac00-\ud7a3]")


def language_of(text: object) -> Language:
    """"ko" when Hangul is at least 30% of the letters, else "en" (also for "")."""
    if not isinstance(text, str) or not text:
        return "en"
    letters = sum(map(str.isalpha, text))
    if letters == 0:
        return "en"
    hangul = len(_HANGUL_CHARS.findall(text))
    return "ko" if hangul / letters >= 0.3 else "en"


def has_korean_word(text: str) -> bool:
    """Whether the text holds a Hangul syllable: some Korean, not only "ㅋㅋ" or "ㅠㅠ"."""
    return _HANGUL_SYLLABLE.search(text) is not None
