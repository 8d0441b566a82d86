"""Role × route matrix over EVERY operation in the OpenAPI schema: nobody gets past a door
that is not theirs, and everyone gets past the doors that are.

Requests carry harmless arguments (unknown ids, empty bodies), so an allowed call ends in
200/201/404/409/422 — anything but 401/403 — and a refused one in exactly 401 or 403.
"""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import token

ROLES = ("anonymous", "consumer", "employee", "manager", "staff", "admin", "hr")
USERNAMES = {"consumer": "customer", "employee": "employee", "manager": "manager",
             "staff": "pharmacist", "admin": "admin", "hr": "hr"}
# Who may use each family of routes (the rest must be refused).
ALLOWED = {
    "public": set(ROLES),
    "signed_in": set(ROLES) - {"anonymous"},
    "hr": {"employee", "manager", "staff", "hr"},  # needs an HR record: the admin has none
    "hr_staff": {"hr"},  # the benefits queue: an HR record in the HR department
    "staff": {"staff", "admin", "hr"},  # the demo HR account has the staff role
    "pharmacist": {"staff", "admin"},  # the demo staff account is a pharmacist; HR is not
    # a chat session's messages: only with that session's token, whoever is signed in
    "session_owner": set(),
}
PATH_VALUES = {"doc_id": "no-such-document", "key": "no_such_section", "request_id": "999999",
               "section": "no_such_section",
               "session_id": "someone-elses-session",
               "consultation_id": "00000000-0000-0000-0000-000000000000"}


def family(path: str) -> str:
    if path.startswith("/v1/kb/"):
        return "staff"
    if path.startswith("/v1/staff/consultations"):
        return "pharmacist"
    if path.startswith("/v1/chat/{session_id}"):
        return "session_owner"
    if path.startswith("/v1/hr/benefits/queue"):
        return "hr_staff"
    if path.startswith("/v1/hr/"):
        return "hr"
    if path == "/v1/auth/me":
        return "signed_in"
    return "public"


def operations(app) -> list[tuple[str, str]]:
    schema = app.openapi()
    return [(method.upper(), path) for path, item in schema["paths"].items()
            for method in item if method in {"get", "post", "put", "delete"}]


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES[m.group(1)], path)


@pytest.fixture
def headers(client):
    return {role: (token(client, USERNAMES[role]) if role != "anonymous" else {})
            for role in ROLES}


def test_the_matrix_covers_every_operation(client):
    ops = operations(client.app)
    assert len(ops) >= 30
    assert {family(path) for _, path in ops} == set(ALLOWED)


def test_every_role_on_every_operation(client, headers):
    leaks, lockouts = [], []
    for method, path in operations(client.app):
        if path == "/v1/auth/token":
            continue  # the door itself
        allowed = ALLOWED[family(path)]
        for role in ROLES:
            kwargs = {"headers": headers[role]}
            if method in {"POST", "PUT"}:
                kwargs["json"] = {}
            status = client.request(method, concrete(path), **kwargs).status_code
            assert status < 500, (method, path, role, status)
            refused = status in (401, 403)
            if role in allowed and refused:
                lockouts.append((method, path, role, status))
            if role not in allowed and not refused:
                leaks.append((method, path, role, status))
    assert not leaks, f"{len(leaks)} access leaks: {leaks}"
    assert not lockouts, f"{len(lockouts)} wrongly refused: {lockouts}"


def test_anonymous_is_401_and_wrong_role_is_403(client, headers):
    assert client.get("/v1/kb/documents").status_code == 401
    assert client.get("/v1/kb/documents", headers=headers["employee"]).status_code == 403
    assert client.get("/v1/hr/leave/balance").status_code == 401
    assert client.get("/v1/hr/leave/balance", headers=headers["consumer"]).status_code == 403
