"""The certain cases: short phrase lists (``safety/data/phrases_<lang>.yaml``) matched exactly.

A phrase here means an emergency in any sentence it appears in ("kill myself", "숨을 안
쉬어요"), so the list stays short and readable; everything less certain is left to the
semantic check (``safety.semantic``). English phrases match whole words in the lower-cased
text with apostrophes and hyphens folded ("can't" → "cant", "self-harm" → "self harm");
Korean phrases match inside the text with all spaces removed, so spacing never matters.
A phrase is skipped when its entry's ``unless`` words occur in the same message, and medical
phrases (not suicidal or self-harm ones) when the message is a general question (the
file's ``question_frames``: "what should I do if someone…", "~하면 어떻게").

Standard library and PyYAML only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from safety.flags import CATEGORIES, MENTAL_HEALTH, RedFlag
from safety.language import language_of

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "ko")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff]")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u201b\u02bc\u2032\u00b4`]")
_HYPHENS = re.compile(r"[-\u2010-\u2015_]")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, compatibility forms folded, apostrophes dropped, hyphens and runs of
    white space made one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text).lower()
    text = _APOSTROPHES.sub("", text)
    text = _HYPHENS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Phrase:
    category: str
    text: str
    language: str
    unless: tuple[str, ...] = ()

    def pattern(self) -> re.Pattern[str]:
        if self.language == "ko":
            return re.compile(re.escape(self.text.replace(" ", "")))
        return re.compile(r"(?<![a-z0-9])" + re.escape(normalise(self.text)) + r"(?![a-z0-9])")


class PhraseList:
    """Every phrase of both languages, checked in category priority order."""

    def __init__(self, phrases: list[Phrase], question_frames: dict[str, list[str]]) -> None:
        priority = {c: i for i, c in enumerate(CATEGORIES)}
        unknown = {p.category for p in phrases} - set(CATEGORIES)
        if unknown:
            raise ValueError(f"phrase categories not in safety.flags.CATEGORIES: {unknown}")
        ordered = sorted(phrases, key=lambda p: priority[p.category])
        self._compiled = [(p, p.pattern()) for p in ordered]
        self._frames = {lang: [_fold(lang, f) for f in frames]
                        for lang, frames in question_frames.items()}

    def __len__(self) -> int:
        return len(self._compiled)

    @classmethod
    def from_files(cls, data_dir: Path = DATA_DIR) -> PhraseList:
        phrases: list[Phrase] = []
        frames: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            path = data_dir / f"phrases_{lang}.yaml"
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            frames[lang] = list(data.get("question_frames") or [])
            for entry in data["phrases"]:
                unless = tuple(entry.get("unless") or ())
                phrases += [Phrase(entry["category"], text, lang, unless)
                            for text in entry["any"]]
        return cls(phrases, frames)

    def match(self, text: str) -> RedFlag | None:
        """The highest-priority phrase found in ``text``, as a flag, else ``None``."""
        spaced = normalise(text)
        if not spaced:
            return None
        forms = {"en": spaced, "ko": spaced.replace(" ", "")}
        general = self._general(forms)
        for phrase, pattern in self._compiled:
            body = forms[phrase.language]
            found = pattern.search(body)
            if found is None:
                continue
            if any(_fold(phrase.language, u) in body for u in phrase.unless):
                continue
            if phrase.category not in MENTAL_HEALTH and general.get(phrase.language):
                continue
            return RedFlag(phrase.category, language_of(text), found.group(0))
        return None

    def is_general_question(self, text: str) -> bool:
        """The message is asked in general ("what should I do if…", "~하면 어떻게"), in
        either language's frames."""
        spaced = normalise(text)
        return any(self._general({"en": spaced, "ko": spaced.replace(" ", "")}).values())

    def _general(self, forms: dict[str, str]) -> dict[str, bool]:
        return {lang: any(f in forms[lang] for f in frames)
                for lang, frames in self._frames.items()}


def _fold(language: str, text: str) -> str:
    folded = normalise(text)
    return folded.replace(" ", "") if language == "ko" else folded


@cache
def default_phrases() -> PhraseList:
    return PhraseList.from_files()
