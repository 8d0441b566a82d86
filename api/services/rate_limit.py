"""Per-IP and per-session limits on the chat endpoints (the `limits` library).

The counters live where ``rate_limit.storage_uri`` says: in memory for the embedded profile,
in Redis for the scale-out profile so that every gateway replica counts against the same
limits. Refusals are 429 with ``Retry-After``. If the counter store is unreachable the
message is let through (logged): a limiter outage must not take the assistant down.
"""

from __future__ import annotations

import logging

from fastapi import HTTPException, Request, status
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.settings import RateLimitSettings

log = logging.getLogger(__name__)


class ChatRateLimiter:
    def __init__(self, settings: RateLimitSettings) -> None:
        self._limiter = MovingWindowRateLimiter(storage_from_string(settings.storage_uri))
        self._per_ip = parse(settings.per_ip)
        self._per_session = parse(settings.per_session)

    def check(self, request: Request, session_id: str) -> None:
        client_ip = request.client.host if request.client else "unknown"
        checks = ((self._per_ip, "ip", client_ip), (self._per_session, "session", session_id))
        try:
            refused = self._refused(checks)
        except Exception as exc:  # the counter store (Redis) is down: fail open
            log.warning("rate limiter unavailable, letting the message through: %s", exc)
            return
        if refused is not None:
            limit, scope = refused
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                f"too many messages from this {scope}; limit {limit}",
                headers={"Retry-After": str(limit.get_expiry())},
            )

    def _refused(self, checks: tuple[tuple[RateLimitItem, str, str], ...]
                 ) -> tuple[RateLimitItem, str] | None:
        """The first limit this message would break; otherwise count it against all."""
        for limit, scope, key in checks:  # a refused message does not count against either
            if not self._limiter.test(limit, scope, key):
                return limit, scope
        for limit, scope, key in checks:
            self._limiter.hit(limit, scope, key)
        return None
