"""What a chat message says that the medication check needs: medicines and the person.

"can I take excedrin migraine and tylenol together?" names two medicines; "I'm pregnant",
"my 4 year old", "돌 아기", "my father is 80" describe the person; "저는 셀레길린을 먹어요"
says what they already take; "forget my medicines" clears it. Pure functions over the
:class:`RuleSet` (exact names only: a sentence is no place for fuzzy guesses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medication_checks.ruleset import RuleSet

MAX_WORDS = 4
_WORD = re.compile(r"[a-z0-9][a-z0-9'’.-]*")
_HANGUL_TOKEN = re.compile(r"[가-힣0-9a-zA-Z]+")
# endings people attach to a Korean name: particles and the start of a verb phrase
_KO_TAILS = ("이랑", "하고", "랑", "은", "는", "이", "가", "을", "를", "과", "와", "도", "만",
             "에", "의", "으로", "로", "이나", "나", "처럼", "까지", "부터", "")
_STOP = frozenset({"a", "an", "and", "the", "or", "with", "can", "i", "take", "is", "it",
                   "my", "of", "for", "to", "on", "in", "at", "same", "day", "together"})


def find_medicines(rules: RuleSet, text: str) -> list[str]:
    """Names of medicines (products, brands, ingredients) the text mentions, in order,
    longest match first ("excedrin migraine" before "excedrin")."""
    found: list[tuple[int, str]] = []
    lowered = text.lower()
    words = [(m.start(), m.group(0).strip(".'’-")) for m in _WORD.finditer(lowered)]
    used = [False] * len(words)
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            span = " ".join(w for _, w in words[i:i + size])
            if size == 1 and (span in _STOP or len(span) < 3):
                continue
            if rules.resolve(span, fuzzy=False):
                found.append((words[i][0], span))
                used[i:i + size] = [True] * size
                i += size
                break
        else:
            i += 1
    found += _elided_brand_variants(rules, words, used, [name for _, name in found])
    for match in _HANGUL_TOKEN.finditer(text):
        token = match.group(0)
        if not re.search(r"[가-힣]", token):
            continue
        for end in range(len(token), 1, -1):
            head, tail = token[:end], token[end:]
            if (tail in _KO_TAILS or len(tail) <= 1) and rules.resolve(head, fuzzy=False):
                found.append((match.start(), _without_particle(rules, head)))
                break
    return list(dict.fromkeys(name for _, name in sorted(found)))


_COORDINATORS = frozenset({"and", "or", "vs", "vs.", "versus", "&"})


def _elided_brand_variants(rules: RuleSet, words: list[tuple[int, str]], used: list[bool],
                           names: list[str]) -> list[tuple[int, str]]:
    """"dramamine original and less drowsy": the brand said once covers its second
    product. Words right after "and", "or", "vs" that follow a named multi-word brand are
    tried with its brand word ("sudafed 12 hour tablets" names one product, not two)."""
    brands = list(dict.fromkeys(n.split()[0] for n in names if " " in n))
    found: list[tuple[int, str]] = []
    i = 0
    while brands and i < len(words):
        if i == 0 or used[i] or words[i - 1][1] not in _COORDINATORS or not any(used[:i]):
            i += 1
            continue
        for size in range(min(MAX_WORDS - 1, len(words) - i), 0, -1):
            if any(used[i:i + size]):
                continue
            span = " ".join(w for _, w in words[i:i + size])
            if size == 1 and span in _STOP:  # "pm" is a variant here ("tylenol … or pm?")
                continue
            name = next((f"{b} {span}" for b in brands
                         if rules.resolve(f"{b} {span}", fuzzy=False)), None)
            if name:
                found.append((words[i][0], name))
                i += size
                break
        else:
            i += 1
    return found


# "what's the difference between X and Y?", "X vs Y", "which is better", "X랑 Y 차이"
_COMPARE = re.compile(r"\bdifferen(?:ce|t)\b|\bcompar(?:e|ed|ing|ison)\b|\bvs\.?(?=\s)|"
                      r"\bversus\b|which (?:one )?(?:is|works) (?:better|stronger)|"
                      r"차이|비교|뭐가 (?:더 )?(?:나아|좋아|나은|센)|"
                      r"어떤 (?:게|것이) (?:더 )?(?:나아|좋아|센)")


def asks_to_compare(text: str) -> bool:
    """The message asks how medicines differ (a side-by-side, not a safety check)."""
    return bool(_COMPARE.search(text.lower()))


def _without_particle(rules: RuleSet, name: str) -> str:
    """"게보린이랑" → "게보린" when that is a name too."""
    for tail in sorted(_KO_TAILS, key=len, reverse=True):
        if tail and name.endswith(tail) and len(name) - len(tail) >= 2:
            head = name[: -len(tail)]
            if rules.resolve(head, fuzzy=False):
                return head
    return name


@dataclass(frozen=True)
class PersonMention:
    age_years: float | None = None
    age_months: float | None = None
    pregnant: bool = False
    breastfeeding: bool = False
    elderly: bool = False
    weight_kg: float | None = None

    @property
    def empty(self) -> bool:
        return self == PersonMention()

    def merged_into(self, known: dict) -> dict:
        """``known`` (a stored person) updated with what this message says."""
        updated = dict(known)
        for key, value in self.__dict__.items():
            if value not in (None, False):
                updated[key] = value
        if self.age_years is not None:
            updated.pop("age_months", None) if self.age_months is None else None
        if self.age_months is not None and self.age_years is None:
            updated.pop("age_years", None)
        if (self.age_years is not None or self.age_months is not None) and \
                self.weight_kg is None:
            updated.pop("weight_kg", None)  # another age: maybe another child
        return updated


_NOT_PREGNANT = re.compile(r"not pregnant|임신(?:\s*중)?(?:이)?\s*아니|임신\s*안\s*했")
_PREGNANT = re.compile(r"\bpregnan\w*|\bexpecting a baby\b|임신|임산부|임부")
_FEEDING = re.compile(r"breast\s*-?feed\w*|\bnursing\b|모유\s*수유|수유\s*중")
_YEARS_EN = re.compile(r"\b(\d{1,3})[\s-]*(?:years?|yrs?|y/?o)(?:[\s-]*old)?\b|"
                       r"\bage(?:d)?\s+(\d{1,3})\b")
_MONTHS_EN = re.compile(r"\b(\d{1,2})[\s-]*(?:months?|mos?)(?:[\s-]*old)?\b")
_YEARS_KO = re.compile(r"(\d{1,3})\s*(?:살|세)(?!\s*(?:미만|이상|이하|초과))")
_MONTHS_KO = re.compile(r"(?:생후\s*)?(\d{1,2})\s*개월")
_FIRST_BIRTHDAY_KO = re.compile(r"돌\s*(?:아기|아이|된|지난|쟁이)")
_DECADE_KO = re.compile(r"(\d)0\s*대")
_IS_AGE_EN = re.compile(r"\b(?:is|am|i'?m|he'?s|she'?s|turned)\s+(\d{2,3})\b"
                        r"(?!\s*(?:mg|kg|%|lbs?|pounds?|minutes?|hours?))")
_WEIGHT_KG = re.compile(r"(?<![\d/.])(\d{1,3}(?:\.\d)?)\s*"
                        r"(?:kg|kgs|kilos?|kilograms?|킬로그램|킬로|키로)(?![a-z/])", re.I)
_WEIGHT_LB = re.compile(r"(?<![\d/.])(\d{1,3}(?:\.\d)?)\s*(?:lbs?|pounds?)\b", re.I)
KG_PER_POUND = 0.45359237
_ELDERLY = re.compile(r"\belderly\b|\bsenior\b|\b65\s*(?:\+|or older|and over)|노인|어르신|고령")


def parse_person(text: str) -> PersonMention:
    """Who the message is about, as far as it says (nothing guessed)."""
    lowered = text.lower()
    pregnant = bool(_PREGNANT.search(lowered)) and not _NOT_PREGNANT.search(lowered)
    years: float | None = None
    months: float | None = None
    if m := _MONTHS_EN.search(lowered) or _MONTHS_KO.search(text):
        months = float(m.group(1))
    if m := _YEARS_EN.search(lowered):
        years = float(m.group(1) or m.group(2))
    elif m := _YEARS_KO.search(text):
        years = float(m.group(1))
    elif _FIRST_BIRTHDAY_KO.search(text):
        months = 12.0
    elif m := _DECADE_KO.search(text):
        years = float(m.group(1)) * 10
    elif m := _IS_AGE_EN.search(lowered):
        years = float(m.group(1)) if 40 <= int(m.group(1)) <= 120 else None
    if years is not None and months is not None:
        months = None  # "5 years ... 3 months" – the years say enough
    elderly = bool(_ELDERLY.search(lowered)) or (years is not None and years >= 65)
    return PersonMention(years, months, pregnant, bool(_FEEDING.search(lowered)), elderly,
                         parse_weight(text))


def parse_weight(text: str) -> float | None:
    """A body weight the message gives ("20 kg", "20키로", "44 lbs"), in kilograms."""
    if m := _WEIGHT_KG.search(text):
        return float(m.group(1))
    if m := _WEIGHT_LB.search(text):
        return round(float(m.group(1)) * KG_PER_POUND, 1)
    return None


_TAKING = re.compile(
    r"(?<!can )(?<!should )(?<!could )(?<!may )(?<!do )(?<!would )(?<!if )"
    r"\bi(?:'m| am)? (?:take|taking|on|use|using)\b|\bi'?ve been taking\b|"
    r"먹고\s*있|복용\s*중|복용하고\s*있|(?:저는|전|나는|난)\s*\S+\s*(?:을|를)?\s*먹어")
_FORGET = re.compile(r"\bforget (?:my|what i|the) (?:medicines?|medications?|meds|pills|"
                     r"details?|info)|(?:약|복용\s*정보|정보).{0,6}(?:잊어|지워|삭제)")


def says_taking(text: str) -> bool:
    """"I take X" / "저는 X를 먹어요": the medicines named are ones the person is on."""
    return bool(_TAKING.search(text.lower()))


def says_forget(text: str) -> bool:
    return bool(_FORGET.search(text.lower()))
