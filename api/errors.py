"""Error bodies in the user's language.

Every error keeps FastAPI's machine-readable ``detail`` (stable English codes and reasons,
the field paths of a 422) and adds ``message``: one human sentence in English or Korean.
The language is the one the user wrote the message in when a route knows it
(``request.state.language``), else the first language of ``Accept-Language``.
"""

from __future__ import annotations

from typing import cast

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from retrieval.snapshot import SnapshotError

GENERIC = {
    "en": {
        400: "The request could not be processed.",
        401: "Please sign in.",
        403: "Your account may not do this.",
        404: "Not found.",
        405: "This method is not allowed here.",
        409: "This conflicts with the current data; reload and try again.",
        413: "The request is too large.",
        422: "Some of what you sent is not valid.",
        429: "Too many requests; please wait a moment.",
        503: "The assistant is temporarily unavailable. Please try again shortly; "
             "in an emergency call 119.",
    },
    "ko": {
        400: "요청을 처리할 수 없습니다.",
        401: "로그인이 필요합니다.",
        403: "이 계정으로는 할 수 없는 작업입니다.",
        404: "찾을 수 없습니다.",
        405: "허용되지 않는 요청 방식입니다.",
        409: "현재 데이터와 충돌합니다. 새로고침한 뒤 다시 시도해 주세요.",
        413: "요청이 너무 큽니다.",
        422: "보낸 내용 중 올바르지 않은 값이 있습니다.",
        429: "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.",
        503: "지금은 상담을 이용할 수 없습니다. 잠시 후 다시 시도해 주세요. "
             "응급 상황이면 119에 전화하세요.",
    },
}
# Specific English details that deserve their own Korean sentence.
KO_DETAILS = {
    "sign in required": "로그인이 필요합니다.",
    "invalid or expired token":
        "로그인 정보가 올바르지 않거나 만료되었습니다. 다시 로그인해 주세요.",
    "wrong username or password": "아이디 또는 비밀번호가 올바르지 않습니다.",
    "account not found or disabled": "계정을 찾을 수 없거나 사용이 중지되었습니다.",
    "no reply with that message_id": "해당 답변을 찾을 수 없습니다.",
    "the assistant is temporarily unavailable": GENERIC["ko"][503],
}


def accepted_language(header: str) -> str:
    """"ko" when the first language of an ``Accept-Language`` header is Korean, else "en"."""
    return "ko" if header.split(",")[0].strip().lower().startswith("ko") else "en"


def request_language(request: Request) -> str:
    language = getattr(request.state, "language", None)
    if language in GENERIC:
        return language
    return accepted_language(request.headers.get("accept-language", ""))


def human_message(status_code: int, detail: object, language: str) -> str:
    if language == "ko":
        if isinstance(detail, str) and detail in KO_DETAILS:
            return KO_DETAILS[detail]
        return GENERIC["ko"].get(status_code, GENERIC["ko"][400])
    if isinstance(detail, str) and detail:
        return detail[0].upper() + detail[1:] + ("" if detail.endswith(".") else ".")
    return GENERIC["en"].get(status_code, GENERIC["en"][400])


def _validation_message(errors: list[dict], language: str) -> str:
    first = errors[0] if errors else {}
    field = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    if language == "ko":
        return f"{GENERIC['ko'][422]} ({field})" if field else GENERIC["ko"][422]
    reason = first.get("msg", "")
    return f"{field}: {reason}" if field else GENERIC["en"][422]


def sendable(value: object) -> object:
    """``value`` with every string made encodable as UTF-8: text echoed from a request may
    hold unpaired surrogates (a JSON ``"\\ud800"``), which are shown escaped instead."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {sendable(k): sendable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [sendable(v) for v in value]
    return value


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    language = request_language(request)
    detail = sendable(jsonable_encoder(exc.detail))
    if isinstance(detail, list):
        message = _validation_message(detail, language)
    else:
        message = human_message(exc.status_code, detail, language)
    return JSONResponse({"detail": detail, "message": message}, status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))


def _emergency_in_refused_message(request: Request, errors: list[dict]) -> str | None:
    """A chat message refused for its length is still checked for an emergency: whoever
    sent it gets the emergency numbers in the error's ``message``, not only "too long"
    (at either level of the check: such a message gets no other answer)."""
    from api.services.chat import emergency_text
    from safety import detect_red_flag

    if not request.url.path.endswith("/chat"):
        return None
    for error in errors:
        text = error.get("input")
        if tuple(error.get("loc", ())) == ("body", "message") and isinstance(text, str):
            chat = getattr(request.app.state, "chat", None)
            flag = chat.assessor.assess(text).flag if chat else detect_red_flag(text)
            if flag is not None:
                return emergency_text(request.app.state.settings, flag, text)
    return None


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = jsonable_encoder(exc.errors())
    emergency = _emergency_in_refused_message(request, errors)
    for error in errors:  # echoing a 2 MB input back helps nobody
        if isinstance(error.get("input"), str) and len(error["input"]) > 200:
            error["input"] = error["input"][:200] + "…"
    errors = cast(list[dict], sendable(errors))  # a list of dicts stays one
    body: dict[str, object] = {
        "detail": errors, "message": _validation_message(errors, request_language(request))}
    if emergency is not None:
        body.update(message=emergency, emergency=True)
    return JSONResponse(body, status_code=422)


async def _no_index(request: Request, exc: SnapshotError) -> JSONResponse:
    """A search-backed call while no index is loaded: 503, try again, not a 500."""
    detail = "the search index is not loaded yet; try again shortly"
    return JSONResponse({"detail": detail,
                         "message": human_message(503, detail, request_language(request))},
                        status_code=503, headers={"Retry-After": "5"})


def install_error_handlers(app: FastAPI) -> None:
    # The decorator form registers the handler exactly as add_exception_handler does; the
    # latter's type wants handlers that take any Exception, not the class they handle.
    app.exception_handler(StarletteHTTPException)(_http_error)  # also 404/405 routing
    app.exception_handler(RequestValidationError)(_validation_error)
    app.exception_handler(SnapshotError)(_no_index)
