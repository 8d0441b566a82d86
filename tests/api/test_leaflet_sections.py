"""A chat reply quotes part of a section; "more" opens the rest (GET /v1/leaflets/...)."""

from knowledge_base.documents import Document, Section
from knowledge_base.store import open_knowledge_base
from replies.quotes import quote, quotes_whole

ADVIL = "cat-advil-tablets"


def chat(client, message, session_id="more-1"):
    return client.post("/v1/chat", json={"session_id": session_id, "message": message})


def section_text(settings, doc_id, key):
    kb = open_knowledge_base(settings.db_url)
    return next(s.text for s in kb.get(doc_id).document.sections if s.key == key)


def test_quotes_whole_ignores_spacing_and_needs_every_word():
    section = "Adults: take 1 tablet.\n\nDo not exceed 6 tablets in 24 hours."
    assert quotes_whole(section, "From the leaflet: “Adults: take 1 tablet. Do not exceed 6 "
                                 "tablets in 24 hours.”")
    assert not quotes_whole(section, "“Adults: take 1 tablet. …”")


def test_a_quote_stops_after_a_few_whole_sentences():
    english = ("Adults take 1 tablet. Do not exceed 6 tablets, e.g. 3 mL. Stop use if sick. "
               "Ask a U.S. doctor first. Keep away from children.")
    assert quote(english, sentences=4) == ("Adults take 1 tablet. Do not exceed 6 tablets, "
                                           "e.g. 3 mL. Stop use if sick. Ask a U.S. doctor "
                                           "first. …")
    korean = "복용하지 마십시오.상의하십시오. 셋째입니다. 넷째입니다. 다섯째입니다."
    # the leaflet's run-on sentences get their space back
    assert quote(korean, sentences=4) == ("복용하지 마십시오. 상의하십시오. 셋째입니다. "
                                          "넷째입니다. …")
    assert quotes_whole("마십시오.권장용량을 지키십시오.", "“마십시오. 권장용량을 지키십시오.”")
    assert quote("One sentence. Two.", sentences=4) == "One sentence. Two."


def test_a_partial_quote_is_marked_more_and_the_whole_section_opens(client, rasa, settings):
    warnings = section_text(settings, ADVIL, "warnings")
    first_sentence = warnings.split(". ")[0] + "."
    rasa.reply(f"“{first_sentence} …”", sources=[
        {"doc_id": ADVIL, "drug": "ibuprofen", "section": "warnings", "title": "Advil"}])
    body = chat(client, "what are the warnings for advil?").json()
    assert [s["more"] for s in body["sources"]] == [True]

    opened = client.get(f"/v1/leaflets/{ADVIL}/sections/warnings")
    assert opened.status_code == 200
    data = opened.json()
    assert data["text"] == warnings and first_sentence in data["text"]
    assert (data["doc_id"], data["section"], data["language"]) == (ADVIL, "warnings", "en")
    assert data["citation"].startswith("Source: ") and data["section_title"] in data["citation"]
    korean = client.get(f"/v1/leaflets/{ADVIL}/sections/warnings?lang=ko").json()
    assert korean["citation"].startswith("출처: ") and korean["text"] == warnings


def test_a_section_quoted_whole_offers_no_more(client, rasa, settings):
    storage = section_text(settings, ADVIL, "storage_and_handling")
    rasa.reply(f"From the Advil leaflet:\n“{' '.join(storage.split())}”", sources=[
        {"doc_id": ADVIL, "drug": "ibuprofen", "section": "storage_and_handling",
         "title": "Advil"}])
    body = chat(client, "how do I store advil?").json()
    assert [s["more"] for s in body["sources"]] == [False]


def test_the_fallback_answer_marks_what_it_shortened(client, rasa, settings):
    """Rasa down: the gateway's own leaflet answer gets the same marks."""
    rasa.available = False
    body = chat(client, "what are the warnings for advil?").json()
    assert body["answered_by"] == "retrieval_only" and body["sources"]
    said = "\n".join(r["text"] for r in body["replies"])
    for source in body["sources"]:
        whole = section_text(settings, source["doc_id"], source["section"])
        assert source["more"] is (not quotes_whole(whole, said)), source
    assert any(s["more"] for s in body["sources"])  # Advil's warnings run past four sentences


def test_only_consumer_leaflet_sections_open(client, settings):
    kb = open_knowledge_base(settings.db_url)
    kb.save(Document(doc_id="rx-demo", kind="leaflet", title="Demo Rx", audience="consumer",
                     generic_names=("demo",), source="test", sections=(
                         Section(key="indications_and_usage", title="Uses", text="For tests."),
                         Section(key="clinical_pharmacology", title="Clinical pharmacology",
                                 text="Half-life 3 hours."))), author="test")
    assert client.get("/v1/leaflets/rx-demo/sections/indications_and_usage").status_code == 200
    for path, reason in [
        ("/v1/leaflets/rx-demo/sections/clinical_pharmacology", "for consumers"),
        ("/v1/leaflets/rx-demo/sections/warnings", "no section 'warnings'"),
        ("/v1/leaflets/no-such-leaflet/sections/warnings", "no leaflet"),
        ("/v1/leaflets/faq-branches/sections/hours", "no leaflet"),
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert reason in str(response.json()), (path, response.json())
    kb.delete("rx-demo", author="test")
    assert client.get("/v1/leaflets/rx-demo/sections/indications_and_usage").status_code == 404


def test_a_malformed_section_or_language_is_refused_with_422(client):
    for path in ["/v1/leaflets/cat-advil-tablets/sections/Warnings!",
                 "/v1/leaflets/cat-advil-tablets/sections/warnings?lang=fr",
                 "/v1/leaflets/BAD ID/sections/warnings"]:
        response = client.get(path)
        assert response.status_code == 422, path
        assert response.json()["detail"], path

