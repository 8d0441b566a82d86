"""What the chat says around a live consultation with a pharmacist (both languages).

Never promises an answer "here" that nobody can give: outside the pharmacists' chat hours the
reply says when they start and gives phones that answer now.
"""

from __future__ import annotations

from datetime import datetime


def queued(language: str, hours: str) -> str:
    if language == "ko":
        return ("약사에게 상담을 연결했습니다. 약사가 이 채팅에서 곧 답변드립니다(상담 시간 "
                f"{hours}, 한국 시간). 기다리시는 동안 쓰신 내용도 약사가 모두 봅니다. "
                "응급 상황이면 바로 119에 전화하세요.")
    return ("I've passed this conversation to a pharmacist, who will answer here in the chat "
            f"shortly (pharmacists answer chat {hours}, Korean time). Keep writing if you "
            "like — they will see everything. In an emergency call 119 now.")


def _call_now(language: str, phones: list[tuple[str, str]]) -> str:
    lines = ", ".join(f"{name} {phone}" for name, phone in phones)
    if not phones:
        return ""
    return (f" 지금 약사와 통화하시려면 24시간 지점에 전화하세요: {lines}." if language == "ko"
            else f" To speak to a pharmacist now, call a 24-hour branch: {lines}.")


def queued_nobody_online(language: str, hours: str, phones: list[tuple[str, str]]) -> str:
    """Within the hours, but no pharmacist's console is open right now."""
    call = _call_now(language, phones)
    if language == "ko":
        return ("지금은 채팅 상담 중인 약사가 없습니다. 질문은 저장되었고, 약사가 접속하는 대로 이 "
                f"채팅에서 답변드립니다(상담 시간 {hours}, 한국 시간).{call} "
                "응급 상황이면 119에 전화하세요.")
    return ("No pharmacist is online in the chat right now. Your question is saved and a "
            f"pharmacist will answer here as soon as one is back (chat hours {hours}, Korean "
            f"time).{call} In an emergency call 119.")


def _when(language: str, start: datetime, now: datetime) -> str:
    tomorrow = start.date() != now.date()
    if language == "ko":
        return f"{'내일 ' if tomorrow else '오늘 '}{start:%H:%M}"
    return f"{'tomorrow' if tomorrow else 'today'} at {start:%H:%M}"


def queued_off_duty(language: str, hours: str, start: datetime, now: datetime,
                    phones: list[tuple[str, str]]) -> str:
    """``start``/``now`` in the pharmacists' time zone; ``phones``: (branch, number) open now."""
    when = _when(language, start, now)
    call = _call_now(language, phones)
    if language == "ko":
        return (f"지금은 약사 채팅 상담 시간({hours}, 한국 시간)이 아닙니다. 질문은 저장되었고, "
                f"{when}부터 약사가 이 채팅에서 답변드립니다.{call} "
                "응급 상황이면 119에 전화하세요.")
    return (f"Our pharmacists answer chat {hours} (Korean time), so nobody can answer here "
            f"right now. Your question is saved and a pharmacist will reply in this chat from "
            f"{when}.{call} In an emergency call 119.")


def pharmacist_joined(language: str, name: str) -> str:
    return (f"{name} 약사가 상담에 참여했습니다." if language == "ko"
            else f"Pharmacist {name} has joined the conversation.")


def assistant_back(language: str) -> str:
    return ("약사 상담이 종료되었습니다. 이제 다시 챗봇이 답변드립니다. 약사와 다시 상담하시려면 "
            "언제든 요청해 주세요." if language == "ko" else
            "The pharmacist has closed this consultation. The assistant is back — ask me "
            "anything, or ask for a pharmacist again.")
