"""Each branch's opening hours, read from the store FAQ's hours tables (the document staff
edit: ``faq-opening-hours``), so an answer about one branch and one day quotes one row.

A table row reads ``| Jamsil | 09:00–22:00 | 09:00–22:00 | 10:00–20:00 |`` under a header
``| Branch | Mon–Fri | Saturday | Sunday and public holidays |``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge_base.documents import Document

HOURS_DOC_ID = "faq-opening-hours"
DAY_TYPES = ("weekday", "saturday", "sunday")  # Sunday and public holidays share a column
_ROW = re.compile(r"^\|\s*(?P<cells>[^\n]+?)\s*\|\s*$", re.M)
_SPAN = re.compile(r"(\d{1,2}):(\d\d)\s*[–-]\s*(\d{1,2}):(\d\d)")


@dataclass(frozen=True)
class Opening:
    """One day type's hours: always open, closed, or from–to in minutes after midnight."""

    text: str  # as the table says it: "09:00–22:00", "24 hours", "Closed"
    always: bool = False
    closed: bool = False
    opens: int = 0
    closes: int = 0

    @classmethod
    def parse(cls, cell: str) -> Opening:
        lowered = cell.lower()
        if "24" in lowered and "hour" in lowered:
            return cls(cell, always=True)
        span = _SPAN.search(cell)
        if span is None:
            return cls(cell, closed=True)
        h1, m1, h2, m2 = (int(x) for x in span.groups())
        return cls(cell, opens=h1 * 60 + m1, closes=h2 * 60 + m2)

    def open_at(self, minute: int) -> bool:
        return self.always or (not self.closed and self.opens <= minute < self.closes)


@dataclass(frozen=True)
class BranchHours:
    branch: str
    days: dict[str, Opening]
    section_key: str
    section_title: str


_TIME = re.compile(r"\b\d{1,2}:\d\d\b")


def notes_about(document: Document, branch: str) -> list[str]:
    """Lines outside the tables that name the branch and a time (e.g. its summer hours)."""
    notes = []
    for section in document.sections:
        for line in section.text.splitlines():
            text = line.strip()
            if text and not text.startswith("|") and branch.lower() in text.lower() and (
                    _TIME.search(text)):
                notes.append(text.replace("**", ""))
    return notes


def branch_hours(document: Document) -> list[BranchHours]:
    """Every branch row of every hours table in the document."""
    found = []
    for section in document.sections:
        for match in _ROW.finditer(section.text):
            cells = [c.strip() for c in match["cells"].split("|")]
            if len(cells) != 4 or cells[0].lower() == "branch" or set(cells[1]) <= set("-: "):
                continue
            days = {day: Opening.parse(cell) for day, cell in zip(DAY_TYPES, cells[1:],
                                                                    strict=True)}
            found.append(BranchHours(cells[0], days, section.key, section.title))
    return found
