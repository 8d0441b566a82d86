"""What a certificate request in the chat asks for: a pure reader of one message.

"I need an employment certificate in English, 2 copies, for a visa application" →
``{"kind": "employment_certificate", "language": "en", "copies": 2, "purpose": "visa
application"}``; "2025년 원천징수영수증 떼 주세요" → an income certificate for 2025. What the
message does not say is left to the gateway's defaults (Korean, one copy, the latest settled
tax year), except the purpose of an employment certificate, which the gateway requires:
"제출용" / "submission" (the usual wording on a Korean certificate) unless one is given. The
gateway checks everything again (``POST /v1/hr/benefits/requests``).
"""

from __future__ import annotations

import re

EMPLOYMENT = "employment_certificate"
INCOME = "income_certificate"
DEFAULT_PURPOSE = {"en": "submission", "ko": "제출용"}

_INCOME = re.compile(r"원천\s*징수|소득\s*증명|근로\s*소득|income|withholding|tax receipt|"
                     r"\bearnings\b", re.IGNORECASE)
_ENGLISH = re.compile(r"\bin english\b|\benglish (?:version|copy|copies)\b|영문|영어로|영어 ?버전",
                      re.IGNORECASE)
_KOREAN = re.compile(r"\bin korean\b|국문|한글로|한국어로", re.IGNORECASE)
_COPIES = re.compile(r"(\d{1,2})\s*(?:copies|copy|부|장|통)", re.IGNORECASE)
_COPY_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "두": 2, "세": 3, "네": 4,
               "다섯": 5, "한": 1, "one": 1, "a single": 1}
_COPY_WORD = re.compile(r"\b(one|two|three|four|five|a single) (?:copies|copy)\b|"
                        r"(한|두|세|네|다섯)\s*(?:부|장|통)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_PURPOSE_EN = re.compile(
    r"\bfor (?:a |an |my |the |our )?((?!\d)[a-z][a-z' -]{2,40}?)(?=\s*(?:[,.!?]|$|\bin "
    r"(?:english|korean)\b|\bplease\b|\bpls\b|\b\d|\band\b))", re.IGNORECASE)
_PURPOSE_KO = re.compile(r"([가-힣A-Za-z]+(?:\s[가-힣A-Za-z]+)?)\s*"
                         r"(?:용으로|용도로|에 제출|제출용으로|에 내|때문에|하려고|하는데)")
_NOT_PURPOSE = re.compile(r"^(?:year|copies|copy|me|myself|employment|income|certificate|"
                          r"재직증명서|원천징수영수증|증명서|영문|국문|발급|신청)", re.IGNORECASE)


def read_certificate(text: str, language: str) -> dict[str, object]:
    """The request body a message asks for (see the module's docstring)."""
    kind = INCOME if _INCOME.search(text) else EMPLOYMENT
    body: dict[str, object] = {"kind": kind}
    if _ENGLISH.search(text):
        body["language"] = "en"
    elif _KOREAN.search(text):
        body["language"] = "ko"
    copies = _copies(text)
    if copies is not None:
        body["copies"] = copies
    if kind == INCOME and (year := _YEAR.search(text)):
        body["year"] = int(year.group(1))
    purpose = _purpose(text)
    if purpose:
        body["purpose"] = purpose
    elif kind == EMPLOYMENT:
        body["purpose"] = DEFAULT_PURPOSE["ko" if language == "ko" else "en"]
    return body


def _copies(text: str) -> int | None:
    found = _COPIES.search(text)
    if found:
        return int(found.group(1))
    word = _COPY_WORD.search(text)
    if word:
        return _COPY_WORDS[(word.group(1) or word.group(2)).lower()]
    return None


def _purpose(text: str) -> str | None:
    for pattern in (_PURPOSE_EN, _PURPOSE_KO):
        for found in pattern.finditer(text):
            purpose = found.group(1).strip(" '-")
            if purpose and not _NOT_PURPOSE.match(purpose):
                return purpose
    return None
