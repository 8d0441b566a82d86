"""The chat limiter fails open when its counter store is unreachable."""

from __future__ import annotations

import pytest
from fastapi import HTTPException
from starlette.requests import Request

from api.services.rate_limit import ChatRateLimiter
from core.settings import RateLimitSettings


def test_an_unreachable_counter_store_lets_messages_through(caplog):
    # a Redis URL where nothing listens (port 1 on loopback)
    limiter = ChatRateLimiter(RateLimitSettings(
        per_session="1/minute", storage_uri="redis://127.0.0.1:1/0"))
    request = Request({"type": "http", "client": ("198.51.100.1", 5000), "headers": []})
    limiter.check(request, "s1")
    limiter.check(request, "s1")  # over the limit, but the limiter cannot count: allowed
    assert "rate limiter unavailable" in caplog.text


def test_the_in_memory_store_refuses_over_the_limit():
    limiter = ChatRateLimiter(RateLimitSettings(per_session="1/minute"))
    request = Request({"type": "http", "client": ("198.51.100.2", 5000), "headers": []})
    limiter.check(request, "s2")
    with pytest.raises(HTTPException) as refused:
        limiter.check(request, "s2")
    assert refused.value.status_code == 429
