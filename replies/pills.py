"""How pill-identification candidates become a chat reply: the likeliest pills, how sure,
what to ask next, and never "you can take it"."""

from __future__ import annotations

SURE = {"high": ("very likely", "가능성이 높음"), "medium": ("possibly", "가능성 있음"),
        "low": ("a weak match", "일치도 낮음"), "none": ("no match", "일치 없음")}
CITATION = {"en": "Source: MFDS pill identification data (의약품 낱알식별, data.go.kr)",
            "ko": "출처: 식품의약품안전처 의약품 낱알식별 정보 (data.go.kr)"}
NEVER_TAKE = {
    "en": "Please don't take a pill you can't identify for sure. If it is a prescription "
          "medicine, ask the pharmacist or the doctor who prescribed it what it is for.",
    "ko": "확실히 확인되지 않은 알약은 드시지 마세요. 전문의약품이라면 약사나 처방한 의사에게 "
          "무슨 약인지 확인하세요.",
}


def ask_for_details(language: str, has_colour_or_shape: bool) -> str:
    if language == "ko":
        return ("색과 모양이 같은 알약은 아주 많습니다. 알약 앞뒤에 새겨진 글자나 숫자를 알려 "
                "주시면 찾아 드릴게요." if has_colour_or_shape else
                "알약에 새겨진 글자나 숫자(앞면·뒷면), 색깔, 모양을 알려 주시면 어떤 약인지 "
                "찾아 드릴게요.")
    return ("Many pills share a colour and shape: what letters or numbers are printed on each "
            "side? With those I can look it up." if has_colour_or_shape else
            "I can look a pill up from what is printed on it. What letters or numbers are on "
            "each side, and what colour and shape is it?")


def compose_pill_answer(imprint: str, candidates: list[dict], confidence_label: str,
                        ask_other_side: bool, language: str) -> str:
    """``candidates``: the search's best few, each with name, company, chart, otc_label, rx."""
    ko = language == "ko"
    if not candidates:
        return (f"'{imprint}'이(가) 새겨진 알약을 식약처 낱알식별 정보에서 찾지 못했습니다. "
                "알약을 가지고 약국에 오시면 약사가 확인해 드립니다.\n\n" + NEVER_TAKE["ko"]
                if ko else
                f"I couldn't find a pill printed \"{imprint}\" in the MFDS pill data. Please "
                "bring it to a pharmacist, who can identify it.\n\n" + NEVER_TAKE["en"])
    sure = SURE.get(confidence_label, SURE["low"])[1 if ko else 0]
    lines = [f"'{imprint}'이(가) 새겨진 알약 후보입니다 ({sure}):" if ko else
             f"A pill printed \"{imprint}\" is most likely one of these ({sure}):"]
    for i, c in enumerate(candidates, 1):
        lines.append(f"{i}. {c['name']} — {c['company']}. {c['chart']}. {c['otc_label']}.")
    if ask_other_side:
        lines.append("비슷한 알약이 여러 개입니다. 반대쪽 면에는 무엇이 새겨져 있나요?" if ko else
                     "Several pills look like this: what is printed on the other side?")
    if any(c.get("rx") for c in candidates):
        lines.append("전문의약품일 수 있습니다: 약사나 처방한 의사에게 확인하세요." if ko else
                     "This may be a prescription medicine: check with the pharmacist or the "
                     "prescriber.")
    lines += [NEVER_TAKE[language if ko else "en"], CITATION["ko" if ko else "en"]]
    return "\n".join(lines[:1 + len(candidates)]) + "\n\n" + "\n\n".join(
        lines[1 + len(candidates):])


def pill_source(candidate: dict) -> dict:
    return {"doc_id": candidate.get("leaflet_doc_id") or f"pill-{candidate['item_seq']}",
            "drug": candidate.get("class_name") or "", "section": "pill_identification",
            "title": candidate["name"], "source": "MFDS 낱알식별",
            "note": f"{candidate['chart']} · {candidate['otc_label']}"}
