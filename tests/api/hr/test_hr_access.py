"""The HR API's access matrix and the HR chat channel: who may call what."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from api.models import BenefitRequest, BenefitStatus, Role, User
from api.security import hash_password
from core.database import transaction
from tests.api.conftest import token
from tests.api.hr.support import (
    BENEFITS,
    EMPLOYMENT,
    a_pending_team_request,
    ask_benefit,
    ask_leave,
    balance_of,
    queue_action,
    sessions,
    stored_benefits,
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
    ("post", "/v1/hr/leave/read"),
    ("delete", "/v1/hr/leave/requests/{request_id}"),
    ("get", "/v1/hr/team/requests"),
    ("post", "/v1/hr/team/requests/{request_id}/approve"),
    ("post", "/v1/hr/team/requests/{request_id}/decline"),
    ("get", "/v1/hr/directory"),
    # benefits administration: your own points and requests; HR staff's queue
    ("get", "/v1/hr/benefits/points"),
    ("get", "/v1/hr/benefits/requests"),
    ("post", "/v1/hr/benefits/requests"),
    ("delete", "/v1/hr/benefits/requests/{request_id}"),
    ("get", "/v1/hr/benefits/queue"),
    ("post", "/v1/hr/benefits/queue/{request_id}/start"),
    ("post", "/v1/hr/benefits/queue/{request_id}/complete"),
    ("post", "/v1/hr/benefits/queue/{request_id}/reject"),
]
QUEUE_ROUTES = [route for route in ROUTES if "/benefits/queue" in route[1]]
OWN_BENEFIT_ROUTES = [route for route in ROUTES
                      if "/benefits/" in route[1] and route not in QUEUE_ROUTES]
BODIES = {
    "/v1/hr/chat": {"session_id": "s1", "message": "how many leave days do I have?"},
    "/v1/hr/leave/requests": {"leave_type": "annual", "start_date": "2026-12-01",
                              "end_date": "2026-12-01"},
    "/v1/hr/leave/parse-dates": {"text": "next friday"},
    "/v1/hr/leave/read": {"text": "half day off next friday afternoon"},
    "/v1/hr/benefits/requests": {**EMPLOYMENT, "purpose": "access matrix"},
    "/v1/hr/benefits/queue/{request_id}/complete": {"note": "done"},
    "/v1/hr/benefits/queue/{request_id}/reject": {"note": "not needed"},
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
    before, benefits_before = stored_requests(client), stored_benefits(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
        forged = call(client, method, path, request_id,
                      {"Authorization": "Bearer not-a-real-token"})
        assert forged.status_code == 401, (method, path)
    assert stored_requests(client) == before and stored_benefits(client) == benefits_before
    assert rasa.received == []


@pytest.mark.parametrize(("username", "reason"), [
    ("customer", "employee role"),
    ("admin", "not linked to an employee record"),
])
def test_consumers_and_accounts_without_hr_record_get_403_everywhere(client, auth, rasa,
                                                                     username, reason):
    request_id = a_pending_team_request(client)
    before, benefits_before = stored_requests(client), stored_benefits(client)
    for method, path in ROUTES:
        response = call(client, method, path, request_id, auth(username))
        assert response.status_code == 403, (username, method, path, response.text)
        assert reason in response.json()["detail"]
    assert stored_requests(client) == before  # nothing created, cancelled or decided
    assert stored_benefits(client) == benefits_before
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
    employee, manager, hr = auth("employee"), auth("manager"), auth("hr")
    mine = ask_leave(client, employee, "annual", "2026-12-07", "2026-12-07").json()["id"]
    benefit = ask_benefit(client, employee, EMPLOYMENT).json()["id"]  # started, completed
    ids = {"/approve": a_pending_team_request(client), "/start": benefit,
           "/complete": benefit, "/benefits/requests/{request_id}": ask_benefit(
               client, employee, {**EMPLOYMENT, "purpose": "cancel me"}).json()["id"],
           "/reject": ask_benefit(client, employee, {**EMPLOYMENT, "language": "en"}).json()["id"]}
    statuses = {}
    for method, path in ROUTES:
        who = manager if "/team/requests/" in path else hr if "/queue" in path else employee
        request_id = next((i for end, i in ids.items() if path.endswith(end)), mine)
        if path.endswith("/decline"):
            request_id = ask_leave(client, employee, "sick", "2026-12-10",
                                   "2026-12-10").json()["id"]
        response = call(client, method, path, request_id, who)
        statuses[(method, path)] = response.status_code
        assert response.status_code in (200, 201), (method, path, response.text)
    assert statuses[("post", "/v1/hr/leave/requests")] == 201
    assert statuses[("post", "/v1/hr/benefits/requests")] == 201
    assert len(rasa.received) == 1
    assert {stored_benefits(client)[i][1] for i in ids.values() if i != ids["/approve"]} == {
        "completed", "cancelled", "rejected"}


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


# --- benefits: every operation × every role, 0 leaks -------------------------------------------

BENEFIT_ROLES = {  # username -> (own points and requests?, the HR queue?)
    None: (False, False), "customer": (False, False), "admin": (False, False),
    "employee": (True, False), "manager": (True, False), "pharmacist": (True, False),
    "hr": (True, True)}
EMPLOYEE_OF = {"employee": "E0002", "manager": "E0001", "pharmacist": "E0003", "hr": "E0011"}


def test_every_benefits_operation_for_every_role_leaks_nothing(client, auth):
    """Every role on every operation. Allowed calls succeed; every other call is refused
    (401, 403, or 404 for a request that is not yours) and changes nothing. The requests
    aimed at are seeded pending ones of employees none of the callers is; only HR staff may
    act on them (through the queue)."""
    with sessions(client)() as session:
        pending = sorted(session.scalars(select(BenefitRequest.id).where(
            BenefitRequest.status == BenefitStatus.pending,
            BenefitRequest.employee_id.not_in(EMPLOYEE_OF.values()))))
    victim, started, rejected = pending[:3]
    hr_targets = {"start": started, "complete": started, "reject": rejected}
    leaks, lockouts = [], []
    for username, (own, queue) in BENEFIT_ROLES.items():
        headers = auth(username) if username else {}
        before = stored_benefits(client)
        for method, path in OWN_BENEFIT_ROUTES + QUEUE_ROUTES:
            verb = path.rsplit("/", 1)[-1]
            target = hr_targets[verb] if queue and verb in hr_targets else victim
            response = call(client, method, path, target, headers)
            in_queue = (method, path) in QUEUE_ROUTES
            expect_ok = queue if in_queue else own and "{request_id}" not in path
            refused = response.status_code in (401, 403) or (
                "{request_id}" in path and response.status_code == 404)
            if expect_ok and response.status_code not in (200, 201):
                lockouts.append((username, method, path, response.status_code))
            if not expect_ok and not refused:
                leaks.append((username, method, path, response.status_code))
        after = stored_benefits(client)
        assert len(set(after) - set(before)) == (1 if own else 0), username  # own POST only
        changed = {i for i in before if after[i] != before[i]}
        assert changed == ({started, rejected} if queue else set()), (username, changed)
    assert not leaks, f"{len(leaks)} access leaks: {leaks}"
    assert not lockouts, f"{len(lockouts)} wrongly refused: {lockouts}"
    assert stored_benefits(client)[victim][1] == "pending"
    assert (stored_benefits(client)[started][1], stored_benefits(client)[rejected][1]) == (
        "completed", "rejected")


def test_each_role_sees_only_its_own_benefits_and_hr_sees_the_queue(client, auth):
    mine = {u: ask_benefit(client, auth(u), {**EMPLOYMENT, "purpose": u}).json()["id"]
            for u in EMPLOYEE_OF}
    for username, employee_id in EMPLOYEE_OF.items():
        headers = auth(username)
        listed = client.get(f"{BENEFITS}/requests", headers=headers).json()
        assert {r["employee_id"] for r in listed} == {employee_id}, username
        assert mine[username] in {r["id"] for r in listed}
        points = client.get(f"{BENEFITS}/points", headers=headers,
                            params={"employee_id": "E0002"}).json()
        assert points["employee_id"] == employee_id, username
        for other, request_id in mine.items():  # nobody cancels anyone else's
            if other != username:
                response = client.delete(f"{BENEFITS}/requests/{request_id}", headers=headers)
                assert response.status_code == 404, (username, other)
    # the manager of E0002 sees nothing of E0002's benefits, anywhere
    manager = auth("manager")
    assert client.get(f"{BENEFITS}/queue", headers=manager).status_code == 403
    queue = client.get(f"{BENEFITS}/queue", headers=auth("hr"),
                       params={"status": "all"}).json()["requests"]
    assert set(mine.values()) <= {r["id"] for r in queue}
    assert {r["employee"]["employee_id"] for r in queue} >= set(EMPLOYEE_OF.values())
    assert queue_action(client, auth("hr"), mine["employee"], "start").status_code == 200
    for username in ("employee", "manager", "pharmacist"):
        for verb in ("complete", "reject"):
            refused = queue_action(client, auth(username), mine["employee"], verb, "no")
            assert refused.status_code == 403, (username, verb)
            assert refused.json()["detail"] == "the benefits queue is for HR staff only"
    assert stored_benefits(client)[mine["employee"]] == ("E0002", "in_progress")
