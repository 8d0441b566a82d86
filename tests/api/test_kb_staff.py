import pytest

from tests.api.conftest import token

LEAFLET = {
    "set_id": "haneul-ibuprofen-200", "effective_time": "20260101",
    "source_label": "Haneul ibuprofen 200 mg, chain label",
    "openfda": {"generic_name": ["IBUPROFEN"], "brand_name": ["Haneul Ibuprofen"]},
    "dosage_and_administration": ["Directions adults: 1 tablet every 4 to 6 hours, "
                                  "never more than 6 tablets in 24 hours. Quokka check."],
    "warnings": ["Warnings Allergy alert: ibuprofen may cause a severe allergic reaction."],
}
ROUTES = [("get", "/v1/kb/documents"), ("get", "/v1/kb/documents/cat-advil-tablets"),
          ("get", "/v1/kb/documents/cat-advil-tablets/versions"), ("get", "/v1/kb/audit"),
          ("get", "/v1/kb/gaps"), ("get", "/v1/kb/status"),
          ("post", "/v1/kb/leaflets"), ("delete", "/v1/kb/documents/cat-advil-tablets")]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_only_staff_may_use_the_knowledge_base_api(client, method, path):
    kwargs = {"json": LEAFLET} if method == "post" else {}
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for user in ("customer", "employee"):
        response = getattr(client, method)(path, headers=token(client, user), **kwargs)
        assert response.status_code == 403, (user, path)


def test_new_leaflet_is_searchable_when_the_call_returns(client):
    staff = token(client, "pharmacist")
    created = client.post("/v1/kb/leaflets", json=LEAFLET, headers=staff)
    assert created.status_code == 201, created.text
    assert created.json()["doc_id"] == "cat-haneul-ibuprofen-200"
    hits = client.get("/v1/search", params={"q": "haneul ibuprofen quokka dose", "k": 3}).json()
    assert "Quokka check" in hits["hits"][0]["text"]
    again = client.post("/v1/kb/leaflets", json=LEAFLET, headers=staff)
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("change", "field"),
    [({"openfda": {"brand_name": ["X"]}}, "openfda"),
     ({"dosage_and_administration": []}, "dosage_and_administration"),
     ({"dosage_and_administration": ["   "]}, "dosage_and_administration"),
     ({"warnings": [{"nested": True}]}, "warnings"),
     ({"effective_time": "yesterday"}, "effective_time")],
)
def test_invalid_leaflets_are_refused_and_change_nothing(client, change, field):
    staff = token(client, "pharmacist")
    before = client.get("/v1/kb/status", headers=staff).json()
    response = client.post("/v1/kb/leaflets", json={**LEAFLET, **change}, headers=staff)
    assert response.status_code == 422
    assert field in response.json()["detail"][0]["loc"]
    assert client.get("/v1/kb/status", headers=staff).json() == before


def test_edit_conflict_rollback_delete_and_audit(client):
    staff = token(client, "pharmacist")
    doc = client.get("/v1/kb/documents/cat-advil-tablets", headers=staff).json()
    path = "/v1/kb/documents/cat-advil-tablets/sections/dosage_and_administration"
    first = client.put(path, headers=staff, json={"text": "Edited directions: take one tablet "
                                                 "with water.", "expected_version": doc["version"]})
    assert first.status_code == 200 and first.json()["version"] == doc["version"] + 1
    stale = client.put(path, headers=staff, json={"text": "Another edit.",
                                                  "expected_version": doc["version"]})
    assert stale.status_code == 409
    assert "Edited directions" in str(stale.json()["current"]["sections"])
    hit = client.get("/v1/search", params={"q": "advil directions", "k": 1}).json()["hits"][0]
    assert hit["text"].startswith("Edited directions")
    back = client.post("/v1/kb/documents/cat-advil-tablets/rollback", headers=staff,
                       json={"version": doc["version"]})
    assert back.status_code == 200
    hit = client.get("/v1/search", params={"q": "advil directions", "k": 1}).json()["hits"][0]
    assert not hit["text"].startswith("Edited directions")
    versions = client.get("/v1/kb/documents/cat-advil-tablets/versions", headers=staff).json()
    assert [v["author"] for v in versions][-2:] == ["pharmacist", "pharmacist"]
    deleted = client.delete("/v1/kb/documents/cat-advil-tablets", headers=staff)
    assert deleted.status_code == 200
    hits = client.get("/v1/search", params={"q": "advil dose", "k": 10}).json()["hits"]
    assert all(h["doc_id"] != "cat-advil-tablets" for h in hits)
    actions = [a["action"] for a in client.get("/v1/kb/audit", headers=staff,
                                               params={"doc_id": "cat-advil-tablets"}).json()]
    assert actions[:3] == ["delete", "rollback", "update"]


def test_markdown_entries_and_audience(client):
    staff = token(client, "pharmacist")
    entry = {"doc_id": "faq-parking", "title": "Parking", "audience": "consumer",
             "kind": "store_faq", "markdown": "## Parking at the Gangnam branch\n"
                                              "Two hours of free parking with any purchase."}
    assert client.post("/v1/kb/entries", json=entry, headers=staff).status_code == 201
    hit = client.get("/v1/search", params={"q": "free parking gangnam"}).json()["hits"][0]
    assert hit["doc_id"] == "faq-parking" and hit["section"] == "parking_at_the_gangnam_branch"
    bad = client.post("/v1/kb/entries", json={**entry, "doc_id": "Bad Id"}, headers=staff)
    assert bad.status_code == 422


def test_gaps_list_the_most_frequent_unanswered_questions(client, rasa):
    for _ in range(3):
        rasa.reply("I'm not sure…", gap="low_confidence")
        client.post("/v1/chat", json={"session_id": "g", "message": "Do you sell zinc lozenges?"})
    rasa.reply("Our hours are…", intent="ask_store_info")
    answered = client.post("/v1/chat", json={"session_id": "g", "message": "parking?"}).json()
    client.post("/v1/feedback", json={"message_id": answered["message_id"], "rating": "down"})
    gaps = client.get("/v1/kb/gaps", headers=token(client, "pharmacist")).json()
    assert gaps[0]["question"] == "Do you sell zinc lozenges?" and gaps[0]["count"] == 3
    assert {"question": "parking?", "reasons": ["thumbs_down"]}.items() <= gaps[1].items()
