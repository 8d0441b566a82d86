"""The staff directory: work contacts, found by name (misspelt, romanised or Hangul) and filters.

Names are matched by :mod:`api.services.hr_names` (any spelling, English or Korean).
Branch, department and role filters accept English or Korean names and common aliases.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models.hr import Employee
from api.services.hr_names import NAME_THRESHOLD, name_score, plain
from api.services.hr_seed import BRANCH_NAMES_KO, HEAD_OFFICE

BRANCH_ALIASES = {
    "hq": HEAD_OFFICE, "head office": HEAD_OFFICE, "headquarters": HEAD_OFFICE,
    "본사": HEAD_OFFICE, "서면": "Busan Seomyeon", "seomyeon": "Busan Seomyeon",
    "해운대": "Busan Haeundae", "haeundae": "Busan Haeundae", "동성로": "Daegu Dongseongro",
    "dongseongro": "Daegu Dongseongro", "daegu": "Daegu Dongseongro", "대구": "Daegu Dongseongro",
    "송도": "Incheon Songdo", "songdo": "Incheon Songdo", "incheon": "Incheon Songdo",
    "인천": "Incheon Songdo",
}
DEPARTMENT_ALIASES = {
    "human resources": "hr", "people": "hr", "인사": "hr", "인사팀": "hr", "hr팀": "hr",
    "accounting": "finance", "재무": "finance", "재무팀": "finance", "회계팀": "finance",
    "경리팀": "finance", "전산팀": "it", "it팀": "it", "it team": "it",
    "it department": "it", "it dept": "it", "정보기술": "it", "warehouse": "logistics",
    "물류": "logistics", "물류팀": "logistics", "물류센터": "logistics", "마케팅": "marketing",
    "마케팅팀": "marketing", "cs": "customer service", "cs팀": "customer service",
    "고객센터": "customer service", "고객서비스팀": "customer service",
    "customer centre": "customer service", "customer center": "customer service",
    "약제부": "pharmacy", "약제팀": "pharmacy", "약국": "pharmacy", "경영": "management",
}
ROLE_ALIASES = {
    "pic": "pharmacist in charge", "head pharmacist": "pharmacist in charge",
    "pharmacist-in-charge": "pharmacist in charge", "chief pharmacist": "pharmacist in charge",
    "약국장": "pharmacist in charge", "관리 약사": "pharmacist in charge",
    "store manager": "store manager", "지점장": "store manager",
    "관리약사": "pharmacist in charge", "점장": "store manager", "manager": "store manager",
    "branch manager": "store manager", "약사": "pharmacist", "pharmacy tech": "pharmacy technician",
    "technician": "pharmacy technician", "조제보조": "pharmacy technician",
    "캐셔": "cashier", "계산원": "cashier", "인사팀장": "hr manager",
    "head of people": "hr manager",
    "ceo": "chief executive officer", "대표": "chief executive officer",
}


def _singular(text: str) -> str:
    return re.sub(r"(?<=[a-z])s$", "", text)


_SUFFIX = re.compile(r"(?:지점|점| branch| store| team| department| dept|팀)$")


def _canonical(value: str, aliases: dict[str, str], known: set[str]) -> set[str]:
    """The stored values a branch/department/role filter stands for (may be several)."""
    text = _SUFFIX.sub("", plain(value)).strip()
    lowered = {k.lower(): k for k in known}
    for candidate in (text, _singular(text)):
        if candidate in aliases:
            return {aliases[candidate]}
        if candidate in lowered:
            return {lowered[candidate]}
    squeezed = _singular(text).replace(" ", "")
    matches = {k for k in known if squeezed and squeezed in k.lower().replace(" ", "")}
    if matches:
        return matches
    best = max(known, key=lambda k: fuzz.ratio(text, k.lower()), default=None)
    if best is not None and fuzz.ratio(text, best.lower()) >= 85:
        return {best}
    return set()


def _branch_values(value: str, known: set[str]) -> set[str]:
    ko_to_en = {plain(ko).removesuffix("점").strip(): en for en, ko in BRANCH_NAMES_KO.items()}
    ko_to_en |= {plain(ko).replace(" ", "").removesuffix("점"): en
                 for en, ko in BRANCH_NAMES_KO.items()}
    text = _SUFFIX.sub("", plain(value)).strip()
    if text in ko_to_en:
        return {ko_to_en[text]}
    if text.replace(" ", "") in ko_to_en:
        return {ko_to_en[text.replace(" ", "")]}
    return _canonical(text, BRANCH_ALIASES, known)


def _phrases(aliases: dict[str, str], known: set[str]) -> list[tuple[str, str]]:
    """(phrase as written in a question, stored value), longest phrase first."""
    pairs = {plain(k): v for k, v in aliases.items()} | {plain(k): k for k in known}
    return sorted(pairs.items(), key=lambda pair: -len(pair[0]))


def _take(text: str, phrases: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The first phrase found in ``text`` (as a whole word, plural allowed, Korean
    particles allowed after it) and the text without it."""
    for phrase, value in phrases:
        m = re.search(rf"(?<![a-z0-9가-힣]){re.escape(phrase)}(?:e?s)?(?![a-z0-9])", text)
        if m:
            return value, text[: m.start()] + " " + text[m.end():]
    return None, text


