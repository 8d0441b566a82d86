"""A leaflet's words as a reply quotes them: whole sentences, a few at a time, and the one
row of a dose chart that fits a child's age or weight (standard library only).

The words are the leaflet's; only spacing is ours (whitespace folded, and the space MFDS
leaflets often leave out after a Korean sentence's end put back).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_QUOTE_CHARS = 700
MAX_QUOTE_SENTENCES = 4  # per leaflet passage; the rest is one "more" away


# A Korean sentence's end ("…다.", "…시오.", "…요.")
_KO_END = r"(?<=[다오요]\.)"
# MFDS leaflets often run sentences on without a space ("…마십시오.권장용량을…"): a quote
# puts the space back (the words are the leaflet's; only the spacing is ours).
_KO_RUN_ON = re.compile(_KO_END + r"(?=[가-힣(])")
# A sentence ends at a full stop after a word and a space before a capital, or at Korean
# "…다." / "…시오." (leaflets often run the next sentence on without a space): "e.g. take",
# "U.S. Food" and "0.5 mL" are not ends.
_SENTENCE_END = re.compile(r"(?<=[A-Za-z][A-Za-z)%\]]\.)\s+(?=[A-Z(“\"])"
                           r"|" + _KO_END + r"\s*(?=\S)")


def quote(text: str, limit: int = MAX_QUOTE_CHARS, sentences: int | None = None) -> str:
    """The passage, cut at a sentence (or word) boundary when longer than ``limit``, and
    after its first ``sentences`` sentences when it has more (the app offers "more")."""
    text = readable(text)
    if sentences is not None:
        ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        if len(ends) >= sentences:
            text = text[: ends[sentences - 1]]
            if len(text) <= limit:
                return text + " …"
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("; "), cut.rfind("다. "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1] + " …"
    return cut.rsplit(" ", 1)[0] + " …"


def readable(text: str) -> str:
    """Whitespace folded to single spaces, and a space after a Korean sentence's end."""
    return _KO_RUN_ON.sub(" ", " ".join(text.split()))


def quotes_whole(section_text: str, reply_text: str) -> bool:
    """True when the reply holds the whole section (spacing aside): no "more" to offer."""
    return readable(section_text) in readable(reply_text)


# Age ranges as labels write them: "6-8 years", "2 years to under 6 years", "12 years and
# over", "under 2 years"; Korean: "만 7세 이상 ~ 만 15세 미만", "15세 이상".
_AGE_RANGE = re.compile(
    r"(?P<a>\d{1,2})\s*(?:years?\s*)?(?:of age\s*)?(?:-|–|to)\s*(?P<under>under\s*)?"
    r"(?P<b>\d{1,2})\s*(?:years|yrs)"
    r"|(?P<c>\d{1,2})\s*(?:years|yrs)\s*(?:of age\s*)?(?:and|&)\s*(?:over|older)"
    r"|under\s*(?P<d>\d{1,2})\s*(?:years|yrs)"
    r"|만?\s*(?P<e>\d{1,2})\s*세\s*이상\s*(?:~|-)?\s*(?:만\s*)?(?P<f>\d{1,2})?\s*(?:세\s*미만)?"
    r"|만?\s*(?P<g>\d{1,2})\s*세\s*미만"
    r"|\((?P<h>\d{1,2})\s*years?\)", re.I)
# a row ends at a sentence or list break, or at the comma after its dose ("… 5mL, 16~22kg")
_BOUNDARY = re.compile(r"(?<=[.;])\s+|\s+-\s+|\s\|\s|\n|"
                       r"(?:(?<=\dml,)|(?<=\d ml,)|(?<=\dmL,)|(?<=\d mL,)|(?<=\d정,)|"
                       r"(?<=\d 정,))\s")


def _age_range(match: re.Match[str]) -> tuple[int, int]:
    if match["a"]:
        high = int(match["b"]) - (1 if match["under"] else 0)
        return int(match["a"]), high
    if match["c"]:
        return int(match["c"]), 200
    if match["d"]:
        return 0, int(match["d"]) - 1
    if match["e"]:
        return int(match["e"]), int(match["f"]) - 1 if match["f"] else 200
    if match["g"]:
        return 0, int(match["g"]) - 1
    return int(match["h"]), int(match["h"])


