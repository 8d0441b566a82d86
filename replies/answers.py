"""Compose answers from search hits (the gateway's ``/v1/search`` hit objects).

A Korean leaflet (MFDS e약은요) is quoted as Korean text with the ministry's attribution; a US
label quoted to a Korean user is labelled as the English original, and said to be a US label
standing in because no Korean leaflet answered.
"""

from __future__ import annotations

import re

from replies.quotes import (
    MAX_QUOTE_CHARS,
    MAX_QUOTE_SENTENCES,
    quote,
    quote_for_age,
    quote_for_weight,
)

MFDS_ATTRIBUTION = "출처: 식품의약품안전처 의약품개요정보(e약은요)"
US_LABEL_NOTE_KO = ("국내 의약품 설명서(e약은요)에서 이 질문에 답하는 내용을 찾지 못해 "
                    "미국 제품 설명서(영문)를 안내해 드립니다.")

PHARMACIST_LINE = {
    "en": "This is the leaflet's wording, not personal advice: please check with your "
          "pharmacist before use, especially for children, pregnancy or other medicines.",
    "ko": "이 내용은 제품 설명서 문구이며 개인 맞춤 상담이 아닙니다. "
          "어린이, 임신 중이거나 다른 약을 드시는 경우에는 복용 전에 꼭 약사와 상담하세요.",
}

# A weight given, but the dose chart goes by age only: no dose is worked out from a weight.
NO_WEIGHT_ROWS = {
    "en": "This leaflet gives doses by age, not by weight. Tell me the child's age, or ask "
          "the pharmacist for a dose by weight.",
    "ko": "이 설명서는 체중이 아니라 나이별로 용량을 안내합니다. 아이의 나이를 알려 주시거나, "
          "체중에 맞는 용량은 약사와 상담하세요.",
}


# A prescription label's dose-setting section (``prescriber_only`` hits): never quoted to a
# consumer, whose dose is the prescriber's decision.
PRESCRIBER_NOTE = {
    "en": "{title} is a prescription medicine: the dose, and whether it suits a child, an "
          "older person or a pregnancy, is set by the prescriber. Take it as your prescription "
          "label says, and ask your pharmacist or prescriber if anything is unclear.",
    "ko": "{title}은(는) 전문의약품입니다. 용량과 어린이·고령자·임신 중 사용 여부는 처방한 "
          "의사가 정합니다. 처방전(약 봉투)에 적힌 대로 복용하시고, 궁금한 점은 약사나 "
          "처방한 의사에게 문의하세요.",
}


def prescriber_note(hit: dict, language: str = "en") -> str | None:
    """What to say instead of quoting a prescription label's dose-setting section; None for
    every other passage (it is quoted)."""
    if not hit.get("prescriber_only"):
        return None
    return PRESCRIBER_NOTE.get(language, PRESCRIBER_NOTE["en"]).format(title=hit["title"])


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


# Passages of one section whose scores are this close are a tie for the question.
TIE_RATIO = 0.98
USES_SECTIONS = ("indications_and_usage", "purpose")


def _opening_of_tie(hits: list[dict]) -> dict:
    """The top hit, or, in a uses section, an earlier passage of it that scored (nearly) as
    well: a leaflet states its main use first ("the treatment of hypertension" before the
    details of angina)."""
    top = hits[0]
    if top["section"] not in USES_SECTIONS:  # directions: the row asked about may be later
        return top
    tied = [h for h in hits if h["doc_id"] == top["doc_id"] and h["section"] == top["section"]
            and h["score"] >= TIE_RATIO * top["score"]]
    return min(tied, key=lambda h: h.get("passage", 0))


_NUMBER = re.compile(r"[\d.,%()≥≤<>+/–-]+")
TABLE_SHARE = 0.4  # a passage this much numbers is a table's cells run together
DOSE_SECTIONS = ("dosage_and_administration",)  # a dose chart is read by row (_dose_row)


def reads_as_table(hit: dict) -> bool:
    """A clinical table flattened into text ("Myalgia 3.1 3.6 5.9 8.4 …"), outside the dose
    sections: unreadable as a quote."""
    if hit.get("section") in DOSE_SECTIONS:
        return False
    words = str(hit.get("text", "")).split()
    return len(words) >= 10 and sum(bool(_NUMBER.fullmatch(w)) for w in words) \
        >= TABLE_SHARE * len(words)


def _next_passage(hit: dict, hits: list[dict]) -> dict | None:
    return next((h for h in hits if h["doc_id"] == hit["doc_id"]
                  and h["section"] == hit["section"]
                  and h.get("passage") == hit.get("passage", 0) + 1), None)


def _readable_first(hits: list[dict]) -> list[dict]:
    """When the best passage reads as a table, the section's earliest prose passage among
    the hits that starts a sentence and can finish it (it ends one, or the next passage was
    returned too) goes first; the table stays behind it."""
    top = hits[0]
    if not reads_as_table(top):
        return hits
    prose = [h for h in hits if h["doc_id"] == top["doc_id"] and h["section"] == top["section"]
             and not reads_as_table(h) and h["text"].lstrip()[:1].isupper()
             and (h["text"].rstrip().endswith(".") or _next_passage(h, hits) is not None)]
    if not prose:
        return hits
    first = min(prose, key=lambda h: h.get("passage", 0))
    return [first, *(h for h in hits if h is not first)]


