"""What a medicine question asks about, and which leaflet sections answer it.

The topic names are the dialogue's ``topic`` entity values, so the bot's slot and the
retriever's section preference speak the same language. Detection is keyword based and
deterministic; the retriever uses it as one more ranking signal, never as a filter.
"""

from __future__ import annotations

import re

# topic -> sections that answer it, best first.
TOPIC_SECTIONS: dict[str, tuple[str, ...]] = {
    "dosage": ("dosage_and_administration", "dosage_forms_and_strengths"),
    "frequency": ("dosage_and_administration",),
    "children": ("dosage_and_administration", "do_not_use", "pediatric_use", "warnings"),
    "pregnancy": ("pregnancy_or_breast_feeding", "pregnancy", "nursing_mothers",
                  "use_in_specific_populations", "warnings"),
    "side_effects": ("when_using", "stop_use", "adverse_reactions", "warnings"),
    "interactions": ("ask_doctor_or_pharmacist", "do_not_use", "drug_interactions",
                     "warnings"),
    "alcohol": ("warnings", "when_using", "do_not_use"),
    "storage": ("storage_and_handling", "how_supplied"),
    "ingredients": ("inactive_ingredient", "active_ingredient"),
    "indications": ("indications_and_usage", "purpose"),
    "warnings": ("warnings", "boxed_warning", "warnings_and_cautions", "do_not_use",
                 "ask_doctor"),
    "stop_use": ("stop_use", "warnings"),
    "conditions": ("ask_doctor", "do_not_use", "warnings", "contraindications"),
    "overdose": ("keep_out_of_reach_of_children", "overdosage", "warnings"),
}

# How each topic reads in a leaflet's own (English) words: the pivot a Korean question is
# embedded as, since the embedding model reads English.
TOPIC_WORDS: dict[str, str] = {
    "dosage": "directions how much to take dose",
    "frequency": "directions how often to take every hours doses in 24 hours",
    "children": "children under 12 years dose ask a doctor",
    "pregnancy": "if pregnant or breast-feeding ask a health professional",
    "side_effects": "side effects when using this product may cause",
    "interactions": "ask a doctor or pharmacist before use if you are taking other drugs",
    "alcohol": "alcohol warning drinks every day",
    "storage": "store at room temperature other information",
    "ingredients": "active and inactive ingredients",
    "indications": "uses purpose temporarily relieves",
    "warnings": "warnings do not use",
    "stop_use": "stop use and ask a doctor if symptoms last",
    "conditions": "ask a doctor before use if you have",
    "overdose": "in case of overdose get medical help",
}

