"""Bad input to benefits administration: a JSON 422 / 409 / 404 that says what is wrong, in
FastAPI's error shape with a human ``message``, and nothing stored."""

from __future__ import annotations

from tests.api.hr.support import (
    BENEFITS,
    EMPLOYMENT,
    NEWBORN,
    ask_benefit,
    queue_action,
    stored_benefits,
)


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert isinstance(body["detail"], list) and body["message"], body
    for item in body["detail"]:
        assert {"loc", "msg", "type"} <= set(item), item
    return body["detail"][0]


# (body, loc, type): one app serves them all (starting one per case is slow)
INVALID_REQUESTS = [
    ({}, ["body", "kind"], "missing"),
    ({"kind": "pension_advance"}, ["body", "kind"], "enum"),
    ({**NEWBORN, "relation": "cousin"}, ["body", "relation"], "enum"),
    ({**NEWBORN, "birth_date": 20261116}, ["body", "birth_date"], "value_error"),
    ({**NEWBORN, "birth_date": "16/11/2026"}, ["body", "birth_date"], "date_from_datetime_parsing"),
    ({**NEWBORN, "name": "x" * 61}, ["body", "name"], "string_too_long"),
    ({**NEWBORN, "name": 7}, ["body", "name"], "string_type"),
    ({**EMPLOYMENT, "copies": "2"}, ["body", "copies"], "int_type"),
    ({**EMPLOYMENT, "copies": 0}, ["body", "copies"], "greater_than_equal"),
    ({**EMPLOYMENT, "copies": 9}, ["body", "copies"], "less_than_equal"),
    ({**EMPLOYMENT, "language": "fr"}, ["body", "language"], "enum"),
    ({"kind": "income_certificate", "year": 1999}, ["body", "year"], "greater_than_equal"),
    # the service's own rules, in the same shape
    ({"kind": "add_dependent", "relation": "child", "birth_date": "2026-11-16"},
     ["body", "name"], "name_required"),
    ({**NEWBORN, "birth_date": "2026-12-01"}, ["body", "birth_date"], "future_birth_date"),
    ({**NEWBORN, "copies": 1}, ["body", "copies"], "field_not_allowed"),
    ({"kind": "employment_certificate"}, ["body", "purpose"], "purpose_required"),
    ({**EMPLOYMENT, "year": 2025}, ["body", "year"], "field_not_allowed"),
    ({"kind": "income_certificate", "year": 2026}, ["body", "year"], "tax_year_not_over"),
    ({"kind": "income_certificate", "year": 2020}, ["body", "year"], "before_hire"),
]


def test_an_invalid_request_is_a_422_that_names_the_field(client, auth):
    before = stored_benefits(client)
    for body, loc, kind in INVALID_REQUESTS:
        error = error_of(ask_benefit(client, auth("employee"), body), 422)
        assert (error["loc"], error["type"]) == (loc, kind), body
    assert stored_benefits(client) == before


def test_broken_json_and_the_wrong_shape_are_422s(client, auth):
    headers = {**auth("employee"), "content-type": "application/json"}
    broken = client.post(f"{BENEFITS}/requests", headers=headers, content=b'{"kind": ')
    assert error_of(broken, 422)["type"] == "json_invalid"
    listed = client.post(f"{BENEFITS}/requests", headers=headers, content=b"[1, 2]")
    assert error_of(listed, 422)["type"] == "model_attributes_type"


def test_the_message_is_in_the_users_language(client, auth):
    headers = {**auth("employee"), "Accept-Language": "ko-KR,ko;q=0.9"}
    response = client.post(f"{BENEFITS}/requests", headers=headers,
                           json={**NEWBORN, "birth_date": "2030-01-01"})
    assert response.status_code == 422
    assert response.json()["message"].startswith("보낸 내용 중 올바르지 않은 값이 있습니다")
    english = ask_benefit(client, auth("employee"), {**NEWBORN, "birth_date": "2030-01-01"})
    assert english.json()["message"].startswith("birth_date: 2030-01-01 is in the future")


def test_bad_query_and_path_values_are_422s(client, auth):
    for method, path, params, loc in [
        ("get", "/points", {"year": 1999}, ["query", "year"]),
        ("get", "/points", {"limit": 0}, ["query", "limit"]),
        ("get", "/requests", {"status": "lost"}, ["query", "status"]),
        ("delete", "/requests/0", None, ["path", "request_id"]),
        ("delete", "/requests/abc", None, ["path", "request_id"]),
    ]:
        response = client.request(method.upper(), f"{BENEFITS}{path}",
                                  headers=auth("employee"), params=params)
        assert error_of(response, 422)["loc"] == loc, path


def test_hr_actions_check_their_note(client, auth):
    created = ask_benefit(client, auth("employee"), EMPLOYMENT).json()
    hr = auth("hr")
    queue_action(client, hr, created["id"], "start")
    for verb, body, loc, kind in [
        ("reject", None, ["body"], "missing"),
        ("reject", {}, ["body", "note"], "missing"),
        ("reject", {"note": ""}, ["body", "note"], "string_too_short"),
        ("reject", {"note": "   "}, ["body", "note"], "value_error"),
        ("reject", {"note": "x" * 501}, ["body", "note"], "string_too_long"),
        ("complete", {"note": 42}, ["body", "note"], "string_type"),
    ]:
        response = client.post(f"{BENEFITS}/queue/{created['id']}/{verb}", headers=hr,
                               json=body)
        error = error_of(response, 422)
        assert (error["loc"], error["type"]) == (loc, kind), body
    assert stored_benefits(client)[created["id"]] == ("E0002", "in_progress")
    bad_filter = client.get(f"{BENEFITS}/queue", headers=hr, params={"status": "waiting"})
    assert error_of(bad_filter, 422)["loc"] == ["query", "status"]


def test_a_missing_request_and_someone_elses_look_the_same(client, auth):
    employee, pharmacist, hr = auth("employee"), auth("pharmacist"), auth("hr")
    theirs = ask_benefit(client, pharmacist, EMPLOYMENT).json()
    stolen = error_of(client.delete(f"{BENEFITS}/requests/{theirs['id']}", headers=employee),
                      404)
    missing = error_of(client.delete(f"{BENEFITS}/requests/999999", headers=employee), 404)
    assert stolen["type"] == missing["type"] == "not_found"
    assert stolen["loc"] == missing["loc"] == ["path", "request_id"]
    assert stolen["msg"].replace(str(theirs["id"]), "N") == missing["msg"].replace("999999", "N")
    assert stored_benefits(client)[theirs["id"]] == ("E0003", "pending")
    for verb in ("start", "complete", "reject"):
        gone = queue_action(client, hr, 999999, verb, "note")
        assert error_of(gone, 404)["type"] == "not_found", verb


def test_transitions_the_status_does_not_allow_are_409s(client, auth):
    employee, hr = auth("employee"), auth("hr")
    created = ask_benefit(client, employee, NEWBORN).json()
    assert error_of(queue_action(client, hr, created["id"], "complete"), 409)["type"] == (
        "invalid_transition")
    assert queue_action(client, hr, created["id"], "start").status_code == 200
    assert error_of(queue_action(client, hr, created["id"], "start"), 409)["type"] == (
        "invalid_transition")
    cancel = client.delete(f"{BENEFITS}/requests/{created['id']}", headers=employee)
    assert error_of(cancel, 409)["type"] == "not_cancellable"
    assert error_of(ask_benefit(client, employee, NEWBORN), 409)["type"] == "duplicate"
    assert stored_benefits(client)[created["id"]] == ("E0002", "in_progress")
