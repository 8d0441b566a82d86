import json

import pytest

from knowledge_base.documents import Document
from knowledge_base.openfda import (
    RecordError,
    read_catalogue,
    read_openfda_file,
    record_to_document,
    strip_heading,
)
from tests.conftest import CATALOGUE

RECORD = {
    "set_id": "ABC-123",
    "effective_time": "20250414",
    "openfda": {"generic_name": ["CETIRIZINE HYDROCHLORIDE"], "brand_name": ["Allergy Relief"],
                "product_type": ["HUMAN OTC DRUG"]},
    "dosage_and_administration": ["Directions adults and children 6 years and over: one 10 mg "
                                  "tablet once daily"],
    "do_not_use": ["Do not use if you have ever had an allergic reaction to this product"],
    "package_label_principal_display_panel": ["PRINCIPAL DISPLAY PANEL"],
    "dosage_and_administration_table": ["<table>...</table>"],
}


def test_record_becomes_a_leaflet_with_openfda_section_keys():
    doc = record_to_document(RECORD, source="test")
    assert doc.doc_id == "fda-abc-123"
    assert doc.generic_names == ("cetirizine",)
    assert doc.brand_names == ("Allergy Relief",)
    assert doc.effective_date == "2025-04-14"
    assert [s.key for s in doc.sections] == ["dosage_and_administration", "do_not_use"]
    # the repeated "Directions" heading is dropped, "Do not use" keeps its meaning
    assert doc.section("dosage_and_administration").text.startswith("adults and children")
    assert doc.section("do_not_use").text.startswith("Do not use if")


def test_strip_heading_handles_numbered_prescription_headings():
    assert strip_heading("dosage_and_administration",
                         "2 DOSAGE AND ADMINISTRATION 2.1 Adults: 500 mg") == "2.1 Adults: 500 mg"
    assert strip_heading("warnings", "Warnings: Liver warning") == "Liver warning"
    assert strip_heading("warnings", "Warningsigns") == "Warningsigns"


def test_jsonl_with_bad_lines_reports_file_and_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "labels.jsonl"
    no_generic = {**RECORD, "set_id": "x2", "openfda": {}}
    lines = [json.dumps(RECORD), "{not json", "", json.dumps(no_generic),
             json.dumps({**RECORD, "set_id": "x3"})]
    path.write_text("\n".join(lines))
    items = list(read_openfda_file(path))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [d.doc_id for d in docs] == ["fda-abc-123", "fda-x3"]
    assert [(e.line, e.file) for e in errors] == [(2, str(path)), (4, str(path))]
    assert "invalid JSON" in errors[0].reason and "generic_name" in errors[1].reason


def test_results_envelope_is_read(tmp_path):
    path = tmp_path / "label.json"
    path.write_text(json.dumps({"meta": {}, "results": [RECORD, {"set_id": "y"}]}))
    items = list(read_openfda_file(path))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], RecordError) and items[1].line == 2


def test_label_without_directions_is_refused():
    record = {k: v for k, v in RECORD.items() if k != "dosage_and_administration"}
    with pytest.raises(ValueError, match="dosage_and_administration"):
        record_to_document(record, source="test")


def test_embedded_catalogue_is_complete_and_valid():
    items = list(read_catalogue(CATALOGUE))
    errors = [str(i) for i in items if isinstance(i, RecordError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert errors == []
    assert len(docs) >= 60
    generics = {g for d in docs for g in d.generic_names}
    required = {
        "ibuprofen", "acetaminophen", "naproxen", "aspirin", "loratadine", "cetirizine",
        "fexofenadine", "diphenhydramine", "omeprazole", "famotidine", "loperamide",
        "bismuth subsalicylate", "guaifenesin", "dextromethorphan", "pseudoephedrine",
        "phenylephrine", "hydrocortisone", "miconazole", "clotrimazole", "terbinafine",
        "nicotine", "polyethylene glycol 3350", "docusate", "calcium carbonate", "meclizine",
    }
    assert required <= generics, required - generics
    combos = {d.generic_names for d in docs if len(d.generic_names) > 1}
    assert ("acetaminophen", "diphenhydramine") in combos
    assert ("ibuprofen", "diphenhydramine") in combos
    for doc in docs:
        assert "catalogue" in doc.source and doc.effective_date, doc.doc_id
        assert doc.brand_names, doc.doc_id


def test_jsonl_records_may_hold_unicode_line_separators(tmp_path):
    path = tmp_path / "labels.jsonl"
    brand = "Allergy\u2028Relief\x85Plus"
    odd = {**RECORD, "openfda": {**RECORD["openfda"], "brand_name": [brand]}}
    path.write_text(json.dumps(odd, ensure_ascii=False) + "\n" + json.dumps(RECORD) + "\n",
                    encoding="utf-8")
    items = list(read_openfda_file(path))
    assert [type(i) for i in items] == [Document, Document]
    assert items[0].brand_names == (brand,)
