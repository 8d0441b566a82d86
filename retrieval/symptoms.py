"""Questions about a symptom rather than a product: "I'm constipated, what do you recommend?",
"변비약 추천해 주세요". Recognises the question, the symptom in it, and ranks the products whose
"Uses" passage is about that symptom.

The vocabulary (what people say → the words leaflets use) is data:
``retrieval/data/symptoms.yml``. A product ranks higher when its uses passage names the
symptom, and earlier in the passage (a laxative's uses start with "constipation"; a stomach
remedy that lists twenty complaints mentions it in passing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from retrieval.hybrid import Hit

SYMPTOMS_FILE = Path(__file__).parent / "data" / "symptoms.yml"
# The sections that say what a product is for (English labels; MFDS 효능효과 maps to the first).
USES_SECTIONS = ("indications_and_usage", "purpose")

_ASKS_EN = re.compile(
    r"\b(recommend|suggest|remedy|remedies|over[- ]the[- ]counter|otc)\b"
    r"|\bwhat(?:'s| is| are)? (?:good|best|helps?|works?)\b"
    r"|\b(?:what|which|anything|something|any(?:thing)?|medicine|medication|pills?)\b[^.?!]*"
    r"\b(?:for|to (?:stop|help|relieve|treat|get rid of)|take|use|give)\b"
)
_ASKS_KO = re.compile(r"추천|무슨약|어떤약|뭐먹|뭘먹|무엇을먹|먹으면돼|먹으면될|좋은약|약있|약없|"
                      r"약이뭐|약뭐|약좀|약주세요|약알려|어떤걸먹|뭐가좋|뭐가있|살수있는약")
_HANGUL = re.compile("[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Symptom:
    say: tuple[str, ...]
    uses: tuple[str, ...]


@cache
def load_symptoms(path: Path = SYMPTOMS_FILE) -> tuple[Symptom, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(Symptom(tuple(str(s).lower() for s in entry["say"]),
                         tuple(str(u).lower() for u in entry["uses"]))
                 for entry in data["symptoms"])


def _term_pattern(term: str) -> re.Pattern[str]:
    if _HANGUL.search(term):
        return re.compile(re.escape(term.replace(" ", "")))
    return re.compile(rf"\b{re.escape(term)}")  # a prefix: "constipat…", "sleep-aid"


def symptoms_in(text: str, vocabulary: tuple[Symptom, ...] | None = None) -> list[Symptom]:
    """The symptoms a message names, longest wording first ("cold sore" is not "cold")."""
    vocabulary = vocabulary or load_symptoms()
    lowered = text.lower()
    korean = lowered.replace(" ", "")
    terms = sorted(((term, symptom) for symptom in vocabulary for term in symptom.say),
                   key=lambda pair: -len(pair[0]))
    found: list[Symptom] = []
    for term, symptom in terms:
        korean_term = bool(_HANGUL.search(term))
        haystack = korean if korean_term else lowered
        match = (_term_pattern(term).search(haystack) if korean_term
                 else re.search(rf"\b{re.escape(term)}\b", haystack))
        if match is None:
            continue
        blank = " " * (match.end() - match.start())
        if korean_term:
            korean = korean[:match.start()] + blank + korean[match.end():]
        else:
            lowered = lowered[:match.start()] + blank + lowered[match.end():]
        if symptom not in found:
            found.append(symptom)
    return found


def search_words(text: str, symptoms: list[Symptom]) -> str:
    """The question plus the leaflets' words for its symptoms in the question's language
    ("seasick" → "motion sickness"), so the search finds passages in label language."""
    korean = bool(_HANGUL.search(text))
    extra = [term for symptom in symptoms for term in symptom.uses
             if term not in text.lower() and bool(_HANGUL.search(term)) == korean]
    return f"{text} ({', '.join(extra)})" if extra else text


def asks_for_products(text: str) -> bool:
    """A request for something to take ("what can I take for…", "변비약 추천해 주세요"), or a
    symptom with the word for medicine ("변비약", "headache medicine")."""
    if _ASKS_EN.search(text.lower()) or _ASKS_KO.search(text.replace(" ", "")):
        return True
    named = symptoms_in(text)
    return bool(named) and bool(re.search(r"약|\bmedicine\b|\bmeds\b|\bpills?\b", text.lower()))


def _mention(text: str, symptoms: list[Symptom], vocabulary: tuple[Symptom, ...]) -> int | None:
    """Where the passage first names one of the symptoms (None: it doesn't). A term inside
    another symptom's longer wording does not count ("fever" in "hay fever")."""
    positions = []
    for symptom in symptoms:
        for term in symptom.uses:
            korean_term = bool(_HANGUL.search(term))
            haystack = text.lower().replace(" ", "") if korean_term else text.lower()
            for other in vocabulary:
                for longer in other.uses:
                    if other is not symptom and term in longer and longer != term:
                        longer = longer.replace(" ", "") if korean_term else longer
                        haystack = haystack.replace(longer, "#" * len(longer))
            match = _term_pattern(term).search(haystack)
            if match is not None:
                positions.append(match.start())
    return min(positions, default=None)


_CHILD = re.compile(r"\b(?:kids?|child|children|son|daughter|baby|toddler|infant|boy|girl)\b|"
                    r"아이|아기|애기|어린이|아들|딸|유아|소아|개월")
_AGE = re.compile(r"(\d{1,3})\s*(?:-\s*)?(?:years?|yrs?|y/o|살|세)")
CHILD_UNTIL_YEARS = 12
_CHILD_PRODUCT = re.compile(r"children|child's|infant|kids|junior|어린이|키즈|소아|유아|시럽",
                            re.IGNORECASE)


def about_a_child(text: str) -> bool:
    """A child is meant: a child's word, an age in months, or an age under 12."""
    lowered = text.lower()
    return bool(_CHILD.search(lowered)) or any(
        int(age) < CHILD_UNTIL_YEARS for age in _AGE.findall(lowered))


def rank_products(hits: list[Hit], symptoms: list[Symptom], *, child: bool = False,
                  vocabulary: tuple[Symptom, ...] | None = None) -> list[Hit]:
    """One hit per product (same active ingredients = same product), best first: passages
    that name the symptom early, then the search's own order; for a child, children's
    products first. With symptoms named, passages that never mention them are dropped."""
    vocabulary = vocabulary or load_symptoms()
    scored = []
    for order, hit in enumerate(hits):
        if hit.chunk.section not in USES_SECTIONS:
            continue
        position = _mention(hit.chunk.text, symptoms, vocabulary) if symptoms else 0
        if position is None:
            continue
        not_for_children = child and not _CHILD_PRODUCT.search(hit.chunk.title)
        # the uses sentence says more than a purpose line ("Pain reliever/fever reducer")
        purpose_line = hit.chunk.section != USES_SECTIONS[0]
        scored.append(((not_for_children, position // 25, purpose_line, order), hit))
    scored.sort(key=lambda item: item[0])
    if child and scored and not scored[0][0][0]:  # children's products exist: only those
        scored = [item for item in scored if not item[0][0]]
    chosen: list[Hit] = []
    seen: set[str] = set()
    for _, hit in scored:
        key = hit.chunk.drug or hit.chunk.title
        if key in seen:
            continue
        seen.add(key)
        chosen.append(hit)
    return chosen
