"""POST /v1/medicines/check: open to anyone, clear 422s, and 200 even with no rules."""

from __future__ import annotations

import pytest

from tests.medication_checks.dur_data import imported


@pytest.fixture
def with_rules(client):
    client.app.state.dur_rules = imported()[1]  # what the lifespan loads after `make index`
    return client


def test_finds_a_combination_for_anyone(with_rules):
    response = with_rules.post("/v1/medicines/check",
                               json={"medicines": ["selegiline", "Sudafed"]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert [f["type"] for f in body["findings"]] == ["dur_combination"]
    finding = body["findings"][0]
    assert finding["citation"] == "식품의약품안전처 DUR" and finding["mfds_text"]
    assert {i["key"] for i in finding["ingredients"]} == {"selegiline", "pseudoephedrine"}


def test_person_fields_and_unresolved(with_rules):
    response = with_rules.post("/v1/medicines/check", json={
        "medicines": ["지르텍정", "zzqx-unknown"], "age_years": 4})
    body = response.json()
    assert response.status_code == 200
    assert body["unresolved"] == ["zzqx-unknown"]
    assert body["resolved"][0]["ingredients"][0]["key"] == "cetirizine"
    assert [f["type"] for f in body["findings"]] == ["dur_age"]


def test_no_rules_in_the_database_still_answers(client):
    response = client.post("/v1/medicines/check", json={"medicines": ["Tylenol"],
                                                        "pregnant": True})
    assert response.status_code == 200
    assert response.json() == {"resolved": [], "unresolved": ["Tylenol"], "findings": []}


@pytest.mark.parametrize(("body", "field"), [
    ({"medicines": []}, "medicines"),
    ({"medicines": [f"m{i}" for i in range(21)]}, "medicines"),
    ({"medicines": ["Tylenol"], "age_years": -1}, "age_years"),
    ({"medicines": ["Tylenol"], "age_months": -3}, "age_months"),
    ({"medicines": ["  "]}, "medicines"),
    ({}, "medicines"),
])
def test_bad_input_is_a_clear_422(client, body, field):
    response = client.post("/v1/medicines/check", json=body)
    assert response.status_code == 422
    error = response.json()
    assert field in error["message"] and error["detail"][0]["loc"][1] == field


def test_staff_status_shows_rule_counts(client):
    from tests.api.conftest import token
    from tests.medication_checks.dur_data import require_data, run_import

    headers = token(client, "pharmacist")
    empty = client.get("/v1/kb/status", headers=headers).json()
    assert empty["dur_rules"] == {"counts": {}, "newest_notification_date": None}
    require_data()
    run_import(client.app.state.settings.db_url)
    status = client.get("/v1/kb/status", headers=headers).json()["dur_rules"]
    assert status["counts"]["combination"] > 1000 and status["counts"]["age"] > 100
    assert status["newest_notification_date"] >= "2026-01-01"


def test_a_boolean_is_not_an_age_or_a_duration(client):
    for field in ("age_years", "age_months", "duration_days"):
        response = client.post("/v1/medicines/check", json={"medicines": ["ibuprofen"],
                                                             field: True})
        assert response.status_code == 422, (field, response.text)