def choose_passages(hits: list[dict], max_passages: int = 2) -> list[dict]:
    """The best passage (the opening one of a tie; never a flattened table when the section
    has prose), plus a sibling product's same section when the family was named and both
    scored alike, else another section of the same product that scored nearly as well."""
    if not hits:
        return []
    hits = _readable_first(hits)
    best = _opening_of_tie(hits)
    chosen = [best]
    sibling = _family_sibling(best, hits)
    if sibling is not None and max_passages > 1:
        return [best, sibling]
    for hit in hits[1:]:
        if len(chosen) == max_passages:
            break
        if hit["doc_id"] == best["doc_id"] and hit["section"] != best["section"] and (
            hit["score"] >= 0.8 * best["score"]
        ):
            chosen.append(hit)
    return chosen


def _family_sibling(best: dict, hits: list[dict]) -> dict | None:
    """Another product of the same family and medicine ("Pepcid AC Original Strength" next to
    "… Maximum Strength") whose same section scored as well: the question named the family,
    and the two leaflets may say different things (10 or 15 minutes, 325 or 500 mg)."""
    def family(hit: dict) -> str:
        words = str(hit.get("title") or "").split()
        return words[0].lower() if words else ""

    return next((h for h in hits if h["doc_id"] != best["doc_id"] and family(best)
                 and h["section"] == best["section"] and h.get("drug") == best.get("drug")
                 and family(h) == family(best)
                 and h["score"] >= TIE_RATIO * best["score"]), None)


def _dose_row(hits: list[dict], hit: dict, age_years: int | None,
              weight_kg: float | None) -> str | None:
    """The row for the child's weight (first) or age of ``hit``'s dose section, looked for
    in every passage of that section the search returned (a long chart is split over
    passages)."""
    if hit.get("section") != "dosage_and_administration":
        return None
    same = [hit, *(h for h in hits if h is not hit and h["doc_id"] == hit["doc_id"]
                   and h.get("section") == hit["section"])]
    if weight_kg is not None:
        row = next((row for h in same if (row := quote_for_weight(h["text"], weight_kg))), None)
        if row:
            return row
    if age_years is not None:
        return next((row for h in same if (row := quote_for_age(h["text"], age_years))), None)
    return None


MIN_OVERLAP = 20  # characters: passages of a section overlap by a few words


def join_passages(first: str, second: str) -> str:
    """Two consecutive passages of a section as one text (their overlap once)."""
    a, b = " ".join(first.split()), " ".join(second.split())
    for size in range(min(len(a), len(b)), MIN_OVERLAP - 1, -1):
        if a.endswith(b[:size]):
            return a + b[size:]
    return f"{a} {b}"


def _whole_sentences(hit: dict, hits: list[dict]) -> str:
    """The passage's text; when it stops mid-sentence (a section split into passages) and
    the search also returned the next passage, the two joined, so the quote can end where
    the sentence does ("… use once a day; use for no more than 7 days.")."""
    text = hit["text"].rstrip()
    if text.endswith(".") or "passage" not in hit:
        return text
    following = _next_passage(hit, hits)
    if following is None:
        return text
    joined = join_passages(text, following["text"])
    flat = " ".join(text.split())
    end = joined.find(". ", len(flat))
    end = len(joined) if end == -1 else end + 1
    # only the rest of the cut sentence, and only if the quote can hold it
    return joined[:end] if end <= MAX_QUOTE_CHARS else text


def compose_leaflet_answer(hits: list[dict], language: str = "en", max_passages: int = 2,
                           age_years: int | None = None, weight_kg: float | None = None) -> str:
    """Quote the chosen passages, cite each (product, section, label date), refer. With
    ``weight_kg`` or ``age_years``, a dose passage is quoted from the row for that weight
    (first) or age; a weight the chart does not dose by (and no age) is said so."""
    chosen = choose_passages(hits, max_passages)
    if not chosen:
        raise ValueError("no passage to answer from")
    blocks = []
    if language == "ko" and not is_korean_leaflet(chosen[0]):
        blocks.append(US_LABEL_NOTE_KO)  # a US label stands in: say so
    for hit in chosen:
        note = prescriber_note(hit, language)
        if note is not None:
            blocks.append(f"{note}\n{citation(hit, language)}")
            continue
        row = _dose_row(hits, hit, age_years, weight_kg)
        text = row or quote(_whole_sentences(hit, hits), sentences=MAX_QUOTE_SENTENCES)
        blocks.append(f"{_intro(hit, language)}\n“{text}”\n"
                      f"{citation(hit, language)}")
        if (row is None and weight_kg is not None and age_years is None
                and hit.get("section") == "dosage_and_administration"):
            blocks.append(NO_WEIGHT_ROWS.get(language, NO_WEIGHT_ROWS["en"]))
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


