"""Compose answers from search hits (the gateway's ``/v1/search`` hit objects)."""

from __future__ import annotations

MAX_QUOTE_CHARS = 700

PHARMACIST_LINE = {
    "en": "This is the leaflet's wording, not personal advice: please check with your "
          "pharmacist before use, especially for children, pregnancy or other medicines.",
    "ko": "이 내용은 제품 설명서 문구이며 개인 맞춤 상담이 아닙니다. "
          "어린이, 임신 중이거나 다른 약을 드시는 경우에는 복용 전에 꼭 약사와 상담하세요.",
}


def quote(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """The passage, cut at a sentence (or word) boundary when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("; "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1] + " …"
    return cut.rsplit(" ", 1)[0] + " …"


def citation(hit: dict, language: str = "en") -> str:
    date = hit.get("label_date")
    if language == "ko":
        dated = f", 설명서 날짜 {date}" if date else ""
        return f"출처: {hit['title']} — '{hit['section_title']}'{dated}"
    dated = f", label dated {date}" if date else ""
    return f"Source: {hit['title']} — \"{hit['section_title']}\"{dated}"


def choose_passages(hits: list[dict], max_passages: int = 2) -> list[dict]:
    """The best passage, plus another section of the same product that scored nearly as well."""
    if not hits:
        return []
    best = hits[0]
    chosen = [best]
    for hit in hits[1:]:
        if len(chosen) == max_passages:
            break
        if hit["doc_id"] == best["doc_id"] and hit["section"] != best["section"] and (
            hit["score"] >= 0.8 * best["score"]
        ):
            chosen.append(hit)
    return chosen


def compose_leaflet_answer(hits: list[dict], language: str = "en", max_passages: int = 2) -> str:
    """Quote the chosen passages, cite each (product, section, label date), refer."""
    chosen = choose_passages(hits, max_passages)
    if not chosen:
        raise ValueError("no passage to answer from")
    blocks = []
    for hit in chosen:
        if language == "ko":
            intro = f"{hit['title']} 설명서 '{hit['section_title']}' 부분의 원문(영문)입니다:"
        else:
            intro = f"From the {hit['title']} leaflet, \"{hit['section_title']}\":"
        blocks.append(f"{intro}\n“{quote(hit['text'])}”\n{citation(hit, language)}")
    return "\n\n".join([*blocks, PHARMACIST_LINE.get(language, PHARMACIST_LINE["en"])])


def not_sure_message(language: str = "en", medicine: str | None = None) -> str:
    if language == "ko":
        about = f"{medicine}에 대한 " if medicine else ""
        return (f"죄송합니다. {about}질문에 확실하게 답할 수 있는 설명서 내용을 찾지 못했습니다. "
                "추측해서 답하지 않겠습니다. 약사와 상담하시겠어요?")
    about = f" about {medicine}" if medicine else ""
    return (f"I'm not sure — I couldn't find a leaflet passage that answers your question{about}, "
            "and I won't guess about medicines. Would you like to ask a pharmacist?")


def retrieval_only_note(language: str = "en") -> str:
    if language == "ko":
        return "(상담 기능이 잠시 중단되어 설명서 내용만 안내해 드립니다.)"
    return ("(The full assistant is unavailable right now; this answer comes straight from "
            "our leaflets.)")


def unavailable_message(language: str = "en", emergency_number: str = "119") -> str:
    """The apology when the dialogue answered nothing (e.g. its action server is down)."""
    if language == "ko":
        return ("죄송합니다. 지금은 상담 기능 일부가 잠시 중단되어 "
                "이 질문에 답해 드릴 수 없습니다. "
                "잠시 후 다시 시도하시거나 매장 약사에게 문의해 주세요. "
                f"응급 상황이면 {emergency_number}에 전화하세요.")
    return ("Sorry, I can't answer that right now: part of the assistant is temporarily "
            "unavailable. Please try again in a few minutes, or ask a pharmacist in store. "
            f"In an emergency call {emergency_number}.")


def not_covered_message(name: str, language: str = "en") -> str:
    if language == "ko":
        return (f"'{name}'에 대한 설명서는 저희가 가지고 있지 않아 안내해 드릴 수 없습니다. "
                "약사와 상담하시겠어요?")
    return (f"We don't hold a leaflet for \"{name}\", so I can't give you information about it. "
            "Would you like to ask a pharmacist?")