# Weight ranges as dose charts write them: "24-35 lbs", "under 24 lbs", "96 lbs and over",
# "11-15.9 kg", "체중 16~22kg"; pounds are compared in kilograms.
_WEIGHT_RANGE = re.compile(
    r"(?P<a>\d{1,3}(?:\.\d)?)\s*(?:-|–|~|to)\s*(?P<b>\d{1,3}(?:\.\d)?)\s*"
    r"(?P<u1>lbs?|pounds|kg)\b"
    r"|(?:under|less than)\s*(?P<c>\d{1,3}(?:\.\d)?)\s*(?P<u2>lbs?|pounds|kg)\b"
    r"|(?P<d>\d{1,3}(?:\.\d)?)\s*(?P<u3>lbs?|pounds|kg)\s*(?:and|&|or)\s*(?:over|more|above)"
    r"|(?P<e>\d{1,3}(?:\.\d)?)\s*(?P<u4>kg)\s*(?:이상)", re.I)
KG_PER_POUND = 0.45359237


def _weight_range(match: re.Match[str]) -> tuple[float, float]:
    unit = (match["u1"] or match["u2"] or match["u3"] or match["u4"]).lower()
    per = 1.0 if unit == "kg" else KG_PER_POUND
    if match["a"]:  # "24-35 lbs" holds a child of 35.9 lbs
        return float(match["a"]) * per, (float(match["b"]) + 0.99) * per
    if match["c"]:
        return 0.0, float(match["c"]) * per
    return float(match["d"] or match["e"]) * per, 1000.0


def quote_for_age(text: str, age_years: int, limit: int = 320) -> str | None:
    """The part of a dose passage about ``age_years`` (from the start of the sentence or row
    that names the fitting age range, whole sentences up to ``limit``), or None when the
    passage names no range that fits."""
    return _quote_row(text, _AGE_RANGE, _age_range, age_years, limit)


def quote_for_weight(text: str, weight_kg: float, limit: int = 320) -> str | None:
    """The row of a dose chart for ``weight_kg`` ("24-35 lbs (2-3 years): 5 mL" for 13 kg),
    or None when the passage names no weight range that fits."""
    return _quote_row(text, _WEIGHT_RANGE, _weight_range, weight_kg, limit)


def _quote_row(text: str, pattern: re.Pattern[str],
               to_range: Callable[[re.Match[str]], tuple[float, float]], value: float,
               limit: int) -> str | None:
    text = " ".join(text.split())
    fitting = [(hi - lo, m) for m in pattern.finditer(text)
               for lo, hi in [to_range(m)] if lo <= value <= hi]
    if not fitting:
        return None
    match = min(fitting, key=lambda pair: pair[0])[1]
    starts = [b.end() for b in _BOUNDARY.finditer(text, 0, match.start())]
    start = starts[-1] if starts else 0
    if start and match.start() - start > 120:  # a long sentence: start at the age itself
        start = match.start()
    window = text[start:start + limit]
    after = match.end() - start
    # the row ends where the sentence ends, or before the next age's row (a chart's rows
    # are separated by ";"), whichever comes first
    sentence_end = window.find(". ", after)
    end = sentence_end + 1 if sentence_end != -1 else None
    following = next(pattern.finditer(window, after), None)
    if following is not None:
        cuts = [b.start() for b in _BOUNDARY.finditer(window, after, following.start())]
        if cuts and (end is None or cuts[-1] < end):
            end = cuts[-1]
    ends = [b.start() for b in _BOUNDARY.finditer(window) if b.start() > after]
    if end is not None:
        window = window[:end]
    elif start + limit < len(text) and ends:
        window = window[:ends[-1]]
    prefix = "… " if start else ""
    suffix = " …" if start + len(window) < len(text) else ""
    return f"{prefix}{window.strip().rstrip(';').rstrip()}{suffix}"
