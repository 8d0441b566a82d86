"""Accounts: sign-in and the demo accounts of the embedded default."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Role, User
from api.security import hash_password, verify_password


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    full_name: str
    employee_id: str | None = None


# Listed in the README. Created only when PHARMA_AUTH__CREATE_DEMO_ACCOUNTS is true (the
# embedded default); the production profile refuses to start with it.
DEMO_ACCOUNTS = (
    DemoAccount("customer", "customer-demo", Role.consumer, "Demo Customer"),
    DemoAccount("employee", "employee-demo", Role.employee, "Demo Employee", "E0002"),
    DemoAccount("manager", "manager-demo", Role.employee, "Demo Manager", "E0001"),
    DemoAccount("pharmacist", "pharmacist-demo", Role.staff, "Demo Pharmacist", "E0003"),
    DemoAccount("admin", "admin-demo", Role.admin, "Demo Admin"),
    # HR staff (department hr): Choi Yu-na, benefits specialist; works the benefits queue
    DemoAccount("hr", "hr-demo", Role.staff, "Demo HR", "E0011"),
)


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.is_active or not verify_password(password, user.hashed_password):
        return None
    return user


@cache
def _demo_password_hash(password: str) -> str:
    """Hashed once per process: argon2 takes about 0.2 s a password by design, and every
    fresh database (each test's, each worker's) creates the same six accounts."""
    return hash_password(password)


def ensure_demo_accounts(session: Session) -> None:
    for account in DEMO_ACCOUNTS:
        if session.scalar(select(User).where(User.username == account.username)) is None:
            session.add(User(
                username=account.username, full_name=account.full_name, role=account.role,
                hashed_password=_demo_password_hash(account.password),
                employee_id=account.employee_id,
            ))
