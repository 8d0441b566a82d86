"""The staff console: ``/staff`` and its two static files (kept out of the API schema).

A single page, like the consumer chat: plain HTML/CSS/JS, no build step, no external
resources. The page itself is public; everything it shows comes from the staff API
(``/v1/kb/*``), which refuses anyone below the staff role.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.static_pages import StaticPage

STAFF = StaticPage("staff", frozenset({"staff.css", "staff.js", "consultations.js"}))

router = APIRouter(include_in_schema=False)


@router.get("/staff")
def staff_page() -> FileResponse:
    return STAFF.page()


@router.get("/static/staff/{name}")
def staff_asset(name: str) -> FileResponse:
    return STAFF.asset(name)
