""""What's the difference between X and Y?": a short side-by-side from the leaflets.

For each product: its ingredient(s), the opening of its leaflet's uses section and of its
directions (how much, how often, the daily maximum are written there), each quoted in whole
sentences and cited. Nothing is summarised in our words: the leaflets speak.
"""

from __future__ import annotations

from dataclasses import dataclass

from replies.answers import citation, is_korean_leaflet, prescriber_note
from replies.quotes import quote

USES_CHARS = 220
DIRECTIONS_CHARS = 360


@dataclass(frozen=True)
class ComparisonRow:
    name: str  # the product as the leaflet titles it, or as typed when no leaflet was found
    ingredients: str
    uses: dict | None  # a search hit (``Hit.to_json()``) of the uses section, or None
    directions: dict | None  # … of the directions


_WORDS = {
    "en": {"intro": "{names}, side by side from their leaflets:", "uses": "What it is for",
           "directions": "How to take it", "missing": "(not in the leaflets I hold)",
           "korean": " (Korean leaflet, quoted in Korean)", "and": " and "},
    "ko": {"intro": "{names}을(를) 설명서 기준으로 나란히 보여 드립니다:", "uses": "효능·효과",
           "directions": "용법·용량", "missing": "(보유한 설명서에 없음)",
           "korean": "", "and": ", "},
}


def _line(label: str, hit: dict | None, limit: int, words: dict[str, str],
          language: str) -> str:
    if hit is None:
        return f"{label}: {words['missing']}"
    note = prescriber_note(hit, language)
    if note is not None:
        return f"{label}: {note}"
    note = words["korean"] if is_korean_leaflet(hit) else ""
    return f"{label}{note}: “{quote(hit['text'], limit)}”"


def _sources(row: ComparisonRow, language: str) -> list[str]:
    lines: list[str] = []
    for hit in (row.uses, row.directions):
        if hit is not None:
            lines.extend(line for line in citation(hit, language).split("\n")
                         if line not in lines)
    return lines


def compose_comparison(rows: list[ComparisonRow], language: str = "en") -> str:
    """One block per product: name — ingredients, uses, directions, sources."""
    words = _WORDS["ko" if language == "ko" else "en"]
    blocks = [words["intro"].format(names=words["and"].join(r.name for r in rows))]
    for row in rows:
        head = f"• {row.name}" + (f" — {row.ingredients}" if row.ingredients else "")
        lines = [head, _line(words["uses"], row.uses, USES_CHARS, words, language),
                 _line(words["directions"], row.directions, DIRECTIONS_CHARS, words, language),
                 *_sources(row, language)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def comparison_sources(rows: list[ComparisonRow]) -> list[dict]:
    return [{k: hit[k] for k in ("doc_id", "drug", "section", "title")}
            for row in rows for hit in (row.uses, row.directions) if hit is not None]
