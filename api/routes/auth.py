"""OAuth2 password flow: username + password in, JWT out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from api.deps import CurrentUser, SessionDep, SettingsDep
from api.schemas.auth import Me, Token
from api.security import create_token
from api.services.accounts import authenticate
from api.services.benefits import is_hr_staff

router = APIRouter(prefix="/v1/auth", tags=["auth"])


@router.post("/token", response_model=Token)
def issue_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep,
    settings: SettingsDep,
) -> Token:
    user = authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong username or password",
                            headers={"WWW-Authenticate": "Bearer"})
    token = create_token(settings.auth, subject=user.username, role=user.role.value)
    return Token(access_token=token, expires_in=settings.auth.access_token_minutes * 60,
                 role=user.role)


@router.get("/me", response_model=Me)
def me(user: CurrentUser, session: SessionDep) -> Me:
    hr_staff = user.employee_id is not None and is_hr_staff(session, user.employee_id)
    return Me(username=user.username, full_name=user.full_name, role=user.role,
              employee_id=user.employee_id, hr_staff=hr_staff)
