"""Dependencies, declared once as typed aliases so every handler says what it needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Role, User
from api.security import ACCESS, SERVICE, decode_token
from core.settings import Settings
from knowledge_base.store import KnowledgeBase
from retrieval.service import SearchService

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_search(request: Request) -> SearchService:
    return request.app.state.search


def get_kb(request: Request) -> KnowledgeBase:
    return request.app.state.kb


def _unpaired_surrogate_at(value: object, path: tuple = ()) -> tuple | None:
    """Where in parsed JSON a string holds an unpaired surrogate, or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
    elif isinstance(value, dict):
        for key, item in value.items():
            for found in (_unpaired_surrogate_at(key, (*path, key)),
                          _unpaired_surrogate_at(item, (*path, key))):
                if found is not None:
                    return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _unpaired_surrogate_at(item, (*path, index))
            if found is not None:
                return found
    return None


async def valid_unicode_body(request: Request) -> None:
    """Refuse a JSON body with an unpaired surrogate (``"\\ud800"``) in any string or key.

    JSON can spell one, but it is not text: the database and the response could not encode
    it. Runs before the route's own validation (it is an app-wide dependency).
    """
    if "json" not in request.headers.get("content-type", ""):
        return
    try:
        data = await request.json()
    except ValueError:  # broken JSON is reported by FastAPI itself
        return
    where = _unpaired_surrogate_at(data)
    if where is not None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, [{
            "loc": ["body", *where], "type": "string_unicode",
            "msg": "Input should be valid Unicode text: it holds an unpaired surrogate"}])


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
SearchDep = Annotated[SearchService, Depends(get_search)]
KnowledgeBaseDep = Annotated[KnowledgeBase, Depends(get_kb)]

_UNAUTHORIZED = {"WWW-Authenticate": "Bearer"}


def get_optional_user(
    settings: SettingsDep, session: SessionDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> User | None:
    """The signed-in user, None when anonymous; a bad or expired token is a 401."""
    if token is None:
        return None
    try:
        claims = decode_token(settings.auth, token)
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid or expired token",
                            headers=_UNAUTHORIZED) from exc
    if claims.get("typ") not in (ACCESS, SERVICE):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong token type",
                            headers=_UNAUTHORIZED)
    user = session.scalar(select(User).where(User.username == claims["sub"]))
    if user is None or not user.is_active:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "account not found or disabled",
                            headers=_UNAUTHORIZED)
    return user


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def get_current_user(user: OptionalUser) -> User:
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "sign in required",
                            headers=_UNAUTHORIZED)
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(minimum: Role):
    def check(user: CurrentUser) -> User:
        if not user.role.at_least(minimum):
            raise HTTPException(status.HTTP_403_FORBIDDEN,
                                f"this needs the {minimum.value} role or above")
        return user

    return check


EmployeeUser = Annotated[User, Depends(require_role(Role.employee))]
StaffUser = Annotated[User, Depends(require_role(Role.staff))]
AdminUser = Annotated[User, Depends(require_role(Role.admin))]


def require_pharmacist(user: StaffUser, session: SessionDep) -> User:
    """Consultations (transcripts) are for pharmacists: admins, and staff whose roster job is
    a pharmacist's. Other staff (HR) get a 403."""
    from api.services.consultations import is_pharmacist

    if not is_pharmacist(session, user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this needs a pharmacist's account")
    return user


PharmacistUser = Annotated[User, Depends(require_pharmacist)]
