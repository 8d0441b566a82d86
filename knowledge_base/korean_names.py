"""Korean product names as people type them: spacing, particles, families and small typos.

Korean product names are written without spaces in the register ("이지엔6이브연질캡슐") but
typed with them ("이지엔6 이브"), carry particles ("탁센은"), drop the maker's prefix
("정로환" for 동성정로환), are shortened to the family ("이지엔6") and misspelt a jamo at a time
("타이래놀"). Names are compared compact (no spaces); typos are scored on decomposed Hangul
(``unicodedata.normalize('NFD')`` splits a syllable into its jamo), so "래"/"레" differ by one
of about twelve characters instead of one of four. A family prefix shared by several products
narrows to the product whose remaining name shares most with the question ("이지엔6" +
"나이트" → 이지엔6나이트), else keeps the whole family.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

_HANGUL = re.compile("[\uac00-\ud7a3]")
MIN_FAMILY = 2  # characters a family prefix needs ("판콜", "이지엔6")
MAX_FAMILY = 30  # more products than this share a prefix: a word, not a brand
FUZZY_CUTOFF = 88.0  # on jamo strings
FUZZY_MIN_SYLLABLES = 3
MAX_JOIN = 3  # words joined when looking for a spaced name ("이지엔6 이브")
# Words of questions that begin product names too ("어린이타이레놀", "종합감기…"): never a
# family or a typo of a product on their own.
_COMMON = """
어린이 아이 아기 유아 소아 성인 임산부 임신 수유 노인 감기 두통 치통 생리통 소화 변비 설사 기침
가래 콧물 코막힘 해열 진통 종합 비타민 한방 알레르기 피부 상처 잇몸 구내염 위장 속쓰림 하루
복용 부작용 보관 효능 효과 용법 용량 주의 같이 함께 먹어 먹어도 먹는 먹으면 몇번 몇알 얼마나
이약 약국 약사 의사 병원 공복 식후 식전 아침 저녁 자기전 술 음주 임산부가 어린이가 아이가
오늘 내일 어제 지금 요즘 우리 제가 저는 그냥 정말 이거 그거 저거 무슨 어떤 언제 어디 몇
"""
COMMON_WORDS = frozenset(_COMMON.split())
# What may follow a two-syllable name inside one word ("탁센은"): particles only, so "플라"
# (a product) is not found in "플라스타".
_PARTICLE_LIST = "은 는 이 가 을 를 도 랑 이랑 하고 에 의 만 과 와 으로 로 처럼 이나 나 요"
_PARTICLES = frozenset(_PARTICLE_LIST.split(" "))


def jamo(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


def _shared(rest: str, context: str) -> int:
    """Length of the longest run of two or more characters ``rest`` shares with ``context``."""
    if len(rest) < 2:
        return 0
    match = SequenceMatcher(None, rest, context, autojunk=False).find_longest_match()
    return match.size if match.size >= 2 else 0


def _short_ok(word: str, cut: int) -> bool:
    """A two-syllable name may stand at the start of a word only before a particle."""
    return cut > 2 or cut == len(word) or word[cut:] in _PARTICLES


@dataclass(frozen=True)
class KoreanHit:
    start: int  # word positions covered
    end: int
    surface: str
    name: str  # the lexicon name (or the family prefix)
    score: float
    doc_ids: tuple[str, ...]


class KoreanNames:
    """Korean product names → the documents (products) they name."""

    def __init__(self, docs: dict[str, tuple[str, ...]]) -> None:
        self._docs = {n: d for n, d in docs.items() if has_hangul(n)}
        self._sorted = sorted(self._docs)
        self._fuzzy = [n for n in self._sorted if len(n) >= FUZZY_MIN_SYLLABLES]
        self._fuzzy_jamo = [jamo(n) for n in self._fuzzy]

    def family(self, prefix: str) -> list[str]:
        """Names starting with ``prefix`` (a brand family and its products)."""
        start = bisect.bisect_left(self._sorted, prefix)
        out = []
        for name in self._sorted[start:]:
            if not name.startswith(prefix):
                break
            out.append(name)
        return out

    def _exact(self, compact: str) -> str | None:
        """The longest known name ``compact`` starts with (a particle may follow)."""
        for cut in range(len(compact), 1, -1):
            if compact[:cut] in self._docs and _short_ok(compact, cut):
                return compact[:cut]
        return None

    def _family_hit(
        self, compact: str, context: str
    ) -> tuple[str, str, tuple[str, ...], bool] | None:
        """(prefix, name, docs, narrowed): a family prefix of ``compact`` shared by several
        products, narrowed to those whose rest of the name shares most with ``context``."""
        for cut in range(len(compact), MIN_FAMILY - 1, -1):
            prefix = compact[:cut]
            if prefix in COMMON_WORDS:
                return None
            if cut < len(compact) and compact[cut:] not in _PARTICLES:
                continue  # a family is named by its prefix alone ("판콜은"), not "판콜에이"
            members = self.family(prefix)
            if len(members) < 2 or len(members) > MAX_FAMILY:
                continue
            rest = context.replace(prefix, " ", 1)
            shared = {m: _shared(m[cut:], rest) for m in members}
            best = max(shared.values())
            fitting = [m for m in members if best and shared[m] == best]
            chosen = fitting or members
            docs = tuple(dict.fromkeys(d for m in chosen for d in self._docs[m]))
            return prefix, (fitting[0] if len(fitting) == 1 else prefix), docs, bool(fitting)
        return None

    def _containing(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """Names that contain ``word`` after a maker's prefix ("정로환" in "동성정로환에프")."""
        if len(word) < 3 or word in COMMON_WORDS:
            return None
        names = [n for n in self._sorted if word in n[1:]]
        if not names or len(names) > MAX_FAMILY:
            return None
        names.sort(key=len)
        return names[0], tuple(dict.fromkeys(d for n in names for d in self._docs[n]))

    def _fuzzy_hit(self, compact: str) -> tuple[str, str, float] | None:
        """A misspelt name: the whole word, or the word without a trailing particle, is
        compared (never a shorter prefix: "덱스트로메토르판" is not a typo of "덱스트론")."""
        for cut in range(len(compact), FUZZY_MIN_SYLLABLES - 1, -1):
            if cut < len(compact) and compact[cut:] not in _PARTICLES:
                continue
            if compact[:cut] in COMMON_WORDS:
                return None
            best = process.extractOne(jamo(compact[:cut]), self._fuzzy_jamo, scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF)
            if best:
                return compact[:cut], self._fuzzy[best[2]], float(best[1])
        return None

    def detect(self, words: list[str]) -> list[KoreanHit]:
        """Korean product names in the question's words (longest joins first)."""
        hits: list[KoreanHit] = []
        used = [False] * len(words)
        context = "".join(words)
        for size in range(MAX_JOIN, 0, -1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if any(used[start : start + size]) or not has_hangul(span[0]):
                    continue
                compact = "".join(span)
                name = self._exact(compact)
                # a join must use every word: "타이레놀 먹어요" is not a two-word name
                if not name or (size > 1 and len(name) <= len("".join(span[:-1]))):
                    inside = self._containing(compact) if size > 1 else None
                    if inside:  # "써스펜 좌약" → 복합써스펜좌약
                        hits.append(KoreanHit(start, start + size, compact, inside[0], 90.0,
                                              inside[1]))
                        used[start : start + size] = [True] * size
                    continue
                docs = self._docs[name]
                narrowed = self._family_hit(name, context)
                if narrowed and narrowed[3]:
                    name, docs = narrowed[1], narrowed[2]
                hits.append(KoreanHit(start, start + size, compact, name, 100.0, docs))
                used[start : start + size] = [True] * size
        for start, word in enumerate(words):
            if used[start] or not has_hangul(word):
                continue
            found = self._family_hit(word, context)
            if found:
                hits.append(KoreanHit(start, start + 1, word, found[1], 95.0, found[2]))
            elif containing := self._containing(word):
                hits.append(KoreanHit(start, start + 1, word, containing[0], 90.0,
                                      containing[1]))
            elif fuzzy := self._fuzzy_hit(word):
                hits.append(KoreanHit(start, start + 1, fuzzy[0], fuzzy[1], fuzzy[2],
                                      self._docs[fuzzy[1]]))
            else:
                continue
            used[start] = True
        return hits