_PATTERNS: list[tuple[str, str]] = [
    ("frequency", r"how often|how many times|every \d+ hours?|hours? between|how long between|"
                  r"하루에? ?몇 ?번|몇 시간마다|간격|몇 번까지|자주"),
    ("dosage", r"\bdos(e|es|age|ing)\b|directions?|how (much|many)|\bmax(imum)?\b|\bdaily\b|"
               r"per day|a day\b|\bmg\b|how (do|should) i (take|use)|how to (take|use)|"
               r"(before|after) (a |an |the |my |your )?([a-z]+ )?(meals?|eating|bed|food|"
               r"breakfast|lunch|dinner)\b|with food|empty stomach|"
               r"when (should|do|can) i (take|use)|"
               r"복용량|용량|몇 ?알|몇 ?정|몇 ?개|몇 ?포|몇 ?방울|얼마나|최대|"
               r"먹는 ?법|복용법|사용법|"
               r"씹어|삼켜|며칠 ?(동안|까지|발라|먹|써)|바르는 법|식전|식후|공복|"
               r"언제 (먹|복용|써|발라)|발라도|붙여도|뿌려도|어떻게 (붙|발라|뿌려|넣)|"
               r"아침에|저녁에|자기 ?(전|얼마)|잠들기 전"),
    ("children", r"\bkids?\b|\bchild(ren)?\b|\btoddler|\binfant|\bbaby\b|year[- ]old|"
                 r"\bage \d+|\bunder \d+|어린이|아이|아기|유아|소아|살 ?짜리|세 ?아이|"
                 r"청소년|초등학생|중학생|몇 ?살|\d+ ?살|\d+ ?개월|애한테|애가|딸|아들"),
    ("pregnancy", r"pregnan|breast ?-?feed|nursing|lactat|임신|임산부|수유|모유"),
    ("alcohol", r"alcohol|\bdrink(ing)?\b|\bbeer\b|\bwine\b|\bsoju\b|술|음주|소주|맥주"),
    ("interactions", r"\btogether\b|\bwith (my |other )?\w+ (medicine|pills?|drugs?)|"
                     r"\bmix(ing)?\b|interact|\bcombine|\bsame time\b|\balong with\b|"
                     r"같이 (먹|복용)|함께|병용|와파린|혈압약|당뇨약|다른 약|"
                     r"먹는 사람도|먹고 있는데"),
    ("side_effects", r"side[- ]?effects?|drows|sleepy|\bmake me\b|reaction|부작용|졸려|졸음|졸린|"
                     r"졸리|운전|"
                     r"잠이 안|속이 (쓰려|안 좋)|까매|어지러"),
    ("storage", r"\bstor(e|ed|age|ing)\b|temperature|fridge|refrigerat|expire|"
                r"(where|how) (should|do|can) i keep|보관|냉장"),
    ("ingredients", r"ingredients?|what'?s in|contain|besides|\bmade of\b|성분|들어 ?있|뭐가 들어"),
    ("indications", r"what (is|are|does) .{0,30}\b(for|treat|do)\b|used for|\btreats?\b|"
                    r"good for|help with|효능|효과|무슨 약|어디에 (좋|쓰|먹)|"
                    r"쓸 수 있|에도 (쓰|써|먹)|"
                    r"무슨 (증상|병)|뭐에 (좋|쓰|먹)|(아플|쓰릴|결릴|막힐|날) 때|"
                    r"(먹는|쓰는|바르는) 약 맞|"
                    r"(감기|코감기|몸살|두통|생리통|치통|배탈|설사|변비|소화불량|속쓰림|기침|가래|"
                    r"콧물|비염|알레르기|여드름|무좀|상처|화상|벌레 물린 데)에 (먹|써|쓰|발라|좋)"),
    ("stop_use", r"\bstop\b|see a doctor|when to call|그만|중단|안 나으면|안 나아|계속(돼|되|해)|"
                 r"넘게|계속 먹어도|병원에 가야"),
    ("overdose", r"too much|overdos|과다|너무 많이"),
    ("warnings", r"warning|\brisk\b|bleeding|heart attack|stroke|liver|allerg|safe|danger|"
                 r"주의|경고|위험|안전|출혈|안 되는 이유|먹으면 안"),
    ("conditions", r"\bif i have\b|disease|condition|asthma|diabetes|blood pressure|"
                   r"kidney|glaucoma|trouble|질환|고혈압|당뇨|천식|간이 (안 좋|나쁜)|간 ?질환|"
                   r"신장|콩팥|위궤양|심장"),
]
_COMPILED = [(topic, re.compile(pattern, re.IGNORECASE)) for topic, pattern in _PATTERNS]


def detect_topics(text: str) -> list[str]:
    """Topics in the order of the pattern list (most specific first)."""
    return [topic for topic, pattern in _COMPILED if pattern.search(text)]


# The same for a Korean (MFDS e약은요) leaflet, whose seven sections are coarser: who must not
# take it, pregnancy and "ask a doctor" all stand in 사용상 주의사항 (precautions).
KOREAN_TOPIC_SECTIONS: dict[str, tuple[str, ...]] = {
    "dosage": ("dosage_and_administration",),
    "frequency": ("dosage_and_administration",),
    "children": ("dosage_and_administration", "precautions"),
    "pregnancy": ("precautions", "warnings"),
    "side_effects": ("adverse_reactions", "precautions"),
    "interactions": ("drug_interactions", "precautions"),
    "alcohol": ("drug_interactions", "warnings", "precautions"),
    "storage": ("storage_and_handling",),
    "ingredients": (),  # e약은요 lists no excipients: a US label answers, saying so
    "indications": ("indications_and_usage",),
    "warnings": ("warnings", "precautions"),
    "stop_use": ("precautions", "adverse_reactions"),
    "conditions": ("precautions", "warnings"),
    "overdose": ("precautions", "warnings"),
}


def preferred_sections(topics: list[str], language: str = "en") -> list[str]:
    """Sections answering the first topic first, then the others, without repeats."""
    table = KOREAN_TOPIC_SECTIONS if language == "ko" else TOPIC_SECTIONS
    ordered: list[str] = []
    for topic in topics:
        for section in table.get(topic, ()):
            if section not in ordered:
                ordered.append(section)
    return ordered
