"""The consumer web chat page: ``/`` and its static files (kept out of the API schema).

The page is plain HTML/CSS and ES modules (``js/main.js`` imports the rest) with no build
step and no external resources; it talks to ``/v1/chat``, ``/v1/feedback`` and
``/v1/search`` on the same origin.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.static_pages import StaticPage, modules

CHAT = StaticPage("chat", frozenset({"chat.css"}) | modules(
    "main", "state", "strings", "i18n", "dom", "http", "session", "language", "conversation",
    "send", "assistant_turn", "more", "sources", "feedback", "pharmacist"))

router = APIRouter(include_in_schema=False)


@router.get("/")
def chat_page() -> FileResponse:
    return CHAT.page()


@router.get("/static/chat/{name:path}")
def chat_asset(name: str) -> FileResponse:
    return CHAT.asset(name)
