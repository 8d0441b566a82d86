"""The staff console: ``/staff`` and its static files (kept out of the API schema).

A single page, like the consumer chat: plain HTML/CSS and ES modules (``js/main.js`` imports
the rest), no build step, no external resources. The page itself is public; everything it
shows comes from the staff API (``/v1/kb/*``, ``/v1/staff/*``), which refuses anyone below
the staff role, and the HR staff's benefits queue (``/v1/hr/benefits/queue``).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.static_pages import StaticPage, modules

STAFF = StaticPage("staff", frozenset({"staff.css"}) | modules(
    "main", "api", "dom", "format", "state", "notice", "session", "signin", "views", "router",
    "documents", "document_view", "section_editor", "preview", "history", "conflict",
    "leaflet_form", "entry_form", "gaps",
    "consultations", "consultations_state", "consultations_text", "consultations_poll",
    "consultations_badge", "consultations_list", "consultation_view",
    "hr_requests", "hr_request_row"))

router = APIRouter(include_in_schema=False)


@router.get("/staff")
def staff_page() -> FileResponse:
    return STAFF.page()


@router.get("/static/staff/{name:path}")
def staff_asset(name: str) -> FileResponse:
    return STAFF.asset(name)
