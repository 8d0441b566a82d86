"""The staff console: ``/staff`` and its two static files (kept out of the API schema).

A single page, like the consumer chat: plain HTML/CSS/JS, no build step, no external
resources. The page itself is public; everything it shows comes from the staff API
(``/v1/kb/*``), which refuses anyone below the staff role. Only the files in ``ASSETS`` are
served, so no path from the URL ever reaches the file system.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse

from api.routes.web import PAGE_HEADERS

STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "staff"
ASSETS = {
    "staff.css": "text/css; charset=utf-8",
    "staff.js": "text/javascript; charset=utf-8",
}
ASSET_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}

router = APIRouter(include_in_schema=False)


@router.get("/staff")
def staff_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8",
                        headers=PAGE_HEADERS)


@router.get("/static/staff/{name}")
def staff_asset(name: str) -> FileResponse:
    media_type = ASSETS.get(name)
    if media_type is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not found")
    return FileResponse(STATIC_DIR / name, media_type=media_type, headers=ASSET_HEADERS)
