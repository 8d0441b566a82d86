"""The chain's branches, read from the store FAQ that staff keep (one source of truth).

``knowledge_base/chain/store_faq/branches.md`` lists each branch as
``- **Jamsil branch** – … Phone **02-2143-1400**. …``; the 24-hour ones say so. Used where
a reply should name a branch the user mentioned (an emergency reply adds a pharmacist's
phone: the branch named, or the 24-hour branch of the same city, which is always open).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_LINE = re.compile(r"^- \*\*(?P<name>[^*]+?) branch\*\* – (?P<body>.*)$", re.M)
_PHONE = re.compile(r"Phone \*\*(?P<phone>[\d-]+)\*\*")
_CITIES = ("Seoul", "Busan", "Daegu", "Incheon")
# how Korean users name each branch (the FAQ is written in English)
KOREAN_NAMES = {"Jongno": "종로", "Hongdae": "홍대", "Yeouido": "여의도", "Gangnam": "강남",
                "Jamsil": "잠실", "Busan Seomyeon": "서면", "Busan Haeundae": "해운대",
                "Daegu Dongseongro": "동성로", "Incheon Songdo": "송도"}


@dataclass(frozen=True)
class BranchInfo:
    name: str
    name_ko: str
    phone: str
    city: str
    open_24h: bool

    def named_in(self, text: str) -> bool:
        short = self.name.split()[-1].lower()
        return bool(re.search(rf"\b{re.escape(short)}\b", text.lower())) or (
            self.name_ko in text.replace(" ", ""))


def read_branches(faq_file: Path) -> list[BranchInfo]:
    branches = []
    for match in _LINE.finditer(faq_file.read_text(encoding="utf-8")):
        body = match["body"]
        phone = _PHONE.search(body)
        if phone is None:
            continue
        city = next((c for c in _CITIES if c in body), "")
        name = match["name"].strip()
        branches.append(BranchInfo(name, KOREAN_NAMES.get(name, name), phone["phone"], city,
                                   "open 24 hours" in body.lower()))
    return branches


@cache
def branches_in(chain_docs_dir: Path) -> tuple[BranchInfo, ...]:
    return tuple(read_branches(chain_docs_dir / "store_faq" / "branches.md"))


def open_branch_for(branches: tuple[BranchInfo, ...], text: str) -> BranchInfo | None:
    """The branch the message names if it never closes, else a 24-hour branch of the same
    city (always open), else the named branch itself; ``None`` when none is named."""
    named = next((b for b in branches if b.named_in(text)), None)
    if named is None or named.open_24h:
        return named
    return next((b for b in branches if b.open_24h and b.city == named.city), named)


def first_named(branches: tuple[BranchInfo, ...], texts: list[str]) -> BranchInfo | None:
    """The branch named in the first of ``texts`` that names one (e.g. this message, then
    earlier ones), or None."""
    for text in texts:
        named = next((b for b in branches if b.named_in(text)), None)
        if named is not None:
            return named
    return None
