"""GET /v1/pills: identification over the real MFDS pill data, and its refusals."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from core.database import make_engine, make_session_factory
from core.schema import upgrade_schema
from core.settings import Settings
from knowledge_base.pill_import import import_pills, leaflet_file_for
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa
from tests.conftest import make_settings

PILL_FILE = Settings().paths.pill_identification_file
needs_data = pytest.mark.skipif(
    not PILL_FILE.is_file() or not leaflet_file_for(PILL_FILE).is_file(),
    reason=f"MFDS pill data not present at {PILL_FILE} (../shared/data/mfds/)")


@pytest.fixture(scope="module")
def pill_client(tmp_path_factory, small_index_settings, embedder):
    """The real app on a store holding all 25,040 pills (imported once for the module)."""
    settings = make_settings(tmp_path_factory.mktemp("pills"))
    shutil.copytree(small_index_settings.paths.index_dir, settings.paths.index_dir)
    engine = make_engine(settings.db_url)
    upgrade_schema(engine)
    import_pills(make_session_factory(engine), settings.paths.pill_identification_file)
    engine.dispose()
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as client:
        yield client


@needs_data
def test_imprint_colour_and_shape_name_the_pill(pill_client):
    response = pill_client.get("/v1/pills", params={"imprint": "IDG", "color": "연두",
                                                    "shape": "원형", "lang": "en"})
    assert response.status_code == 200, response.text
    body = response.json()
    top = body["candidates"][0]
    assert top["name"].startswith("가스디알정") and top["group"] == 1
    assert top["shape"] == "round" and top["colors"] == ["light green"]
    assert top["rx"] is True and top["otc_label"] == "prescription"
    assert top["size"]["long_mm"] == pytest.approx(7.6) and top["leaflet_doc_id"] is None
    assert body["confidence_label"] == "high" and body["ambiguous"] is False
    assert body["query"]["imprint_normalised"] == "IDG" and body["language"] == "en"


@needs_data
def test_tylenol_in_korean_with_its_leaflet_link(pill_client):
    response = pill_client.get("/v1/pills", params={"imprint": "tylenol 500", "color": "흰색",
                                                    "shape": "장방형"},
                               headers={"Accept-Language": "ko-KR"})
    assert response.status_code == 200
    body = response.json()
    top = body["candidates"][0]
    assert top["item_seq"] == "202106092" and top["leaflet_doc_id"] == "mfds-202106092"
    assert top["shape"] == "장방형" and top["colors"] == ["하양"]
    assert top["otc_label"] == "일반의약품" and top["rx"] is False
    assert body["language"] == "ko"


@needs_data
def test_one_side_only_is_marked_ambiguous_and_limit_counts_groups(pill_client):
    body = pill_client.get("/v1/pills", params={"imprint": "YH", "color": "yellow",
                                                "shape": "round", "limit": 3}).json()
    assert body["ambiguous"] is True and "other_side" in body["ask_for"]
    assert {c["group"] for c in body["candidates"]} == {1, 2, 3}
    assert body["candidates"][0]["look_alikes"] >= 2


@needs_data
def test_colour_only_asks_for_the_imprint(pill_client):
    body = pill_client.get("/v1/pills", params={"color": "white", "form": "capsule"}).json()
    assert body["ask_for"][0] == "imprint" and body["ambiguous"] is True
    assert all(c["form_kind"] == "capsule" for c in body["candidates"])


@pytest.mark.parametrize(("params", "field", "words"), [
    ({}, "imprint", "nothing to search by"),
    ({"form": "tablet"}, "imprint", "nothing to search by"),
    ({"imprint": " - "}, "imprint", "nothing to search by"),
    ({"color": "sparkly"}, "color", "unknown colour"),
    ({"shape": "blob"}, "shape", "unknown shape"),
    ({"imprint": "IDG", "lang": "fr"}, "lang", ""),
    ({"imprint": "IDG", "limit": 0}, "limit", ""),
    ({"imprint": "IDG", "limit": 21}, "limit", ""),
])
def test_nothing_to_search_by_or_a_bad_parameter_is_422(client, params, field, words):
    response = client.get("/v1/pills", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"][0]["loc"] == ["query", field]
    assert words in body["message"]


def test_a_database_without_pills_answers_with_no_candidates(client):
    response = client.get("/v1/pills", params={"imprint": "IDG", "color": "green"})
    assert response.status_code == 200
    body = response.json()
    assert body["candidates"] == [] and body["confidence_label"] == "none"


def test_the_route_is_documented_with_its_response_model(client):
    operation = client.app.openapi()["paths"]["/v1/pills"]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/PillSearchResponse")
    assert {p["name"] for p in operation["parameters"]} == {
        "imprint", "color", "shape", "form", "lang", "limit"}


@needs_data
@pytest.mark.parametrize(("text", "language", "expected"), [
    ("흰색 원형 알약에 IDG라고 써 있어요", "ko", "가스디알"),
    ("I found a white round pill marked IDG, what is it?", "en", "가스디알"),
])
def test_a_described_pill_becomes_a_chat_reply(pill_client, text, language, expected):
    response = pill_client.post("/v1/pills/identify", json={"text": text, "language": language})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["imprint"] == "IDG"
    assert any(expected in c["name"] for c in body["candidates"][:3]), body["candidates"]
    assert body["sources"][0]["section"] == "pill_identification"
    never = "드시지 마세요" if language == "ko" else "don't take a pill you can't identify"
    assert never in body["text"]


def test_without_an_imprint_the_chat_asks_for_it(pill_client):
    body = pill_client.post("/v1/pills/identify", json={
        "text": "what is a small yellow round pill?"}).json()
    assert body["ask_for"] == ["imprint"] and body["candidates"] == []
    assert "printed on each side" in body["text"]


def test_identify_refuses_an_empty_description(pill_client):
    response = pill_client.post("/v1/pills/identify", json={"text": ""})
    assert response.status_code == 422
