"""``POST /v1/medicines/suggest``: products for a symptom, from the leaflets' uses (small
index: Advil, Tylenol Extra Strength and PM, Claritin, Zyrtec, Children's Motrin)."""

from __future__ import annotations

from knowledge_base.documents import Document, Section


def suggest(client, text, language="en", **extra):
    response = client.post("/v1/medicines/suggest",
                           json={"text": text, "language": language, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_a_symptom_gets_products_whose_uses_cover_it(client):
    found = suggest(client, "something for hay fever? my nose won't stop running")
    assert found["applies"] is True
    assert {"Claritin (loratadine)", "Zyrtec (cetirizine)"} <= set(found["products"])
    assert all(s["section"] in ("indications_and_usage", "purpose") for s in found["sources"])
    text = found["text"]
    assert "hay fever" in text and "Caution:" in text and "pharmacist" in text
    assert "Tylenol" not in text  # its uses don't mention hay fever


def test_sleeplessness_finds_the_sleep_aid(client):
    found = suggest(client, "I can't sleep, is there anything over the counter?")
    assert found["products"][:1] == ["Tylenol PM Extra Strength (acetaminophen, diphenhydramine)"]


def test_questions_about_a_named_medicine_are_not_suggestions(client):
    assert suggest(client, "what is advil good for?")["applies"] is False
    assert suggest(client, "how often can I take it?")["applies"] is False
    assert suggest(client, "what about for kids?", about_a_medicine=True)["applies"] is False


def test_nothing_we_hold_fits_says_so(client):
    found = suggest(client, "what do you recommend for athlete's foot?")
    assert found["applies"] is True and found["sources"] == [] and found["products"] == []
    assert "not sure" in found["text"]


def test_bad_input_is_a_clear_422(client):
    response = client.post("/v1/medicines/suggest", json={"text": "", "language": "fr"})
    assert response.status_code == 422
    fields = {tuple(e["loc"]) for e in response.json()["detail"]}
    assert {("body", "text"), ("body", "language")} <= fields


def test_prescription_products_are_never_suggested():
    section = (Section(key="indications_and_usage", title="Uses", text="for pain"),)
    rx = Document(doc_id="fda-x", kind="leaflet", title="X", audience="consumer",
                  sections=section, source="test", product_type="HUMAN PRESCRIPTION DRUG")
    otc = rx.model_copy(update={"product_type": "HUMAN OTC DRUG"})
    assert rx.prescription and not otc.prescription
