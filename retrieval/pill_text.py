"""A pill described in a chat message → the fields of a pill search.

"I found a white round pill with TYLENOL 500 printed on it", "small yellow oval pill with
'M 20' on it", "흰색 원형 알약에 IDG라고 써 있어요": the colour and shape words come from the
pill vocabulary (both languages); the imprint is what is quoted, what comes before "라고"
/ "이라고", or a run of capitals and digits ("TYLENOL 500", "M 20").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge_base.pill_vocabulary import parse_colors, parse_shape

_QUOTED = re.compile(r"[\"'“”‘’「」]([^\"'“”‘’「」]{1,30})[\"'“”‘’「」]")
_BEFORE_RAGO = re.compile(r"([A-Za-z0-9][A-Za-z0-9 \-]{0,29}?)\s*(?:이?라고|이라는|라는|이?라고요)")
_AFTER_MARKER = re.compile(
    r"\b(?:marked|says|saying|reads|printed|imprint(?:ed)?|stamped|engraved|written)"
    r"(?:\s+(?:with|on it|on))?\s*:?\s*([A-Za-z0-9][A-Za-z0-9\-]*(?:\s+[0-9]+)?)", re.I)
_CAPS_RUN = re.compile(r"(?<![A-Za-z0-9])((?:[A-Z0-9][A-Z0-9\-]*)(?:\s+[A-Z0-9][A-Z0-9\-]*)*)"
                       r"(?![A-Za-z0-9])")
_NOT_IMPRINT = {"I", "A", "OK", "PM", "AM", "MG", "ML"}


@dataclass(frozen=True)
class PillDescription:
    imprint: str
    colors: tuple[str, ...]
    shape: str | None

    @property
    def empty(self) -> bool:
        return not (self.imprint or self.colors or self.shape)


def imprint_of(text: str) -> str:
    for pattern in (_QUOTED, _BEFORE_RAGO):
        if match := pattern.search(text):
            return match.group(1).strip()
    runs = [r.strip() for r in _CAPS_RUN.findall(text)]
    runs = [r for r in runs if r not in _NOT_IMPRINT and not re.fullmatch(r"\d{1,2}", r)]
    if runs:
        return max(runs, key=len)
    if match := _AFTER_MARKER.search(text):
        return match.group(1).strip()
    return ""


def describe(text: str) -> PillDescription:
    """What the message says the pill looks like (nothing guessed; "알약"/"pill" says
    nothing about tablet or capsule, so the form is left to the imprint)."""
    colors = parse_colors(text).codes
    shapes = parse_shape(text).codes
    return PillDescription(imprint_of(text), colors, shapes[0] if shapes else None)