def question_filters(session: Session, question: str) -> dict[str, str]:
    """The filters a question names, read against the stored roster."""
    return filters_in_question(question, list(session.scalars(select(Employee))))


def filters_in_question(question: str, employees: list[Employee]) -> dict[str, str]:
    """The branch, role and department a question names ("who is the pharmacist in charge
    at Jamsil?", "잠실점 약국장 연락처"), as stored values; roles are read first, so
    "약국장" is a role, not the pharmacy department. The department "it" counts only as
    "IT team" / "전산팀" (a bare "it" is a pronoun)."""
    text = plain(question)
    found: dict[str, str] = {}
    role, text = _take(text, _phrases(ROLE_ALIASES, {e.job_role for e in employees}))
    if role:
        found["role"] = role
    branches = {plain(ko).removesuffix("점").strip(): en for en, ko in BRANCH_NAMES_KO.items()}
    branches |= {k.split()[-1]: en for k, en in branches.items()}
    branch_names = {e.branch for e in employees}
    branch_names |= {b.split()[-1] for b in branch_names}
    aliases = {**BRANCH_ALIASES, **branches}
    branch, text = _take(text, _phrases(aliases, branch_names))
    if branch:
        found["branch"] = next((b for b in {e.branch for e in employees}
                                if b == branch or b.endswith(" " + branch)), branch)
    department, _ = _take(text, _phrases(DEPARTMENT_ALIASES,
                                         {e.department for e in employees} - {"it"}))
    if department:
        found["department"] = department
    return found


def search_directory(
    session: Session, *, q: str | None = None, branch: str | None = None,
    department: str | None = None, role: str | None = None, limit: int = 20,
) -> list[Employee]:
    """Employees matching every given filter; with ``q``, best name matches first."""
    employees = list(session.scalars(select(Employee).order_by(Employee.employee_id)))
    if branch:
        wanted = _branch_values(branch, {e.branch for e in employees})
        employees = [e for e in employees if e.branch in wanted]
    if department:
        wanted = _canonical(department, DEPARTMENT_ALIASES, {e.department for e in employees})
        employees = [e for e in employees if e.department in wanted]
    if role:
        wanted = _canonical(role, ROLE_ALIASES, {e.job_role for e in employees})
        employees = [e for e in employees if e.job_role in wanted]
    if q and q.strip():
        scored = [(name_score(q, e), e) for e in employees]
        best = max((s for s, _ in scored), default=0.0)
        # an exact hit hides near-misses; a misspelling keeps every close candidate
        cutoff = max(NAME_THRESHOLD, best - 8.0)
        scored = [(s, e) for s, e in scored if s >= cutoff]
        scored.sort(key=lambda pair: (-pair[0], pair[1].name_en))
        employees = [e for _, e in scored]
    else:
        employees.sort(key=lambda e: (e.branch != HEAD_OFFICE, e.branch, e.department,
                                      e.job_role, e.name_en))
    return employees[:limit]
