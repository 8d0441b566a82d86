"""A branch's opening hours as an answer to the question asked, in English or Korean: the
day asked first ("Yes — Hongdae is open 24 hours"), then the row, the phone, the source."""

from __future__ import annotations

from knowledge_base.store_hours import Opening

DAY_LABELS = {
    "en": {"weekday": "Monday to Friday", "saturday": "Saturday",
           "sunday": "Sundays and public holidays"},
    "ko": {"weekday": "평일(월~금)", "saturday": "토요일", "sunday": "일요일·공휴일"},
}
HOLIDAY_NOTE = {
    "en": "Seollal and Chuseok hours differ: see our holiday hours.",
    "ko": "설날·추석 연휴에는 영업시간이 다릅니다.",
}


def _hours(opening: Opening, language: str) -> str:
    if opening.always:
        return "24시간 영업" if language == "ko" else "open 24 hours"
    if opening.closed:
        return "휴무" if language == "ko" else "closed"
    return opening.text.replace("–", "~") if language == "ko" else opening.text


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def hours_answer(language: str, branch: str, days: dict[str, Opening], asked: list[str],
                 minute: int | None, phone: str, *, closing_asked: bool = False) -> str:
    ko = language == "ko"
    labels = DAY_LABELS["ko" if ko else "en"]
    lines: list[str] = []
    if minute is not None and asked:
        opening = days[asked[0]]
        label = labels[asked[0]]
        when = _clock(minute)
        if opening.always:
            lines.append(f"네, {branch}점은 24시간 영업합니다." if ko else
                         f"Yes — the {branch} branch is open 24 hours.")
        elif opening.open_at(minute):
            lines.append(f"네, {branch}점은 {label} {_hours(opening, language)}에 영업하므로 "
                         f"{when}에 열려 있습니다." if ko else
                         f"Yes — on {label} the {branch} branch is open {opening.text}, so it "
                         f"is open at {when}.")
        else:
            lines.append(f"아니요, {branch}점은 {label} {_hours(opening, language)}" +
                         ("입니다." if opening.closed else "에만 영업합니다.") if ko else
                         f"No — on {label} the {branch} branch is "
                         + ("closed." if opening.closed else f"open {opening.text} only."))
    elif asked:
        for day in asked:
            opening = days[day]
            lines.append(f"{branch}점 {labels[day]}: {_hours(opening, language)}" if ko else
                         f"The {branch} branch on {labels[day]}: {_hours(opening, language)}.")
    else:
        closing = [(labels[d], _clock(o.closes)) for d, o in days.items()
                   if not o.always and not o.closed]
        if closing_asked and closing:
            lines.append(f"{branch}점 문 닫는 시간: " + ", ".join(f"{d} {t}" for d, t in closing)
                         if ko else f"The {branch} branch closes at "
                         + ", ".join(f"{t} ({d})" for d, t in closing) + ".")
        table = ", ".join(f"{labels[d]} {_hours(o, language)}" for d, o in days.items())
        lines.append(f"{branch}점 영업시간: {table}" if ko else
                     f"{branch} branch hours: {table}.")
    lines.append(f"전화: {phone}" if ko else f"Phone: {phone}")
    lines.append(HOLIDAY_NOTE["ko" if ko else "en"])
    return "\n".join(lines)


def citation(language: str, title: str, section_title: str) -> str:
    return (f"출처: {title} — '{section_title}'" if language == "ko"
            else f"Source: {title} — \"{section_title}\"")


def no_stock_data(language: str, branch: str, phone: str) -> str:
    return (f"채팅에서는 매장 재고를 확인할 수 없습니다. {branch}점({phone})에 전화로 "
            "문의해 주세요." if language == "ko" else
            f"I can't see what is in stock from the chat. Please call the {branch} branch on "
            f"{phone} — they can check and put it aside for you.")
