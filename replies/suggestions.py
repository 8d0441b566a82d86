"""The reply to "what can I take for …?": a few OTC products whose leaflet says they are for
it, each with its uses line and its most important caution, quoted and cited, then the
pharmacist. Never a recommendation of one over another, never a dose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replies.answers import MFDS_ATTRIBUTION

# English: a full stop and a capital; Korean: a sentence ending (…다. …오. …요.), spaced or not.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9가-힣(])|(?<=[다오요]\.)\s*")


@dataclass(frozen=True)
class Suggested:
    title: str
    ingredients: str
    uses: str            # the uses passage, as written
    caution: str | None  # one whole sentence from the leaflet's warnings, as written
    caution_section: str | None
    korean_leaflet: bool


def first_sentences(text: str, limit: int = 260) -> str:
    """Whole sentences from the start of ``text``, as many as fit in ``limit`` (at least one)."""
    text = " ".join(text.split())
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    if not sentences:
        return text
    kept = sentences[0]
    for sentence in sentences[1:]:
        if len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}"
    return kept


INTRO = {
    "en": "These products we hold leaflets for are meant for that, according to their leaflets "
          "(not a personal recommendation):",
    "ko": "보유한 설명서 중 이 증상에 쓰는 일반의약품입니다(개인 맞춤 추천이 아닙니다):",
}
CLOSING = {
    "en": "Which one suits you depends on your age, other medicines and conditions — please ask "
          "a pharmacist before choosing, and see a doctor if it lasts or gets worse.",
    "ko": "어떤 제품이 맞는지는 나이, 복용 중인 약, 지병에 따라 다릅니다. 고르시기 전에 약사와 "
          "상담하시고, 증상이 계속되거나 심해지면 의사의 진료를 받으세요.",
}


def compose_suggestions(products: list[Suggested], language: str) -> str:
    ko = language == "ko"
    blocks = [INTRO["ko" if ko else "en"]]
    for number, product in enumerate(products, 1):
        uses_label = "효능·효과" if ko else "Uses"
        name = product.title if "(" in product.title or not product.ingredients else (
            f"{product.title} ({product.ingredients})")
        lines = [f"{number}. {name}",
                 f"   {uses_label}: “{first_sentences(product.uses)}”"]
        if product.caution:
            caution_label = "주의" if ko else "Caution"
            lines.append(f"   {caution_label}: “{product.caution}”")
        blocks.append("\n".join(lines))
    cite = ("출처: " if ko else "Sources: ") + "; ".join(
        f"{p.title} {'설명서' if ko else 'leaflet'}" for p in products)
    if any(p.korean_leaflet for p in products):
        cite += f"\n{MFDS_ATTRIBUTION}"
    blocks.append(cite)
    blocks.append(CLOSING["ko" if ko else "en"])
    return "\n\n".join(blocks)
