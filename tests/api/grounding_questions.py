"""The fixed questions of tests/api/test_grounded_numbers.py: products and ages in English
and Korean, symptoms, branch-hours questions."""

from __future__ import annotations

PRODUCTS_EN = ("Advil", "Tylenol", "Tylenol PM", "Claritin", "Zyrtec", "Children's Motrin")
PRODUCTS_KO = ("애드빌", "타이레놀", "타이레놀 PM", "클라리틴", "지르텍", "어린이 모트린")
QUESTIONS_EN = (
    "how much {p} can I take?", "how often can I take {p}?",
    "what is the maximum dose of {p} per day?", "is {p} safe in pregnancy?",
    "can I take {p} while breastfeeding?", "{p} side effects", "how should I store {p}?",
    "what is {p} used for?", "can I drink alcohol with {p}?", "what are the ingredients in {p}?",
    "when should I stop taking {p}?", "what if I take too much {p}?",
)
AGES_EN = (3, 7, 10, 15, 40)  # "how much {p} for my {age} year old?"
QUESTIONS_KO = (
    "{p} 하루에 몇 알까지 먹어요?", "{p} 몇 시간마다 먹어요?", "{p} 임신 중에 먹어도 돼요?",
    "{p} 수유 중에 먹어도 되나요?", "{p} 부작용이 뭐예요?", "{p} 어떻게 보관해요?",
    "{p} 효능이 뭐예요?", "{p} 술 마시고 먹어도 돼요?", "{p} 성분이 뭐예요?",
    "{p} 복용량 알려주세요",
)
AGES_KO = (5, 9, 30)  # "{age}살 아이 {p} 얼마나 먹여요?"


def leaflet_questions() -> list[tuple[str, str, int | None]]:
    asked: list[tuple[str, str, int | None]] = []
    for p in PRODUCTS_EN:
        asked += [(q.format(p=p), "en", None) for q in QUESTIONS_EN]
        asked += [(f"how much {p} for my {age} year old?", "en", age) for age in AGES_EN]
    for p in PRODUCTS_KO:
        asked += [(q.format(p=p), "ko", None) for q in QUESTIONS_KO]
        asked += [(f"{age}살 아이 {p} 얼마나 먹여요?", "ko", age) for age in AGES_KO]
    return asked


SYMPTOMS = (
    ("what can I take for hay fever?", "en"),
    ("something for hay fever? my nose won't stop running", "en"),
    ("I can't sleep, is there anything over the counter?", "en"),
    ("what's good for a fever?", "en"), ("what can I take for a headache?", "en"),
    ("what do you recommend for back pain?", "en"), ("anything for a toothache?", "en"),
    ("what can I take for muscle aches?", "en"),
    ("what's good for a runny nose and sneezing?", "en"),
    ("what can I give my child for a fever?", "en"),
    ("what do you recommend for itchy watery eyes?", "en"),
    ("what helps with menstrual cramps?", "en"), ("what can I take for a cold?", "en"),
    ("recommend something for minor arthritis pain", "en"),
    ("what helps with sleeplessness and aches at night?", "en"),
    ("what do you recommend for athlete's foot?", "en"),
    ("열이 나는데 무슨 약 먹어야 해요?", "ko"), ("두통약 추천해 주세요", "ko"),
    ("잠이 안 와요. 먹을 수 있는 약 있나요?", "ko"),
    ("콧물 재채기 알레르기 약 추천해 주세요", "ko"),
    ("치통에 먹는 약 뭐 있어요?", "ko"), ("생리통 약 추천해 주세요", "ko"),
    ("근육통에 좋은 약 있나요?", "ko"), ("감기 몸살에 먹을 약 추천해 주세요", "ko"),
    ("아이가 열이 나요. 무슨 약 먹여요?", "ko"), ("꽃가루 알레르기에 좋은 약 뭐예요?", "ko"),
    ("허리가 아픈데 무슨 약 먹어요?", "ko"), ("눈이 가렵고 눈물이 나요. 약 추천해 주세요", "ko"),
    ("관절염 통증에 먹는 약 있어요?", "ko"), ("변비약 추천해 주세요", "ko"),
)

# (question, language, the time of day it asks about as the reply echoes it, or None)
HOURS_EN = (
    ("what time does the {b} branch close?", None), ("is the {b} branch open on sunday?", None),
    ("{b} branch hours on saturday?", None), ("is the {b} branch open at 3am?", "03:00"),
    ("is {b} open at 9:30 pm on saturday?", "21:30"),
    ("what are the opening hours of the {b} branch?", None),
    ("is the {b} branch open on weekdays?", None),
)
HOURS_KO = (
    ("{b}점 토요일에 몇 시까지 해요?", None), ("{b}점 일요일에도 열어요?", None),
    ("{b}점 밤 10시에 열어요?", "22:00"), ("{b}점 영업시간 알려주세요", None),
    ("{b}점 평일 몇 시에 문 열어요?", None), ("{b}점 토요일 오전 8시 반에 열어요?", "08:30"),
)

# (medicines, the person) for POST /v1/medicines/answer, asked in both languages
MEDICATION_CHECKS: tuple[tuple[tuple[str, ...], dict], ...] = (
    (("Tylenol",), {"pregnant": True}), (("Advil",), {"pregnant": True}),
    (("Zyrtec",), {"pregnant": True}), (("Advil",), {"age_years": 5}),
    (("Zyrtec",), {"age_years": 3}), (("Claritin",), {"age_years": 4}),
    (("Tylenol PM",), {"age_years": 8}), (("Tylenol PM",), {"elderly": True}),
    (("Advil",), {"age_years": 70}), (("Advil", "Tylenol"), {}),
    (("Tylenol", "Tylenol PM"), {}), (("Advil", "Children's Motrin"), {}),
    (("Zyrtec", "Claritin"), {}), (("Tylenol PM", "Zyrtec"), {}),
    (("selegiline", "Sudafed"), {}), (("게보린", "펜잘큐"), {}), (("타이레놀", "애드빌"), {}),
    (("Advil",), {"duration_days": 60}), (("Claritin",), {"breastfeeding": True}),
)
