"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    """Ready only when the index is loaded and Rasa answers."""
    state = request.app.state
    checks = {"index": state.search.ready, "rasa": await state.rasa.ready()}
    snapshot = state.search.snapshot
    body = {"ready": all(checks.values()), "checks": checks,
            "index": snapshot.name if snapshot else None}
    return JSONResponse(body, status_code=200 if body["ready"] else 503)
