"""Compose answers from search hits (the gateway's ``/v1/search`` hit objects).

A Korean leaflet (MFDS e약은요) is quoted as Korean text with the ministry's attribution; a US
label quoted to a Korean user is labelled as the English original, and said to be a US label
standing in because no Korean leaflet answered.
"""

from __future__ import annotations

MAX_QUOTE_CHARS = 700
MFDS_ATTRIBUTION = "출처: 식품의약품안전처 의약품개요정보(e약은요)"
US_LABEL_NOTE_KO = ("국내 의약품 설명서(e약은요)에서 이 질문에 답하는 내용을 찾지 못해 "
                    "미국 제품 설명서(영문)를 안내해 드립니다.")

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
    sentence_end = max(cut.rfind(". "), cut.rfind("; "), cut.rfind("다. "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1] + " …"
    return cut.rsplit(" ", 1)[0] + " …"


def is_korean_leaflet(hit: dict) -> bool:
    """An MFDS e약은요 leaflet (its passages are Korean text)."""
    return hit.get("language") == "ko" or str(hit.get("doc_id", "")).startswith("mfds-")


def citation(hit: dict, language: str = "en") -> str:
    """Product, section and label date; an MFDS leaflet also carries the MFDS attribution."""
    date = hit.get("label_date")
    if language == "ko":
        dated = f", 설명서 날짜 {date}" if date else ""
        line = f"출처: {hit['title']} — '{hit['section_title']}'{dated}"
    else:
        dated = f", label dated {date}" if date else ""
        line = f"Source: {hit['title']} — \"{hit['section_title']}\"{dated}"
    return f"{line}\n{MFDS_ATTRIBUTION}" if is_korean_leaflet(hit) else line


def _intro(hit: dict, language: str) -> str:
    korean_text = is_korean_leaflet(hit)
    if language == "ko" and korean_text:
        return f"{hit['title']} 설명서(식약처 e약은요) '{hit['section_title']}' 부분입니다:"
    if language == "ko":
        return f"{hit['title']} 설명서 '{hit['section_title']}' 부분의 원문(영문)입니다:"
    if korean_text:
        return (f"From the Korean leaflet of {hit['title']} (MFDS e약은요), "
                f"\"{hit['section_title']}\" — quoted in Korean, the original text:")
    return f"From the {hit['title']} leaflet, \"{hit['section_title']}\":"


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
    if language == "ko" and not is_korean_leaflet(chosen[0]):
        blocks.append(US_LABEL_NOTE_KO)  # a US label stands in: say so
    for hit in chosen:
        blocks.append(f"{_intro(hit, language)}\n“{quote(hit['text'])}”\n"
                      f"{citation(hit, language)}")
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


