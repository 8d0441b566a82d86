"""How medication-check findings become a reply: plain words first, MFDS's wording quoted.

Input is the check's JSON (``POST /v1/medicines/check``'s ``findings``), so the gateway and
anything else that holds findings phrase them the same way. English replies give the
checker's English sentence and then MFDS's Korean wording, quoted and labelled; Korean
replies put the same facts in Korean. No dose is ever written here that MFDS did not.
"""

from __future__ import annotations

TITLES = {
    "dur_combination": ("Must not be taken together", "병용금기"),
    "same_ingredient": ("Same ingredient twice", "성분 중복"),
    "dur_duplicate_class": ("Same kind of medicine twice", "효능군 중복"),
    "dur_pregnancy": ("Not in pregnancy", "임부금기"),
    "dur_age": ("Not for this age", "특정연령대금기"),
    "dur_elderly": ("Caution at 65 or older", "노인주의"),
    "dur_max_dose": ("Daily maximum", "용량주의"),
    "dur_duration": ("Maximum duration", "투여기간주의"),
}
# English words for the therapeutic groups people meet at the counter
SERIES_EN = {"비스테로이드성 소염제": "NSAID pain relievers", "해열진통소염제": "pain relievers",
             "항히스타민제": "antihistamines", "비충혈제거제": "decongestants",
             "진해거담제": "cough medicines"}


def _names(finding: dict) -> str:
    return " + ".join(finding.get("medicines") or [])


def _ingredients(finding: dict, language: str) -> str:
    key = "name_ko" if language == "ko" else "name_en"
    return ", ".join(i.get(key) or i.get("name_en") or i["key"]
                     for i in finding.get("ingredients") or [])


def _korean_sentence(f: dict) -> str:
    names, ingredients = _names(f), _ingredients(f, "ko")
    detail = f.get("detail") or ""
    grade = f" ({f['grade']})" if f.get("grade") else ""
    sentences = {
        "dur_combination": f"{names}({ingredients}): 함께 복용하면 안 되는 조합(병용금기)입니다.",
        "same_ingredient": f"{names}: 두 약 모두 {ingredients} 성분이 들어 있어, 함께 먹으면 "
                           "같은 성분을 너무 많이 먹게 될 수 있습니다.",
        "dur_duplicate_class": f"{names}({ingredients}): 같은 효능군의 약이라 함께 먹지 않는 "
                               f"것이 좋습니다{f' ({detail})' if detail else ''}.",
        "dur_pregnancy": f"{names}({ingredients}): 임부금기 성분입니다{grade}.",
        "dur_age": f"{names}({ingredients}): 특정 연령대 금기 성분입니다"
                   f"{f' ({detail})' if detail else ''}.",
        "dur_elderly": f"{names}({ingredients}): 65세 이상 어르신은 주의가 필요한 성분입니다.",
        "dur_max_dose": f"{ingredients}: 1일 최대 용량 주의 성분입니다"
                        f"{f' ({detail})' if detail else ''}. 같은 성분이 든 약을 모두 합쳐 "
                        "세어 주세요.",
        "dur_duration": f"{names}({ingredients}): 투여기간 주의 성분입니다"
                        f"{f' ({detail})' if detail else ''}.",
    }
    return sentences.get(f["type"], names)


def _english_sentence(f: dict) -> str:
    sentence = f.get("explanation") or _names(f)
    for korean, english in SERIES_EN.items():
        if korean in sentence:
            sentence = sentence.replace(korean, f"{english}, {korean}")
    return sentence


def finding_block(f: dict, language: str) -> str:
    """One finding: what it means, then MFDS's words, quoted, with the source and date."""
    title_en, title_ko = TITLES.get(f["type"], (f["type"], f["type"]))
    dated = f", {f['notification_date']}" if f.get("notification_date") else ""
    cite = f"{f.get('citation') or '식품의약품안전처 DUR'}{dated}"
    sentence = _korean_sentence(f) if language == "ko" else _english_sentence(f)
    first = f"⚠️ {title_ko if language == 'ko' else title_en}: {sentence}"
    if f["type"] == "same_ingredient":  # from the products' ingredient lists, not a DUR table
        return first
    words = f.get("detail") if f["type"] == "dur_max_dose" and f.get("detail") else f["mfds_text"]
    label = "식약처 DUR 문구" if language == "ko" else "MFDS's wording (Korean)"
    return f"{first}\n{label}: “{words}” ({cite})"


def compose_check_answer(names: list[str], findings: list[dict], unresolved: list[str],
                         language: str) -> str:
    """The findings that lead a reply, or the short "no rule applies" line."""
    lines = []
    if findings:
        lines.append("식약처 DUR(의약품안전사용서비스) 기준으로 확인한 결과입니다:"
                     if language == "ko" else
                     "I checked these against Korea's medication safety rules (MFDS DUR):")
        lines += [finding_block(f, language) for f in findings]
    elif names:
        listed = ", ".join(names)
        lines.append(f"{listed}: 식약처 DUR 기준(병용금기, 성분 중복, 임부·연령 금기)에 해당하는 "
                     "내용은 없습니다." if language == "ko" else
                     f"I checked {listed} against Korea's medication safety rules (MFDS DUR: "
                     "combinations, same ingredient, pregnancy and age): no rule applies.")
    if unresolved:
        listed = ", ".join(unresolved)
        lines.append(f"'{listed}'은(는) 어떤 약인지 확인하지 못해 확인하지 못했습니다. 약사에게 "
                     "보여 주세요." if language == "ko" else
                     f"I couldn't tell which medicine \"{listed}\" is, so it was not checked: "
                     "please show it to a pharmacist.")
    return "\n\n".join(lines)


def finding_source(f: dict) -> dict:
    """A finding as a citable source, next to the leaflets it appears with."""
    keys = "+".join(sorted(i["key"] for i in f.get("ingredients") or []))[:80]
    title_en, title_ko = TITLES.get(f["type"], (f["type"], f["type"]))
    return {"doc_id": f"dur-{f['type'].removeprefix('dur_')}-{keys}", "section": f["type"],
            "title": f"{_names(f)} — {title_ko} ({title_en})",
            "drug": _ingredients(f, "en"), "source": "MFDS DUR",
            "date": f.get("notification_date")}
