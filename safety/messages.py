"""What the assistant says when a red flag is found: short, calm, imperative, never a dose.

The numbers come from the deployment's region (``safety/data/help_lines.yaml``, setting
``PHARMA_SAFETY__REGION``): in Korea 119 for every medical emergency and poisoning (119's
doctors advise on poisoning), 109 and 1577-0199 for suicidal thoughts and self-harm.
The first sentence says what to do now; a short first-aid line for the category follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from safety.flags import INGESTION, RedFlag

HELP_LINES_FILE = Path(__file__).resolve().parent / "data" / "help_lines.yaml"
REGIONS = ("KR", "US")

# One short first-aid line per category: what to do or not do while help is on the way.
# Deliberately no medicine names and no amounts.
_HINT = {
    "en": {
        "overdose": "Do not take anything else, and do not wait for symptoms to get worse.",
        "child_ingestion": "Do not make the child vomit. Stay with them and keep watching them.",
        "poisoning": "Do not make them vomit. Get them to fresh air if fumes are involved.",
        "foreign_body": "Do not make the child vomit and give nothing to eat or drink: a "
                        "swallowed battery or magnets need a hospital within hours.",
        "anaphylaxis": "If an adrenaline auto-injector (EpiPen) has been prescribed, use it now.",
        "breathing": "Keep them awake and sitting up if you can; if they are not breathing, "
                     "start CPR as the emergency operator guides you.",
        "chest_pain": "Stop what you are doing, sit down and rest. Do not drive yourself.",
        "stroke": "Note the time the symptoms started. Do not give food, drink or medicine.",
        "seizure": "Move hard objects away and turn them on their side. Put nothing in their "
                   "mouth.",
        "unconscious": "Check breathing. If they are breathing, turn them on their side.",
        "severe_bleeding": "Press firmly on any wound with a clean cloth and keep pressing.",
        "pregnancy_bleeding": "Lie down on your left side and do not take any medicine for "
                              "the pain before a doctor sees you.",
        "severe_skin_reaction": "Stop the new medicine and bring it with you.",
        "infant_fever": "A fever in a baby under three months always needs a doctor straight "
                        "away. Do not give fever medicine before a doctor sees the baby.",
    },
    "ko": {
        "overdose": "다른 약은 더 드시지 말고, 증상이 심해질 때까지 기다리지 마세요.",
        "child_ingestion": "억지로 토하게 하지 마세요. 아이 곁을 지키며 상태를 살펴 주세요.",
        "poisoning": "억지로 토하게 하지 마세요. 가스나 연기라면 바로 환기된 곳으로 옮기세요.",
        "foreign_body": "억지로 토하게 하지 말고 아무것도 먹이지 마세요. 삼킨 건전지나 자석은 "
                        "몇 시간 안에 병원 처치가 필요합니다.",
        "anaphylaxis": "처방받은 에피네프린 자동주사기(에피펜)가 있다면 지금 사용하세요.",
        "breathing": "가능하면 깨워서 앉혀 두세요. 숨을 쉬지 않으면 응급 상담원 안내에 따라 "
                     "심폐소생술을 하세요.",
        "chest_pain": "하던 일을 멈추고 앉아서 쉬세요. 직접 운전하지 마세요.",
        "stroke": "증상이 시작된 시각을 기억해 두세요. 음식이나 물, 약을 주지 마세요.",
        "seizure": "주변의 단단한 물건을 치우고 옆으로 눕혀 주세요. 입에 아무것도 넣지 마세요.",
        "unconscious": "숨을 쉬는지 확인하세요. 숨을 쉬면 옆으로 눕혀 주세요.",
        "severe_bleeding": "깨끗한 천으로 상처를 세게 누르고 계속 누르고 계세요.",
        "pregnancy_bleeding": "왼쪽으로 누워 계시고, 진료 전에는 진통제를 드시지 마세요.",
        "severe_skin_reaction": "새로 먹기 시작한 약은 끊고, 그 약을 가지고 가세요.",
        "infant_fever": "생후 3개월 미만 아기의 열은 언제나 바로 진료가 필요합니다. 진료 전에 "
                        "해열제를 먹이지 마세요.",
    },
}


@dataclass(frozen=True)
class Branch:
    """A branch the user named: where else they can call a pharmacist."""

    name: str
    phone: str


@cache
def help_lines() -> dict:
    return yaml.safe_load(HELP_LINES_FILE.read_text(encoding="utf-8"))


def region_numbers(region: str) -> list[str]:
    """``region``'s numbers: emergency first, then poison advice, then the crisis lines."""
    lines = help_lines()[region]
    return list(dict.fromkeys([lines["emergency"], lines["poison"], *lines["crisis"]]))


def crisis_numbers(region: str) -> list[str]:
    return list(help_lines()[region]["crisis"])


def caution_message(flag: RedFlag, region: str = "KR") -> str:
    """The one-line safety note put before an ordinary answer when the check is unsure
    (level "caution", ``safety.assessment``): the numbers, in case it is happening now."""
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; known: {REGIONS}")
    lines = help_lines()[region]["ko" if flag.language == "ko" else "en"]
    return lines["caution_crisis" if flag.help == "mental_health" else "caution"]


def emergency_message(flag: RedFlag, region: str = "KR", branch: Branch | None = None) -> str:
    """The reply for ``flag``, in the flag's language ("ko" → Korean, else English)."""
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; known: {REGIONS}")
    language = "ko" if flag.language == "ko" else "en"
    lines = help_lines()[region][language]
    if flag.help == "mental_health":
        return lines["crisis"]
    parts = [lines["call"]]
    if flag.category in INGESTION:
        parts.append(lines["poison_line"])
    if flag.category == "unspecified":
        parts.append(lines["crisis_short"])
    hint = _HINT[language].get(flag.category)
    if hint:
        parts.append(hint)
    if branch is not None:
        parts.append(lines["branch"].format(branch=branch.name, phone=branch.phone))
    return " ".join(parts)
