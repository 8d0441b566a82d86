"""The staff API and console on translated chain documents: each one's language, its pair,
and whether it is older than its pair; edits of either side through the existing routes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from api.routes.staff import STAFF
from api.services import kb_admin
from api.services.kb_admin import STALE_GRACE, translation_links
from knowledge_base import store
from knowledge_base.store import DocumentSummary
from tests.api.conftest import token
from tests.static_modules import reached_modules

HOURS, HOURS_KO = "faq-opening-hours", "faq-opening-hours-ko"
SEOUL = "seoul_branch_opening_hours_per_branch"


@pytest.fixture
def staff(client):
    return token(client, "pharmacist")


def later(monkeypatch, minutes: int) -> None:
    """Saves from here on are written ``minutes`` after the import (past STALE_GRACE)."""
    real = store.utcnow.__wrapped__ if hasattr(store.utcnow, "__wrapped__") else store.utcnow

    def shifted() -> datetime:
        return real() + timedelta(minutes=minutes)

    shifted.__wrapped__ = real  # type: ignore[attr-defined]
    monkeypatch.setattr(store, "utcnow", shifted)


def _rows(client, staff, **params) -> dict[str, dict]:
    response = client.get("/v1/kb/documents", headers=staff, params=params)
    assert response.status_code == 200, response.text
    return {r["doc_id"]: r for r in response.json()}


def test_the_list_links_each_chain_document_to_its_pair(client, staff):
    rows = _rows(client, staff)
    assert rows[HOURS].items() >= {"language": "en", "translation_of": None,
                                   "translations": [HOURS_KO], "stale_translation": False}.items()
    assert rows[HOURS_KO].items() >= {"language": "ko", "translation_of": HOURS,
                                      "translations": [HOURS], "stale_translation": False}.items()
    chain = [r for r in rows.values() if r["kind"] != "leaflet"]
    assert len(chain) == 38 and not any(r["stale_translation"] for r in chain)
    assert all(len(r["translations"]) == 1 for r in chain)  # freshly imported: all in step
    leaflet = rows["cat-advil-tablets"]
    assert (leaflet["language"], leaflet["translation_of"], leaflet["translations"]) == (
        None, None, [])


def test_a_search_filter_does_not_hide_the_pair(client, staff):
    rows = _rows(client, staff, q="opening-hours-ko")
    assert list(rows) == [HOURS_KO] and rows[HOURS_KO]["translations"] == [HOURS]


def test_the_detail_view_has_the_links_too(client, staff):
    korean = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    assert (korean["language"], korean["translation_of"], korean["translations"],
            korean["stale_translation"]) == ("ko", HOURS, [HOURS], False)
    english = client.get(f"/v1/kb/documents/{HOURS}", headers=staff).json()
    assert (english["language"], english["translation_of"], english["translations"]) == (
        "en", None, [HOURS_KO])
    assert [s["key"] for s in korean["sections"]] == [s["key"] for s in english["sections"]]
    leaflet = client.get("/v1/kb/documents/cat-advil-tablets", headers=staff).json()
    assert (leaflet["language"], leaflet["translation_of"], leaflet["translations"]) == (
        "en", None, [])


def _edit_section(client, staff, doc_id: str, key: str, text: str) -> None:
    version = client.get(f"/v1/kb/documents/{doc_id}", headers=staff).json()["version"]
    response = client.put(f"/v1/kb/documents/{doc_id}/sections/{key}", headers=staff,
                          json={"text": text, "expected_version": version})
    assert response.status_code == 200, response.text


def _stale(client, staff) -> dict[str, bool]:
    rows = _rows(client, staff, kind="store_faq")
    return {doc_id: rows[doc_id]["stale_translation"] for doc_id in (HOURS, HOURS_KO)}


def test_editing_one_side_makes_the_other_older(client, staff, monkeypatch):
    later(monkeypatch, 5)
    english = client.get(f"/v1/kb/documents/{HOURS}", headers=staff).json()
    text = english["sections"][2]["text"].replace("| Jamsil | 09:00–22:00",
                                                  "| Jamsil | 09:00–23:00")
    _edit_section(client, staff, HOURS, SEOUL, text)
    assert _stale(client, staff) == {HOURS: False, HOURS_KO: True}
    korean = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    assert korean["stale_translation"] is True and korean["translations"] == [HOURS]
    # the Korean side catches up (a later save): now the English one is the older
    korean_text = korean["sections"][2]["text"].replace("| 잠실점 | 09:00–22:00",
                                                        "| 잠실점 | 09:00–23:00")
    later(monkeypatch, 10)
    _edit_section(client, staff, HOURS_KO, SEOUL, korean_text)
    assert _stale(client, staff) == {HOURS: True, HOURS_KO: False}
    assert client.get(f"/v1/kb/documents/{HOURS}", headers=staff).json()["stale_translation"]
    # the edited Korean text is searchable, from the Korean document
    hits = client.get("/v1/search", params={"q": "잠실점 일요일 영업시간", "k": 3,
                                                  "kind": "store_faq"}).json()["hits"]
    assert hits[0]["doc_id"] == HOURS_KO
    assert any("| 잠실점 | 09:00–23:00" in h["text"] for h in hits)


def _entry(doc: dict, markdown: str) -> dict:
    return {"doc_id": doc["doc_id"], "title": doc["title"], "audience": doc["audience"],
            "kind": doc["kind"], "effective_date": doc["effective_date"], "markdown": markdown}


def _markdown(doc: dict) -> str:  # as the console's entry form writes it back
    return "\n\n".join(f"## {s['title']}\n{s['text']}" for s in doc["sections"])


def test_replacing_a_translation_keeps_it_korean_and_linked(client, staff):
    korean = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    markdown = _markdown(korean).replace("08:30–21:00", "08:00–21:00")
    response = client.put(f"/v1/kb/entries/{HOURS_KO}", headers=staff,
                          params={"expected_version": korean["version"]},
                          json=_entry(korean, markdown))
    assert response.status_code == 200, response.text
    saved = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    assert saved["version"] == korean["version"] + 1
    assert (saved["language"], saved["translation_of"], saved["translations"]) == (
        "ko", HOURS, [HOURS])
    assert [s["key"] for s in saved["sections"]] == [s["key"] for s in korean["sections"]]
    assert [s["title"] for s in saved["sections"]] == [s["title"] for s in korean["sections"]]
    assert "| 종로점 | 08:00–21:00" in saved["sections"][2]["text"]


def test_a_translation_whose_sections_do_not_line_up_is_refused(client, staff):
    korean = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    markdown = _markdown(korean) + "\n\n## 새 섹션\n영어 문서에는 없는 섹션입니다."
    response = client.put(f"/v1/kb/entries/{HOURS_KO}", headers=staff,
                          params={"expected_version": korean["version"]},
                          json=_entry(korean, markdown))
    assert response.status_code == 422
    assert "has 8 sections but its original faq-opening-hours has 7" in response.text
    after = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()
    assert after["version"] == korean["version"]


def test_a_translation_needs_its_original(client, staff):
    body = {"doc_id": "faq-parking-ko", "title": "주차", "audience": "consumer",
            "kind": "store_faq", "markdown": "## 주차\n잠실점은 30분 무료입니다."}
    response = client.post("/v1/kb/entries", headers=staff, json=body)
    assert response.status_code == 422 and "no live document faq-parking" in response.text
    english = {**body, "doc_id": "faq-parking", "title": "Parking",
               "markdown": "## Parking at Jamsil\n30 minutes free."}
    assert client.post("/v1/kb/entries", headers=staff, json=english).status_code == 201
    created = client.post("/v1/kb/entries", headers=staff, json=body)
    assert created.status_code == 201, created.text
    saved = client.get("/v1/kb/documents/faq-parking-ko", headers=staff).json()
    assert saved["sections"][0]["key"] == "parking_at_jamsil" and saved["language"] == "ko"
    assert _rows(client, staff)["faq-parking"]["translations"] == ["faq-parking-ko"]


def test_deleting_one_side_unlinks_it(client, staff):
    version = client.get(f"/v1/kb/documents/{HOURS_KO}", headers=staff).json()["version"]
    deleted = client.delete(f"/v1/kb/documents/{HOURS_KO}", headers=staff,
                            params={"expected_version": version})
    assert deleted.status_code == 200
    english = client.get(f"/v1/kb/documents/{HOURS}", headers=staff).json()
    assert english["translations"] == [] and english["stale_translation"] is False


def test_store_hours_answers_still_quote_the_english_table(client):
    for text, language in (("잠실점 일요일 몇 시까지 해요?", "ko"),
                           ("When does the Jamsil branch close on Sunday?", "en")):
        found = client.post("/v1/stores/hours", json={"text": text, "language": language})
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["applies"] and "20:00" in body["text"]
        assert body["sources"][0]["doc_id"] == HOURS


def _summary(doc_id: str, at: datetime, *, deleted: bool = False) -> DocumentSummary:
    return DocumentSummary(doc_id, "store_faq", "consumer", doc_id, 1, deleted, at, (), ())


def test_a_pair_written_within_the_grace_counts_as_changed_together():
    now = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
    links = translation_links([_summary("faq-x", now + STALE_GRACE / 2),
                               _summary("faq-x-ko", now)])
    assert not links["faq-x"].stale_translation and not links["faq-x-ko"].stale_translation
    links = translation_links([_summary("faq-x", now + 2 * STALE_GRACE),
                               _summary("faq-x-ko", now)])
    assert links["faq-x-ko"].stale_translation and not links["faq-x"].stale_translation
    links = translation_links([_summary("faq-x", now + 2 * STALE_GRACE, deleted=True),
                               _summary("faq-x-ko", now), _summary("faq-y", now)])
    assert links["faq-x-ko"].translations == [] and not links["faq-x-ko"].stale_translation
    assert links["faq-y"].translations == [] and links["faq-y"].language == "en"
    assert timedelta(minutes=1) == kb_admin.STALE_GRACE


def test_the_console_modules_that_show_translations_load(client):
    reached = reached_modules(client.get, "/static/staff")
    assert {"js/documents.js", "js/document_view.js", "js/format.js"} <= reached
    assert {"js/documents.js", "js/document_view.js", "js/format.js"} <= STAFF.assets
    listing = client.get("/static/staff/js/documents.js").text
    view = client.get("/static/staff/js/document_view.js").text
    for script in (listing, view):
        assert "Older than its translation" in script and "stale_translation" in script
        assert "translation-link" in script and "doc-language" in script
    assert "Korean translation" in view and "Translation of" in view
    assert 'ko: "Korean · 한국어"' in client.get("/static/staff/js/format.js").text
