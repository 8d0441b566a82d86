"""The medication check as a chat answer, and the context the chat keeps for it."""

from __future__ import annotations

import pytest

from tests.medication_checks.dur_data import imported


@pytest.fixture
def with_rules(client):
    rules = imported()[1]
    client.app.state.dur_rules = rules
    client.app.state.chat.medication_rules = rules
    return client


def answer(client, **body):
    response = client.post("/v1/medicines/answer", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_combination_leads_with_the_finding_and_cites_mfds(with_rules):
    body = answer(with_rules, medicines=["selegiline", "Sudafed"], language="en")
    assert body["applies"] and body["findings"][0]["type"] == "dur_combination"
    assert body["text"].startswith("I checked these against Korea's medication safety rules")
    assert "MFDS's wording (Korean)" in body["text"] and "pharmacist" in body["text"]
    dur = [s for s in body["sources"] if s["source"] == "MFDS DUR"]
    assert dur and dur[0]["section"] == "dur_combination" and dur[0]["doc_id"].startswith("dur-")


def test_korean_same_ingredient_names_the_ingredient(with_rules):
    body = answer(with_rules, medicines=["게보린", "펜잘큐"], language="ko")
    assert "same_ingredient" in {f["type"] for f in body["findings"]}
    assert "아세트아미노펜" in body["text"] and "식약처 DUR 문구" in body["text"]


def test_no_rule_says_so_and_cites_no_dur_source(with_rules):
    body = answer(with_rules, medicines=["Tylenol", "Claritin"], language="en")
    assert body["applies"] and body["findings"] == []
    assert "no rule applies" in body["text"]
    assert all(s["source"] != "MFDS DUR" for s in body["sources"])


def test_one_medicine_and_nobody_described_is_not_a_check(with_rules):
    assert answer(with_rules, medicines=["Tylenol"])["applies"] is False
    assert answer(with_rules, medicines=["ibuprofen"], pregnant=True)["applies"] is True


def test_the_chat_remembers_the_person_and_what_they_take(with_rules, rasa):
    rasa.reply("ok")
    for message in ("I'm pregnant", "저는 셀레길린을 먹어요", "can I take claritin?"):
        with_rules.post("/v1/chat", json={"session_id": "ctx1", "message": message})
    context = rasa.received[-1][2]["medication_check"]
    assert context["person"] == {"pregnant": True}
    assert context["taking"] == ["셀레길린"] and context["medicines"] == ["claritin"]
    with_rules.post("/v1/chat", json={"session_id": "ctx1", "message": "forget my medicines"})
    assert rasa.received[-1][2]["medication_check"] == {"medicines": [], "taking": [],
                                                        "person": {}}


def test_a_comparison_quotes_each_leaflets_uses_and_directions(with_rules):
    body = answer(with_rules, medicines=["Tylenol", "Claritin"], language="en",
                  question="what's the difference between tylenol and claritin?")
    text = body["text"]
    assert body["applies"] and text.startswith("Tylenol")
    assert "side by side from their leaflets" in text and "no rule applies" not in text
    assert text.count("What it is for: “") == 2 and text.count("How to take it: “") == 2
    cited = {(s["drug"], s["section"]) for s in body["sources"]}
    assert {("acetaminophen", "dosage_and_administration"),
            ("loratadine", "dosage_and_administration")} <= cited
    assert {s["drug"] for s in body["sources"] if s["section"] in
            ("indications_and_usage", "purpose")} == {"acetaminophen", "loratadine"}
    assert text.index("Acetaminophen") < text.index("Loratadine")  # ingredient per product
    # the same medicines asked about together get the safety check instead
    checked = answer(with_rules, medicines=["Tylenol", "Claritin"], language="en",
                     question="can I take tylenol and claritin together?")
    assert "no rule applies" in checked["text"] and "side by side" not in checked["text"]


def test_a_comparison_question_is_bounded(client):
    response = client.post("/v1/medicines/answer", json={
        "medicines": ["Tylenol", "Claritin"], "question": "x" * 1001})
    assert response.status_code == 422 and "question" in response.text
