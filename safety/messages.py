"""What the assistant says when a red flag is found: short, calm, imperative, never a dose.

Standard library only (imported from both virtual environments). The numbers come from the
caller (``core.settings.SafetySettings``) so each deployment can configure its own.
"""

from __future__ import annotations

from safety.red_flags import RedFlag

_INGESTION = frozenset({"overdose", "child_ingestion", "poisoning"})

# One short first-aid line per category: what to do or not do while help is on the way.
# Deliberately no medicine names and no amounts.
_HINT_EN = {
    "overdose": "Do not take anything else, and do not wait for symptoms to appear.",
    "child_ingestion": "Do not make the child vomit. Stay with them and keep watching them.",
    "poisoning": "Do not make them vomit. Get them to fresh air if fumes are involved.",
    "anaphylaxis": "If an adrenaline auto-injector (EpiPen) has been prescribed, use it now.",
    "breathing": "Sit upright and stay with someone. Do not wait to see if it passes.",
    "chest_pain": "Stop what you are doing, sit down and rest. Do not drive yourself.",
    "stroke": "Note the time the symptoms started. Do not give food, drink or medicine.",
    "seizure": "Move hard objects away and turn them on their side. Put nothing in their mouth.",
    "unconscious": "Check breathing. If they are breathing, turn them on their side.",
    "severe_bleeding": "Press firmly on any wound with a clean cloth and keep pressing.",
    "severe_skin_reaction": "Bring the new medicine with you.",
    "infant_fever": "A fever in a baby under three months always needs a doctor straight away.",
}
_HINT_KO = {
    "overdose": "다른 약은 더 드시지 마시고, 증상이 나타날 때까지 기다리지 마세요.",
    "child_ingestion": "억지로 토하게 하지 마세요. 아이 곁을 지키며 상태를 살펴 주세요.",
    "poisoning": "억지로 토하게 하지 마세요. 가스나 연기라면 바로 환기된 곳으로 옮기세요.",
    "anaphylaxis": "처방받은 에피네프린 자동주사기(에피펜)가 있다면 지금 사용하세요.",
    "breathing": "똑바로 앉아 계시고 혼자 있지 마세요. 나아지기를 기다리지 마세요.",
    "chest_pain": "하던 일을 멈추고 앉아서 쉬세요. 직접 운전하지 마세요.",
    "stroke": "증상이 시작된 시각을 기억해 두세요. 음식이나 물, 약을 주지 마세요.",
    "seizure": "주변의 단단한 물건을 치우고 옆으로 눕혀 주세요. 입에 아무것도 넣지 마세요.",
    "unconscious": "숨을 쉬는지 확인하세요. 숨을 쉬면 옆으로 눕혀 주세요.",
    "severe_bleeding": "깨끗한 천으로 상처를 세게 누르고 계속 누르고 계세요.",
    "severe_skin_reaction": "새로 먹기 시작한 약을 가지고 가세요.",
    "infant_fever": "생후 3개월 미만 아기의 열은 언제나 바로 진료가 필요합니다.",
}

_EN = {
    "call": "This could be an emergency. Call {emergency} now or go to the nearest emergency "
            "room.",
    "poison": "You can also call poison control at {poison}. Bring the medicine package or "
              "bottle with you.",
    "suicidal": "I'm really glad you told me. You are not alone, and you don't have to go "
                "through this by yourself. Please call the crisis line {crisis} now — someone "
                "is there to listen, day and night. If you are in danger right now, call "
                "{emergency}.",
}
_KO = {
    "call": "응급 상황일 수 있습니다. 지금 바로 {emergency}에 전화하거나 가까운 응급실로 가세요.",
    "poison": "중독 상담 전화 {poison}에도 연락할 수 있습니다. 복용한 약의 포장이나 병을 꼭 "
              "가지고 가세요.",
    "suicidal": "말해 주셔서 고마워요. 당신은 혼자가 아니에요. 지금 자살예방 상담전화 {crisis}에 "
                "전화해 주세요. 언제든 이야기를 들어 줄 사람이 있습니다. 지금 위험한 상황이라면 "
                "{emergency}에 전화하세요.",
}


def emergency_message(
    flag: RedFlag,
    emergency_number: str = "119",
    poison_control: str = "1-800-222-1222",
    crisis_line: str = "109",
) -> str:
    """The reply for ``flag``, in the flag's language ("ko" → Korean, else English)."""
    korean = flag.language == "ko"
    words = _KO if korean else _EN
    hints = _HINT_KO if korean else _HINT_EN
    values = {"emergency": emergency_number, "poison": poison_control, "crisis": crisis_line}
    if flag.category == "suicidal":
        parts = [words["suicidal"]]
    else:
        parts = [words["call"]]
        if flag.category in _INGESTION:
            parts.append(words["poison"])
        hint = hints.get(flag.category)
        if hint:
            parts.append(hint)
    return " ".join(part.format(**values) for part in parts)
