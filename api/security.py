"""Passwords (argon2 via pwdlib) and tokens (JWT via PyJWT), in one place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

import jwt
from pwdlib import PasswordHash

from core.settings import AuthSettings

ACCESS = "access"
SERVICE = "service"  # short-lived, minted by the gateway for the action server


@cache
def _hasher() -> PasswordHash:
    return PasswordHash.recommended()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return _hasher().verify(password, hashed)


def create_token(
    settings: AuthSettings, *, subject: str, role: str, kind: str = ACCESS,
    minutes: int | None = None, extra: dict | None = None,
) -> str:
    lifetime = minutes or (
        settings.access_token_minutes if kind == ACCESS else settings.service_token_minutes
    )
    now = datetime.now(UTC)
    claims = {"sub": subject, "role": role, "typ": kind, "iat": now,
              "exp": now + timedelta(minutes=lifetime), **(extra or {})}
    return jwt.encode(claims, settings.jwt_secret, algorithm=settings.jwt_algorithm)


def decode_token(settings: AuthSettings, token: str) -> dict:
    """Claims of a valid token; raises jwt.PyJWTError otherwise."""
    return jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm],
                      options={"require": ["sub", "exp", "typ"]})
