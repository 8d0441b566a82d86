"""Per-IP and per-session limits on the chat endpoints (the `limits` library, in memory).

Each gateway replica counts on its own; behind a load balancer the per-IP limit is therefore
per replica (nginx can add a global one). Refusals are 429 with ``Retry-After``.
"""

from __future__ import annotations

from fastapi import HTTPException, Request, status
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from core.settings import RateLimitSettings


class ChatRateLimiter:
    def __init__(self, settings: RateLimitSettings) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_ip = parse(settings.per_ip)
        self._per_session = parse(settings.per_session)

    def check(self, request: Request, session_id: str) -> None:
        client_ip = request.client.host if request.client else "unknown"
        checks = ((self._per_ip, "ip", client_ip), (self._per_session, "session", session_id))
        for limit, scope, key in checks:  # a refused message does not count against either
            if not self._limiter.test(limit, scope, key):
                raise HTTPException(
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    f"too many messages from this {scope}; limit {limit}",
                    headers={"Retry-After": str(limit.get_expiry())},
                )
        for limit, scope, key in checks:
            self._limiter.hit(limit, scope, key)
