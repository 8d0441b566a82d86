"""The MFDS e약은요 import: every product loads, sections map as the issue lists them, and a
re-run changes nothing (so nothing is re-embedded)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from core.settings import PathSettings
from knowledge_base.ingest import import_all, read_sources
from knowledge_base.mfds import (
    ATTRIBUTION,
    SECTION_FIELDS,
    load_dictionary,
    read_e_yakeunyo,
    record_to_document,
)
from knowledge_base.openfda import RecordError
from knowledge_base.store import open_knowledge_base

PATHS = PathSettings()
# ../shared/data/README.md, "mfds/e_yakeunyo.jsonl": filled sections per field.
README_FILLED = {
    "indications_and_usage": 4698, "dosage_and_administration": 4704, "warnings": 861,
    "precautions": 4705, "drug_interactions": 3201, "adverse_reactions": 4482,
    "storage_and_handling": 4699,
}
RECORD = {
    "itemSeq": "197900277", "itemName": "게보린정(수출명:돌로린정)", "entpName": "삼진제약(주)",
    "mainIngredient": "아세트아미노펜,카페인무수물,이소프로필안티피린",
    "efcyQesitm": "이 약은 두통에 사용합니다.", "useMethodQesitm": "성인은 1회 1정 복용합니다.\n\n"
    "복용간격은 4시간 이상으로 합니다.", "atpnWarnQesitm": "", "atpnQesitm": "주의하십시오.",
    "intrcQesitm": "", "seQesitm": "", "depositMethodQesitm": "실온에서 보관하십시오.",
    "openDe": "2020-12-24", "updateDe": "2024-01-16",
}
needs_data = pytest.mark.skipif(not PATHS.e_yakeunyo_file.is_file(),
                                reason="shared MFDS data not present")


def test_one_record_maps_to_a_korean_leaflet():
    doc = record_to_document(RECORD)
    assert doc.doc_id == "mfds-197900277" and doc.title == "게보린정(수출명:돌로린정)"
    assert doc.kind == "leaflet" and doc.audience == "consumer" and doc.language == "ko"
    assert doc.effective_date == "2024-01-16"
    assert [s.key for s in doc.sections] == [
        "indications_and_usage", "dosage_and_administration", "precautions",
        "storage_and_handling"]  # empty sections skipped, in the issue's order
    assert doc.section("dosage_and_administration").title == "용법·용량"
    assert "\n\n" in doc.section("dosage_and_administration").text  # paragraphs kept
    assert "게보린" in doc.brand_names and "Geworin" in doc.brand_names
    assert "삼진제약" in doc.source and ATTRIBUTION in doc.source
    assert "아세트아미노펜" in doc.generic_names


def test_korean_ingredients_fold_to_english_keys_with_the_dur_dictionary():
    doc = record_to_document(RECORD, load_dictionary(PATHS.dur_dir))
    assert doc.generic_names[:2] == ("acetaminophen", "caffeine")
    assert "아세트아미노펜" in doc.drug  # the Korean name stays searchable


def test_the_section_map_is_the_issue_s():
    assert {f: k for f, (k, _) in SECTION_FIELDS.items()} == {
        "efcyQesitm": "indications_and_usage", "useMethodQesitm": "dosage_and_administration",
        "atpnWarnQesitm": "warnings", "atpnQesitm": "precautions",
        "intrcQesitm": "drug_interactions", "seQesitm": "adverse_reactions",
        "depositMethodQesitm": "storage_and_handling"}


def test_bad_records_are_reported_not_fatal(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join([json.dumps(RECORD, ensure_ascii=False), "{not json",
                               json.dumps({**RECORD, "itemSeq": ""})]), encoding="utf-8")
    items = list(read_e_yakeunyo(path))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "RecordError"]
    assert isinstance(items[1], RecordError) and items[1].line == 2


@needs_data
def test_all_4712_products_and_their_sections_load():
    items = list(read_e_yakeunyo(PATHS.e_yakeunyo_file))
    errors = [i for i in items if isinstance(i, RecordError)]
    assert errors == []
    assert len(items) == 4712 and len({d.doc_id for d in items}) == 4712
    assert Counter(s.key for d in items for s in d.sections) == README_FILLED


@needs_data
def test_import_is_idempotent_and_incremental(tmp_path):
    kb = open_knowledge_base(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    lines = PATHS.e_yakeunyo_file.read_text(encoding="utf-8").splitlines()[:40]
    source = tmp_path / "e_yakeunyo.jsonl"
    source.write_text("\n".join(lines), encoding="utf-8")

    def run():
        batches = read_sources(None, None, [], mfds_file=source)
        return import_all(kb, batches, show_progress=False).result

    assert run().created == 40
    again = run()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 40)
    record = json.loads(lines[0])
    record["useMethodQesitm"] += "\n\n수정된 문단입니다."
    record["updateDe"] = "2025-01-01"
    source.write_text("\n".join([json.dumps(record, ensure_ascii=False), *lines[1:]]),
                      encoding="utf-8")
    changed = run()
    assert (changed.updated, changed.unchanged) == (1, 39)
