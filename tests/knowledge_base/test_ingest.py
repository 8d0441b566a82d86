import json

from knowledge_base.ingest import import_all, read_sources
from tests.conftest import CATALOGUE, CHAIN_DOCS


def test_full_import_reports_bad_records_and_is_idempotent(kb, tmp_path):
    labels = tmp_path / "labels.jsonl"
    good = {"set_id": "real-1", "openfda": {"generic_name": ["IBUPROFEN"],
                                            "brand_name": ["Store Ibuprofen"]},
            "dosage_and_administration": ["Directions take 1 tablet every 4 to 6 hours"]}
    labels.write_text(json.dumps(good) + "\n{broken\n")
    batches = read_sources(CATALOGUE, CHAIN_DOCS, [labels, tmp_path / "absent.jsonl"])
    report = import_all(kb, batches, show_progress=False)
    assert [str(e) for e in report.errors] == [f"{labels}:2: invalid JSON: "
                                               "Expecting property name enclosed in double quotes"]
    assert {b.origin for b in batches} == {"catalogue", "fda:labels.jsonl", "chain"}
    total = report.result.created
    assert total == len(kb.current_documents()) >= 60
    revision = kb.revision()
    again = import_all(kb, read_sources(CATALOGUE, CHAIN_DOCS, [labels]), show_progress=False)
    assert again.result.unchanged == total and kb.revision() == revision
