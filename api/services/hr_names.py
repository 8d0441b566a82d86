"""People's names, any spelling: the one name test of the HR assistant.

Names are compared with rapidfuzz on several forms of each name: "Kim Min-jun", "Min-jun
Kim", "minjun", "김민준", "민준". Hangul is decomposed into jamo first, so one wrong vowel or
final consonant in a Korean name costs one letter, not a whole syllable. The directory's name
search and a manager's "approve Minjun's request" both use it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from api.models.hr import Employee

NAME_THRESHOLD = 80.0


# Other romanisations of the roster's surnames ("Yun Seo-ah" is our "Yoon Seo-ah"): too far
# apart for edit distance on short names, so they are spelt the roster's way before scoring.
SURNAME_VARIANTS = {
    "yun": "yoon", "yi": "lee", "rhee": "lee", "ri": "lee", "rhie": "lee", "bak": "park",
    "pak": "park", "choe": "choi", "chey": "choi", "jeong": "jung", "chung": "jung",
    "gang": "kang", "gim": "kim", "jo": "cho", "im": "lim", "rim": "lim", "o": "oh",
    "suh": "seo", "sin": "shin", "gwon": "kwon", "kweon": "kwon", "hwang": "hwang",
    "an": "ahn", "jun": "jeon", "chun": "jeon", "yu": "yoo", "ryu": "yoo", "go": "ko",
    "mun": "moon", "sohn": "son", "pae": "bae", "paek": "baek", "huh": "heo", "no": "noh",
    "roh": "noh",
}


def plain(text: str) -> str:
    return re.sub(r"[\s\-_.'’·]+", " ", unicodedata.normalize("NFC", text).lower()).strip()


@cache
def _jamo(text: str) -> str:
    """Hangul syllables decomposed into compatibility jamo; everything else unchanged."""
    return unicodedata.normalize("NFD", text)


def _compact(text: str) -> str:
    return _jamo(plain(text).replace(" ", ""))


@dataclass(frozen=True)
class _NameForms:
    full: tuple[str, ...]
    tokens: frozenset[str]


def _name_forms(employee: Employee) -> _NameForms:
    surname, _, given = employee.name_en.partition(" ")
    ko_surname, ko_given = employee.name_ko[:1], employee.name_ko[1:]
    full = (surname + given, given + surname, given, employee.name_ko, ko_given,
            ko_given + ko_surname)
    tokens = {plain(surname), plain(given).replace(" ", ""), ko_surname, employee.name_ko,
              ko_given, *plain(given).split()}
    return _NameForms(tuple(_compact(f) for f in full), frozenset(tokens))


def name_score(query: str, employee: Employee) -> float:
    """0-100: how well ``query`` names this employee (as typed, or with a surname respelt)."""
    forms = _name_forms(employee)
    words = plain(query).split()
    score = _score(words, forms)
    if len(words) > 1:  # the surname comes first or last: "Yun Seo-ah", "Seo-ah Yun"
        for i in (0, len(words) - 1):
            if words[i] in SURNAME_VARIANTS:
                respelt = [*words[:i], SURNAME_VARIANTS[words[i]], *words[i + 1:]]
                score = max(score, _score(respelt, forms))
    return score


def is_named(query: str, employee: Employee) -> bool:
    """Does ``query`` name this employee? The one name test of the HR assistant (directory,
    a manager's "approve Minjun's request")."""
    return name_score(query, employee) >= NAME_THRESHOLD


def _score(words: list[str], forms: _NameForms) -> float:
    if words and all(w in forms.tokens for w in words):
        return 100.0
    compact = _compact("".join(words))
    if not compact:
        return 0.0
    return max(fuzz.ratio(compact, form) for form in forms.full)
