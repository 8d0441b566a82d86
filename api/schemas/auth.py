from __future__ import annotations

from pydantic import BaseModel, Field

from api.models import Role


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    role: Role


class Me(BaseModel):
    username: str
    full_name: str
    role: Role
    employee_id: str | None
    hr_staff: bool = Field(default=False, description=(
        "the account's HR record is in the HR team: it works the benefits queue"))
