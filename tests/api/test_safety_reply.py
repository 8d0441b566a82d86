"""``POST /v1/safety/emergency-reply``: the dialogue's emergency action gets the chat's wording."""

from __future__ import annotations

import pytest

URL = "/v1/safety/emergency-reply"


def test_a_recognised_emergency_gets_its_categorys_reply(read_only_client):
    body = read_only_client.post(URL, json={
        "message": "my son swallowed a whole bottle of tylenol"}).json()
    assert body["level"] == "emergency" and body["help"] == "medical"
    assert body["category"] in ("child_ingestion", "overdose")
    assert body["text"].startswith("Call 119 now") and "poison" in body["text"]


def test_suicidal_thoughts_get_the_crisis_lines_in_korean(read_only_client):
    body = read_only_client.post(URL, json={"message": "죽고 싶어요"}).json()
    assert body["help"] == "mental_health" and "109" in body["text"]
    assert "1577-0199" in body["text"] and "911" not in body["text"]


def test_what_the_check_does_not_recognise_still_gets_an_emergency_reply(read_only_client):
    body = read_only_client.post(URL, json={"message": "something is off with grandma",
                                            "language": "ko"}).json()
    assert (body["category"], body["level"]) == ("unspecified", "none")
    assert body["text"].startswith("지금 바로 119") and "109" in body["text"]
    empty = read_only_client.post(URL, json={}).json()
    assert empty["category"] == "unspecified" and empty["text"].startswith("Call 119 now")


def test_a_named_branch_adds_its_pharmacists_phone(read_only_client):
    body = read_only_client.post(URL, json={
        "message": "my husband took twenty sleeping pills, we are near the gangnam branch"}).json()
    assert body["level"] == "emergency" and "Gangnam" in body["text"]


@pytest.mark.parametrize("payload", [
    {"message": "x" * 4001},
    {"message": "help", "language": "fr"},
    {"message": "help", "region": "US"},
    {"message": 12},
])
def test_bad_input_is_a_422_that_says_what_is_wrong(read_only_client, payload):
    response = read_only_client.post(URL, json=payload)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "body"
