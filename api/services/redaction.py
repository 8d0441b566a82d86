"""Remove personal data from what we log and store: phones, e-mails, Korean RRNs."""

from __future__ import annotations

import re

_PATTERNS = [
    # Korean resident registration number: ######-####### (the 7th digit encodes century/sex)
    (re.compile(r"(?<!\d)\d{6}\s?-\s?[1-8]\d{6}(?!\d)"), "[RRN]"),
    (re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"), "[EMAIL]"),
    # Korean mobile/landline and international numbers: 010-1234-5678, 02 123 4567, +82 10...
    (re.compile(r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(?0\d{1,2}\)?[\s.-]?)\d{3,4}[\s.-]?\d{4}(?!\d)"),
     "[PHONE]"),
    (re.compile(r"(?<!\d)1-800-\d{3}-\d{4}(?!\d)"), "[PHONE]"),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
