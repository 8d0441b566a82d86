"""A prescription label answers a consumer from its consumer sections; its dose-setting
sections (dose tables, strengths, overdose management, use in children or older people)
are never quoted: the reply refers to the prescriber and the pharmacist."""

from __future__ import annotations

import re

import pytest

from knowledge_base.documents import Document, Section
from knowledge_base.store import open_knowledge_base
from replies.answers import compose_leaflet_answer
from replies.comparisons import ComparisonRow, compose_comparison
from retrieval.chunking import chunk_document

DOSE_TABLE = ("Hypertension: the recommended initial dose is 10 mg once a day; usual range "
              "20 mg to 40 mg. Renal impairment (CrCl 10-30 mL/min): 5 mg once a day.")


def label(product_type: str | None, doc_id: str = "rx-lisinopril") -> Document:
    return Document(
        doc_id=doc_id, kind="leaflet", title="Lisinopril (lisinopril)", audience="consumer",
        generic_names=("lisinopril",), source="test", product_type=product_type, sections=(
            Section(key="indications_and_usage", title="Indications and usage",
                    text="Lisinopril is used to treat high blood pressure."),
            Section(key="dosage_and_administration", title="Dosage and administration",
                    text=DOSE_TABLE),
            Section(key="pediatric_use", title="Pediatric use",
                    text="Children 6 to 16 years: 0.07 mg/kg once daily.")))


def hit(document: Document, key: str, *, prescriber_only: bool) -> dict:
    section = next(s for s in document.sections if s.key == key)
    return {"doc_id": document.doc_id, "drug": document.drug, "section": key,
            "title": document.title, "section_title": section.title, "text": section.text,
            "score": 0.9, "label_date": None, "kind": "leaflet", "language": "en",
            "passage": 0, "prescriber_only": prescriber_only}


def test_only_a_prescription_labels_dose_sections_are_marked(token_counter):
    for product_type, marked in [("HUMAN PRESCRIPTION DRUG", {"dosage_and_administration",
                                                              "pediatric_use"}),
                                 ("HUMAN OTC DRUG", set()), (None, set())]:
        chunks = chunk_document(label(product_type), max_tokens=160, overlap=32,
                                count=token_counter)
        assert {c.section for c in chunks if c.prescriber_only} == marked, product_type


@pytest.mark.parametrize("language, says", [("en", "prescription medicine"),
                                            ("ko", "전문의약품")])
def test_a_dose_question_on_a_prescription_label_refers_to_the_prescriber(language, says):
    rx = label("HUMAN PRESCRIPTION DRUG")
    answer = compose_leaflet_answer(
        [hit(rx, "dosage_and_administration", prescriber_only=True)], language, age_years=10)
    assert says in answer and "Lisinopril" in answer
    assert not re.search(r"\d+\s*mg", answer), answer  # no dose from the table
    assert "Dosage and administration" in answer  # still cited: where it would be written


def test_its_consumer_sections_are_still_quoted():
    rx = label("HUMAN PRESCRIPTION DRUG")
    answer = compose_leaflet_answer([hit(rx, "indications_and_usage", prescriber_only=False)])
    assert "used to treat high blood pressure" in answer


def test_a_comparison_gives_no_prescription_dose():
    rx = label("HUMAN PRESCRIPTION DRUG")
    row = ComparisonRow(name=rx.title, ingredients="lisinopril",
                        uses=hit(rx, "indications_and_usage", prescriber_only=False),
                        directions=hit(rx, "dosage_and_administration", prescriber_only=True))
    text = compose_comparison([row, row])
    assert "high blood pressure" in text and "prescription medicine" in text
    assert "10 mg" not in text


def test_the_more_button_never_opens_a_prescription_dose_section(client, settings):
    kb = open_knowledge_base(settings.db_url)
    kb.save(label("HUMAN PRESCRIPTION DRUG"), author="test")
    kb.save(label("HUMAN OTC DRUG", doc_id="otc-lisinopril"), author="test")
    base = "/v1/leaflets/{}/sections/{}"
    assert client.get(base.format("rx-lisinopril", "indications_and_usage")).status_code == 200
    refused = client.get(base.format("rx-lisinopril", "dosage_and_administration"))
    assert refused.status_code == 404 and "for consumers" in refused.json()["detail"]
    opened = client.get(base.format("otc-lisinopril", "dosage_and_administration"))
    assert opened.status_code == 200 and "10 mg" in opened.json()["text"]


def passage(n: int, text: str, score: float) -> dict:
    return {"doc_id": "rx-statin", "drug": "statin", "section": "adverse_reactions",
            "title": "Statin", "section_title": "Adverse reactions", "text": text,
            "score": score, "label_date": None, "kind": "leaflet", "language": "en",
            "passage": n}


def test_a_flattened_table_gives_way_to_the_sections_prose():
    table = passage(6, "Myalgia 3.1 3.6 5.9 8.4 2.7 3.5 Insomnia 2.9 2.8 1.1 5.3 2.8 3.0 "
                       "Nausea 3.5 3.7 3.7 7.1 3.8 4.0", 0.048)
    lead_in = passage(3, "In trials, the reactions that led to stopping were:", 0.046)
    rest = passage(4, "myalgia (0.7%), diarrhea (0.5%) and nausea (0.4%). Table 1 follows.",
                   0.045)
    cut_off = passage(0, "ADVERSE REACTIONS The following are described below:", 0.047)
    answer = compose_leaflet_answer([table, cut_off, lead_in, rest])
    assert "led to stopping were: myalgia (0.7%), diarrhea (0.5%) and nausea (0.4%)." in answer
    assert "Insomnia 2.9" not in answer
    # a dose chart is never taken for a table: its rows are what a parent asks for
    chart = {**table, "section": "dosage_and_administration",
             "text": "36-47 lbs (4-5 years) 7.5 mL 48-59 lbs (6-8 years) 10 mL 60-71 lbs 12.5 mL"}
    assert "7.5 mL" in compose_leaflet_answer([chart, {**lead_in, "section": "warnings"}])
