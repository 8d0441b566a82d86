"""How tests/api/test_grounded_numbers.py checks a reply against its sources: numbers
normalised (case, spaces, dash kinds, thousands separators, unit spellings) and the audit
that records every number and quote of every reply and what it was checked against."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from replies.answers import join_passages

# ---------------------------------------------------------------- numbers, normalised

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212~\uff5e]")
_WORD_NUMBERS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
# canonical unit -> its spellings (English ones must end a word; Korean ones may carry a particle)
_UNITS: dict[str, str] = {
    "mg": r"mg|milligrams?|밀리그램", "mcg": r"mcg|µg|μg|micrograms?", "g": r"g|grams?|그램",
    "ml": r"ml|milliliters?|millilitres?|밀리리터", "kg": r"kg|kilograms?|킬로그램",
    "lb": r"lbs?|pounds?", "oz": r"fl\.? ?oz|oz|ounces?", "pct": r"%|percent",
    "degf": r"° ?f|degrees? f", "degc": r"° ?c|degrees? c",
    "y": r"years?|yrs?|세", "mo": r"months?|개월", "wk": r"weeks?|주", "d": r"days?|일",
    "h": r"hours?|hrs?|시간", "min": r"minutes?|mins?|분", "tablet": r"tablets?|정|알",
    "caplet": r"caplets?", "capsule": r"capsules?|캡슐", "x": r"times|회", "dose": r"doses?",
    "tsp": r"teaspoons?|tsp", "tbsp": r"tablespoons?|tbsp", "drop": r"drops?|방울",
}
_SPELLING = {}
for _canonical, _spellings in _UNITS.items():
    for _spelling in _spellings.split("|"):
        _SPELLING[_spelling] = _canonical
_UNIT = "|".join(sorted(_SPELLING, key=len, reverse=True))
_UNIT_AFTER_DIGIT = re.compile(rf"(\d)\s*({_UNIT})(?![a-z])")
_UNIT_AFTER_WORD = re.compile(rf"\b({_WORD_NUMBERS})\s+({_UNIT})(?![a-z])")
_NUM = r"\d+(?:[.:/]\d+)*"
_TOKEN = re.compile(rf"{_NUM}(?:-{_NUM})?(?:‹\w+›)?|\b(?:{_WORD_NUMBERS})‹\w+›|\b(?:once|twice)\b")


def _unit(spelling: str) -> str:
    key = next(s for s in _SPELLING if re.fullmatch(s, spelling))
    return f"‹{_SPELLING[key]}›"


def canon(text: str) -> str:
    """Lower case, one space, one dash, no thousands separators, "N to M" as "N-M", and each
    unit after a number in one spelling ("6 hours", "6hrs", "6시간" → "6‹h›")."""
    text = _DASHES.sub("-", " ".join(text.split()).lower())
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    text = re.sub(r"(?<=\d)\s*(?:-|\bto\b)\s*(?=\d)", "-", text)
    text = _UNIT_AFTER_DIGIT.sub(lambda m: m[1] + _unit(m[2]), text)
    return _UNIT_AFTER_WORD.sub(lambda m: m[1] + _unit(m[2]), text)


def numbers_in(text: str) -> list[str]:
    """Every number or dose token of ``text``, normalised."""
    return _TOKEN.findall(canon(text))


def grounded(token: str, source: str) -> bool:
    """``token`` occurs in the (normalised) ``source`` as a whole number: "5" is not found in
    "2.5" or "15", but "6" is in "4-6" and "12" in "12 years"."""
    before = r"(?<![\d.:/])" if token[0].isdigit() else r"(?<![a-z])"
    after = (r"(?!\d|[.:/]\d)" if token[-1].isdigit() else "" if token.endswith("›")
             else r"(?![a-z])")
    return re.search(before + re.escape(token) + after, source) is not None


def flat(text: str) -> str:
    return " ".join(text.split())




# ---------------------------------------------------------------- the audit


@dataclass
class Audit:
    answers: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    excluded: Counter = field(default_factory=Counter)
    quotes: Counter = field(default_factory=Counter)
    declined: Counter = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)

    def fail(self, family: str, question: str, reply: str, what: str) -> None:
        self.violations.append(f"[{family}] {question!r}: {what}\n--- reply:\n{reply}\n")

    def check(self, family: str, question: str, reply: str, part: str,
              sources: Iterable[str | None]) -> None:
        """Every number of ``part`` (a piece of ``reply``) is in one of ``sources``."""
        texts = [s for s in sources if s]
        source = canon(" \n ".join(texts))
        for token in numbers_in(part):
            self.numbers[family] += 1
            if not grounded(token, source):
                shown = " | ".join(texts)
                self.fail(family, question, reply,
                          f"{token!r} is not in the cited source\n  in: {part!r}\n  source: "
                          f"{(shown[:1500] + ' …') if len(shown) > 1500 else shown!r}")

    def no_numbers(self, family: str, question: str, reply: str, part: str) -> None:
        """The assistant's own wording (no source) holds no number."""
        self.check(family, question, reply, part, [])

    def exclude(self, family: str, question: str, reply: str, part: str, pattern: str,
                reason: str, valid: Callable[[re.Match[str]], bool]) -> str:
        """``part`` without the matches of ``pattern``: a number that is fixed wording or
        metadata, checked by ``valid`` against where it comes from (else a violation)."""
        def drop(match: re.Match[str]) -> str:
            self.excluded[reason] += 1
            if not valid(match):
                self.fail(family, question, reply, f"{reason}: {match[0]!r} is wrong")
            return " "
        return re.sub(pattern, drop, part, flags=re.M)

    def verbatim(self, family: str, question: str, reply: str, quoted: str,
                 sources: Iterable[str]) -> None:
        """A quote, less the "…" of a cut, is a piece of one source text."""
        piece = flat(quoted).removeprefix("… ").removesuffix(" …").strip()
        self.quotes[family] += 1
        if not any(piece in flat(s) for s in sources):
            self.fail(family, question, reply, f"quote is not verbatim from its source: "
                                               f"{piece[:300]!r}")


