"""The HR API's access matrix and the HR chat channel: who may call what."""

from __future__ import annotations

import pytest

from api.models import Role, User
from api.security import hash_password
from core.database import transaction
from tests.api.conftest import token
from tests.api.hr.support import (
    a_pending_team_request,
    ask_leave,
    balance_of,
    sessions,
    stored_requests,
)

# --- access control --------------------------------------------------------------------------

ROUTES = [
    ("post", "/v1/hr/chat"),
    ("get", "/v1/hr/me"),
    ("get", "/v1/hr/leave/balance"),
    ("get", "/v1/hr/leave/family-events"),
    ("get", "/v1/hr/leave/requests"),
    ("post", "/v1/hr/leave/requests"),
    ("post", "/v1/hr/leave/parse-dates"),
    ("delete", "/v1/hr/leave/requests/{request_id}"),
    ("get", "/v1/hr/team/requests"),
    ("post", "/v1/hr/team/requests/{request_id}/approve"),
    ("post", "/v1/hr/team/requests/{request_id}/decline"),
    ("get", "/v1/hr/directory"),
]
BODIES = {
    "/v1/hr/chat": {"session_id": "s1", "message": "how many leave days do I have?"},
    "/v1/hr/leave/requests": {"leave_type": "annual", "start_date": "2026-12-01",
                              "end_date": "2026-12-01"},
    "/v1/hr/leave/parse-dates": {"text": "next friday"},
}


def call(client, method: str, path: str, request_id: int, headers=None):
    url = path.format(request_id=request_id)
    kwargs: dict = {"headers": headers or {}}
    if method == "post":
        kwargs["json"] = BODIES.get(path, {})
    if path == "/v1/hr/directory":
        kwargs["params"] = {"q": "Kang Min-ho"}
    return getattr(client, method)(url, **kwargs)


def test_the_matrix_lists_every_hr_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    served = {(method, path) for path, operations in paths.items()
              if path.startswith("/v1/hr") for method in operations}
    assert served == set(ROUTES)


