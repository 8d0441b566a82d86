"""The staff KB API handles Korean (MFDS) leaflets like any other: browse, edit a Korean
section, and the next search quotes the new Korean text."""

from __future__ import annotations

import json

import pytest

from core.settings import PathSettings
from knowledge_base.mfds import record_to_document
from knowledge_base.store import open_knowledge_base
from tests.api.conftest import (  # noqa: F401  (fixtures)
    client,
    rasa,
    settings,
    store_template,
    token,
)

PATHS = PathSettings()
pytestmark = pytest.mark.skipif(not PATHS.e_yakeunyo_file.is_file(),
                                reason="shared MFDS data not present")


@pytest.fixture
def with_mfds(settings):  # noqa: F811
    lines = PATHS.e_yakeunyo_file.read_text(encoding="utf-8").splitlines()
    record = next(json.loads(line) for line in lines if "개비스콘더블액션" in line)
    doc = record_to_document(record)
    open_knowledge_base(settings.db_url).import_documents(
        [("mfds:test", doc)], origins={"mfds:test"}, author="importer")
    return doc


def test_a_korean_section_edit_round_trips_and_is_searchable(with_mfds, client):  # noqa: F811
    staff = token(client, "pharmacist")
    doc_id = with_mfds.doc_id
    listed = client.get("/v1/kb/documents", headers=staff, params={"q": "개비스콘"}).json()
    assert doc_id in json.dumps(listed, ensure_ascii=False)
    stored = client.get(f"/v1/kb/documents/{doc_id}", headers=staff).json()
    text = "성인은 1회 10 mL을 하루 세 번 식후에 복용합니다. 한울약국 확인 문구."
    saved = client.put(f"/v1/kb/documents/{doc_id}/sections/dosage_and_administration",
                       headers=staff, json={"text": text, "expected_version": stored["version"]})
    assert saved.status_code == 200, saved.text
    again = client.get(f"/v1/kb/documents/{doc_id}", headers=staff).json()
    assert text in json.dumps(again, ensure_ascii=False)
    hits = client.get("/v1/search", params={"q": "개비스콘더블액션 하루 몇 번 먹어요?",
                                            "k": 3}).json()["hits"]
    assert hits[0]["doc_id"] == doc_id and "한울약국 확인 문구" in hits[0]["text"]
