"""Fever in a baby under three months: a rule by the baby's stated age, not by wording.

Whether a feverish baby needs a doctor now depends on one number, the age: under three
months, any fever is an emergency; from three months on, "how much fever syrup for my
6-month-old?" is an ordinary dosing question. Exemplars cannot learn a threshold on a
number, so this module reads the age ("7 weeks old", "생후 50일", "두 달 된 아기",
"newborn", "신생아") and the fever ("fever", "38.2", "열나요", "체온") from the message.

Standard library only.
"""

from __future__ import annotations

import re

INFANT_DAYS = 90  # three months

_EN_UNITS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "mth": 30}
_EN_AGE = re.compile(
    r"\b(\d{1,3})\s*[- ]?\s*(days?|weeks?|wks?|months?|mos?|mths?)\b[- ]?\s*(?:old\b|baby\b|"
    r"infant\b|newborn\b)")
_EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_EN_WORD_AGE = re.compile(
    r"\b(" + "|".join(_EN_WORDS) + r")\s*[- ]?\s*(days?|weeks?|months?)\b[- ]?\s*"
    r"(?:old\b|baby\b|infant\b)")
_EN_NEWBORN = re.compile(r"\bnew\s*born\b")
# A fever word or a reading of a fever: "temperature" alone ("how do I take a newborn's
# temperature?") says nothing.
_EN_FEVER = re.compile(r"\bfevers?\b|\bfeverish|\bburning up\b|\bhigh temp|"
                       r"\b(?:3[89]|4[01])(?:[.,]\d)?\s*(?:c\b|°|degrees?\b)?|"
                       r"\b10[0-5](?:\.\d)?\s*(?:f\b|°)")

_KO_UNITS = {"일": 1, "주": 7, "개월": 30, "달": 30}
_KO_BABY = r"(?:우리\s*)?(?:아기|애기|아가|신생아|딸|아들|baby)"
# "생후 50일", "50일 된", "7주 아기": "3일째 열나요" (for three days) is not an age.
_KO_AGE = re.compile(r"생후\s*(\d{1,3})\s*(개월|주|일|달)|(\d{1,3})\s*(개월|주|일|달)\s*"
                     r"(?:된|짜리|차\s*" + _KO_BABY + r"|" + _KO_BABY + r")")
_KO_NUMERALS = {"한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6}
_KO_WORD_AGE = re.compile(r"(" + "|".join(_KO_NUMERALS) + r")\s*(달|주)\s*(?:된|짜리|"
                          + _KO_BABY + r")")
_KO_NEWBORN = re.compile(r"신생아|갓난\s*아기|갓난애기|갓난쟁이")
# A child's age in years ("5살", "3세", "다섯 살", "my 5 year old", "4yo") or past the first
# birthday ("돌 지난", "두 돌"): no infant, whatever the wording of the fever.
YEAR_DAYS = 365
_EN_YEARS = re.compile(r"\b(\d{1,2})\s*[- ]?\s*(?:years?|yrs?)[- ]?\s*old\b|"
                       r"\b(\d{1,2})\s*(?:yo|y/o)\b")
_KO_YEARS = re.compile(r"(\d{1,2})\s*(?:살|세(?!트))")
_KO_YEAR_WORDS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
                  "여덟": 8, "아홉": 9, "열": 10}
_KO_WORD_YEARS = re.compile(r"(" + "|".join(_KO_YEAR_WORDS) + r")\s*살")
_KO_FIRST_BIRTHDAY = re.compile(r"돌\s*(?:이\s*)?지난|돌쟁이|(?:두|세)\s*돌")
_KO_FEVER = re.compile(r"열이|열나|열 나|열도|미열|고열|발열|불덩이|"
                       r"(?:3[89]|4[01])(?:[.,]\d)?\s*도")


def age_in_days(text: str) -> int | None:
    """The youngest age the message states for a baby, in days, or ``None``."""
    lowered = text.lower()
    ages: list[int] = []
    for number, unit in _EN_AGE.findall(lowered):
        ages.append(int(number) * _EN_UNITS[_en_unit(unit)])
    for word, unit in _EN_WORD_AGE.findall(lowered):
        ages.append(_EN_WORDS[word] * _EN_UNITS[_en_unit(unit)])
    for after_birth, unit, number, unit2 in _KO_AGE.findall(text):
        ages.append(int(after_birth or number) * _KO_UNITS[unit or unit2])
    for word, unit in _KO_WORD_AGE.findall(text):
        ages.append(_KO_NUMERALS[word] * _KO_UNITS[unit])
    years = [int(a or b) for a, b in _EN_YEARS.findall(lowered)]
    years += [int(n) for n in _KO_YEARS.findall(text)]
    ages += [n * YEAR_DAYS for n in years if n > 0]
    ages += [_KO_YEAR_WORDS[word] * YEAR_DAYS for word in _KO_WORD_YEARS.findall(text)]
    if _KO_FIRST_BIRTHDAY.search(text):
        ages.append(YEAR_DAYS)
    if _EN_NEWBORN.search(lowered) or _KO_NEWBORN.search(text):
        ages.append(0)
    return min(ages) if ages else None


def _en_unit(unit: str) -> str:
    for stem in ("day", "week", "wk", "month", "mth", "mo"):
        if unit.startswith(stem):
            return stem
    raise ValueError(unit)


def mentions_fever(text: str) -> bool:
    return bool(_EN_FEVER.search(text.lower()) or _KO_FEVER.search(text))


def is_infant_fever(text: str) -> bool:
    """A fever in a baby the message says is under three months old."""
    age = age_in_days(text)
    return age is not None and age < INFANT_DAYS and mentions_fever(text)


def is_older_than_infant(text: str) -> bool:
    """The message states the baby's age, and it is three months or more."""
    age = age_in_days(text)
    return age is not None and age >= INFANT_DAYS
