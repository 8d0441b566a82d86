"""``POST /v1/medicines/leaflet-answer``: the dialogue's medicine action asks the gateway,
which holds the one threshold, the topic rules and the wording; ``/v1/search`` says whether
its hits are confident enough and how each is quoted."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa
from tests.conftest import make_settings

PATH = "/v1/medicines/leaflet-answer"


def ask(client, question, **fields):
    response = client.post(PATH, json={"question": question, **fields})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_childs_dose_question_quotes_the_row_for_that_age(client):
    found = ask(client, "how much children's motrin can I give my 5 year old?",
                medicine="children's motrin", age_years=5)
    assert found["status"] == "answered" and found["topic"] == "dosage"
    assert found["generic"] == "ibuprofen" and "(4-5 years)" in found["text"]
    assert found["sources"][0]["section"] == "dosage_and_administration"
    assert found["confidence"] >= 0.35


def test_we_never_answer_for_a_medicine_we_hold_no_leaflet_for(client):
    found = ask(client, "how much xanax can i take", medicine="xanax")
    assert found["status"] == "not_covered" and "don't hold a leaflet" in found["text"]
    assert found["generic"] is None and found["sources"] == []


def test_no_medicine_named_or_carried_asks_which(client):
    found = ask(client, "how often can I take it?")
    assert (found["status"], found["text"], found["generic"]) == ("no_medicine", "", None)


def test_below_the_one_threshold_it_says_not_sure(client):
    found = ask(client, "advil zebra quantum flux", medicine="advil")
    assert found["status"] == "not_sure" and "not sure" in found["text"]
    assert found["sources"] == [] and found["confidence"] < 0.35


@pytest.mark.parametrize("follow_up, question, kept", [
    (True, "what about zyrtec?", "pregnancy"),  # same question, another product
    (False, "tell me about zyrtec", None),  # another medicine: a new question
])
def test_the_topic_carries_to_a_follow_up_only(client, follow_up, question, kept):
    found = ask(client, question, medicine="zyrtec", previous_topic="pregnancy",
                previous_generic="ibuprofen", follow_up=follow_up)
    assert found["generic"] == "cetirizine" and found["topic"] == kept


def test_the_nlus_topic_hint_is_used_only_when_it_is_a_known_topic(client):
    assert ask(client, "advil", medicine="advil", topic_hints=["storage"])["topic"] == "storage"
    assert ask(client, "advil", medicine="advil", topic_hints=["day"])["topic"] is None


def test_a_childs_dose_about_one_medicine_is_no_safety_check(client):
    answer = client.post("/v1/medicines/answer", json={
        "medicines": ["advil"], "age_years": 8, "question": "how much for my 8 year old?"})
    assert answer.status_code == 200 and answer.json()["applies"] is False
    check = client.post("/v1/medicines/answer", json={
        "medicines": ["advil"], "age_years": 8, "question": "is it safe for my 8 year old?"})
    assert check.json()["applies"] is True


def test_bad_input_is_refused_with_the_field(client):
    for body, field in [({"question": ""}, "question"),
                        ({"question": "advil", "language": "fr"}, "language"),
                        ({"question": "advil", "age_years": -1}, "age_years"),
                        ({"question": "advil", "follow_up": "yes"}, "follow_up"),
                        ({"question": "advil", "surprise": 1}, "surprise")]:
        response = client.post(PATH, json=body)
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["loc"][-1] == field, response.json()


def test_search_says_whether_to_answer_and_how_each_hit_is_quoted(client):
    sure = client.get("/v1/search", params={"q": "how often can I take advil", "k": 3}).json()
    assert sure["answerable"] is True
    for hit in sure["hits"]:
        assert hit["quote"] and " ".join(hit["quote"].split()).rstrip(" …")[:40] in \
            " ".join(hit["text"].split())
    unsure = client.get("/v1/search", params={"q": "zebra quantum flux capacitor"}).json()
    assert unsure["answerable"] is False


def test_without_an_index_search_backed_calls_are_503_not_500(tmp_path, embedder):
    settings = make_settings(tmp_path)  # no index built
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as client:
        for response in (client.get("/v1/search", params={"q": "advil"}),
                         client.post(PATH, json={"question": "advil", "medicine": "advil"})):
            assert response.status_code == 503, response.text
            assert "index" in response.json()["detail"]