QUOTE = re.compile(r"“([^”]*)”")
# replies.answers.citation: product, section, and the label date (metadata of the hit)
_CITATION = re.compile(
    r"^(?:Source: (?P<en>.+) — \"(?P<en_section>[^\"\n]+)\"(?:, label dated [\d-]+)?"
    r"|출처: (?P<ko>.+) — '(?P<ko_section>[^'\n]+)'(?:, 설명서 날짜 [\d-]+)?)$", re.M)
LABEL_DATE = r"(?:, label dated |, 설명서 날짜 )(\d{4}-\d\d-\d\d)"


def citation_of(block: str) -> tuple[str, str] | None:
    match = _CITATION.search(block)
    if match is None:
        return None
    return (match["en"] or match["ko"], match["en_section"] or match["ko_section"])


def audit_leaflet_answer(audit: Audit, family: str, question: str, reply: str,
                         hits: list[dict]) -> None:
    """Each quoted block against the hits its citation line names (product and section);
    every other block (the US-label note, the pharmacist line) holds no number."""
    for block in reply.split("\n\n"):
        cited = citation_of(block)
        if cited is None:
            audit.no_numbers(family, question, reply, block)
            continue
        title, section = cited
        passages = [h for h in hits if h["title"] == title and h["section_title"] == section]
        if not passages:
            audit.fail(family, question, reply, f"cites {cited}, not among the search hits")
            continue
        dates = {h["label_date"] for h in passages}
        # The label date of the citation is metadata of the cited hit, not a number of the
        # passage: it must be the hit's own date.
        part = audit.exclude(family, question, reply, block, LABEL_DATE,
                             "label date of a citation", lambda m, d=dates: m[1] in d)
        texts = [h["text"] for h in passages]
        # a passage that stops mid-sentence is quoted joined with the next one of its section
        texts += [join_passages(a["text"], b["text"]) for a in passages for b in passages
                  if a["doc_id"] == b["doc_id"] and b.get("passage") == a.get("passage", -2) + 1]
        audit.check(family, question, reply, part, [*texts, title, section])
        for quoted in QUOTE.findall(block):
            audit.verbatim(family, question, reply, quoted, texts)