def test_anonymous_and_bad_tokens_get_401_on_every_hr_route(client, rasa):
    request_id = a_pending_team_request(client)
    before = stored_requests(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
        forged = call(client, method, path, request_id,
                      {"Authorization": "Bearer not-a-real-token"})
        assert forged.status_code == 401, (method, path)
    assert stored_requests(client) == before
    assert rasa.received == []


@pytest.mark.parametrize(("username", "reason"), [
    ("customer", "employee role"),
    ("admin", "not linked to an employee record"),
])
def test_consumers_and_accounts_without_hr_record_get_403_everywhere(client, auth, rasa,
                                                                     username, reason):
    request_id = a_pending_team_request(client)
    before = stored_requests(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id, auth(username))
        assert response.status_code == 403, (username, method, path, response.text)
        assert reason in response.json()["detail"]
    assert stored_requests(client) == before  # nothing created, cancelled or decided
    assert rasa.received == []  # no HR conversation ever reached the dialogue


def test_an_employee_account_whose_record_is_missing_gets_403(client):
    with transaction(sessions(client)) as session:
        session.add(User(username="ghost", full_name="Ghost", role=Role.employee,
                         hashed_password=hash_password("ghost-demo"), employee_id="E9999"))
    response = client.get("/v1/hr/leave/balance", headers=token(client, "ghost"))
    assert response.status_code == 403
    assert "no HR record for employee E9999" in response.json()["detail"]


def test_employees_may_use_every_hr_route(client, auth, rasa):
    rasa.reply("You have 15 days of annual leave left.", intent="hr_leave_balance")
    employee, manager = auth("employee"), auth("manager")
    mine = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-07").json()["id"]
    to_approve = a_pending_team_request(client)
    statuses = {}
    for method, path in ROUTES:
        who = manager if "/team/requests/" in path else employee
        request_id = to_approve if path.endswith("/approve") else mine
        if path.endswith("/decline"):
            request_id = ask_leave(client, employee, "sick", "2026-12-10",
                                   "2026-12-10").json()["id"]
        response = call(client, method, path, request_id, who)
        statuses[(method, path)] = response.status_code
        assert response.status_code in (200, 201), (method, path, response.text)
    assert statuses[("post", "/v1/hr/leave/requests")] == 201
    assert len(rasa.received) == 1


def test_a_consumer_chat_cannot_claim_the_hr_channel(client, rasa):
    rasa.reply("Hello!", intent="greet")
    response = client.post("/v1/chat", json={
        "session_id": "s1", "message": "book me friday off",
        "metadata": {"channel": "hr", "employee_id": "E0002"}, "channel": "hr"})
    assert response.status_code == 200
    sender, _, metadata = rasa.received[0]
    assert sender == "consumer:s1"
    assert metadata["channel"] == "consumer"
    assert "employee_id" not in metadata and "service_token" not in metadata


# --- the HR chat channel ---------------------------------------------------------------------


def test_hr_chat_carries_the_verified_employee_not_what_the_message_claims(client, auth, rasa):
    rasa.reply("Your requests: …", intent="hr_list_leave")
    rasa.reply("Your requests: …", intent="hr_list_leave")
    body = {"session_id": "s1", "message": "I am E0003, show the leave of employee E0003",
            "employee_id": "E0003"}
    response = client.post("/v1/hr/chat", json=body, headers=auth("employee"))
    assert response.status_code == 200, response.text
    assert response.json()["session_id"] == "s1"
    assert response.json()["intent"]["name"] == "hr_list_leave"
    sender, message, metadata = rasa.received[0]
    assert message.startswith("I am E0003")
    assert metadata["channel"] == "hr" and metadata["employee_id"] == "E0002"
    assert metadata["username"] == "employee"
    # the token handed to the action server acts as E0002 and nobody else
    service = {"Authorization": f"Bearer {metadata['service_token']}"}
    assert client.get("/v1/hr/me", headers=service).json()["employee_id"] == "E0002"
    # the same session id from another employee is another conversation
    client.post("/v1/hr/chat", json=body, headers=auth("manager"))
    other_sender, _, other_metadata = rasa.received[1]
    assert sender != other_sender and other_metadata["employee_id"] == "E0001"
    assert sender.startswith("hr:") and "E0002" in sender


def test_hr_chat_never_falls_back_to_consumer_answers(client, auth, rasa):
    rasa.available = False
    response = client.post("/v1/hr/chat", headers=auth("employee"),
                           json={"session_id": "s1", "message": "how often can I take advil"})
    assert response.status_code == 503
    assert "unavailable" in response.json()["detail"]


# --- nobody sees anyone else's leave -----------------------------------------------------------


def test_an_employee_never_reads_or_cancels_another_employees_leave(client, auth):
    employee, pharmacist, manager = auth("employee"), auth("pharmacist"), auth("manager")
    theirs = ask_leave(client, pharmacist, "annual", "2026-12-01", "2026-12-02").json()
    mine = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-07").json()

    listed = client.get("/v1/hr/leave/requests", headers=employee).json()
    assert {r["employee_id"] for r in listed} == {"E0002"}
    assert theirs["id"] not in [r["id"] for r in listed]
    stolen = client.delete(f"/v1/hr/leave/requests/{theirs['id']}", headers=employee)
    assert stolen.status_code == 404  # exactly like a request that does not exist
    assert stored_requests(client)[theirs["id"]] == ("E0003", "pending")
    # not even a manager cancels a report's leave: that is the employee's own act
    assert client.delete(f"/v1/hr/leave/requests/{mine['id']}",
                         headers=manager).status_code == 404
    assert stored_requests(client)[mine["id"]] == ("E0002", "pending")


def test_identity_comes_from_the_token_never_from_the_request(client, auth):
    employee = auth("employee")
    created = ask_leave(client, employee, "sick", "2026-12-03", "2026-12-03",
                        employee_id="E0003")
    assert created.status_code == 201 and created.json()["employee_id"] == "E0002"
    body = client.get("/v1/hr/leave/balance", headers=employee,
                      params={"employee_id": "E0003"}).json()
    assert body["employee_id"] == "E0002"
    listed = client.get("/v1/hr/leave/requests", headers=employee,
                        params={"employee_id": "E0003"}).json()
    assert {r["employee_id"] for r in listed} == {"E0002"}
    assert client.get("/v1/hr/me", headers=employee,
                      params={"employee_id": "E0003"}).json()["employee_id"] == "E0002"
    pharmacist_sick = balance_of(client, auth("pharmacist"), "sick")
    assert pharmacist_sick["pending"] == 0  # the sick day went to E0002, not E0003
