"""Korean product names as people type them, and the Korean index part's routing."""

from __future__ import annotations

import json

import pytest

from core.settings import PathSettings
from knowledge_base.medicine_names import MedicineLexicon
from knowledge_base.mfds import record_to_document
from retrieval.hybrid import HybridSearcher
from retrieval.indexing import build_and_publish
from retrieval.korean import korean_morphemes, tokenize_korean
from retrieval.snapshot import load_snapshot
from tests.conftest import make_settings

PATHS = PathSettings()
PRODUCTS = ("이지엔6이브", "이지엔6나이트", "이지엔6애니", "타이레놀정500", "부스코판당의정",
            "개비스콘더블액션", "그날엔정", "그날엔딥24플라스타", "복합써스펜좌약", "탁센연질캡슐")
pytestmark = pytest.mark.skipif(not PATHS.e_yakeunyo_file.is_file(),
                                reason="shared MFDS data not present")


@pytest.fixture(scope="module")
def mfds_documents():
    docs = []
    for line in PATHS.e_yakeunyo_file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if any(record["itemName"].startswith(p) for p in PRODUCTS):
            docs.append(record_to_document(record))
    return docs


@pytest.fixture(scope="module")
def lexicon(mfds_documents):
    return MedicineLexicon.from_documents(mfds_documents)


def _titles(lexicon, mfds_documents, text):
    by_id = {d.doc_id: d.title for d in mfds_documents}
    return [by_id[d] for m in lexicon.detect(text) for d in m.doc_ids]


@pytest.mark.parametrize(("question", "expected"), [
    ("이지엔6 이브 하루 몇 번 먹어요?", "이지엔6이브"),  # spacing
    ("이지엔6 생리통인데 나이트 먹어도 돼요?", "이지엔6나이트"),  # family + the word that fits
    ("타이래놀 몇 알 먹어요?", "타이레놀정500"),  # a jamo-level typo
    ("타이레놀 500 하루 몇 번?", "타이레놀정500"),  # name + strength without the form
    ("탁센은 공복에 먹어도 돼요?", "탁센"),  # a particle attached
    ("그날엔 플라스타 어떻게 붙여요?", "그날엔딥24플라스타"),
    ("써스펜 좌약 몇 개 넣어요?", "복합써스펜좌약"),  # a maker's prefix dropped
    ("How many Buscopan tablets a day?", "부스코판"),  # an English brand of a Korean product
])
def test_korean_product_names_resolve(lexicon, mfds_documents, question, expected):
    titles = _titles(lexicon, mfds_documents, question)
    assert titles and all(t.startswith(expected) for t in titles), titles


def test_a_family_name_alone_keeps_the_whole_family(lexicon, mfds_documents):
    titles = _titles(lexicon, mfds_documents, "이지엔6 어떤 게 좋아요?")
    assert {t[:6] for t in titles} >= {"이지엔6이브", "이지엔6나이", "이지엔6애니"}


@pytest.mark.parametrize("question", ["오늘 날씨 어때요", "어린이가 먹어도 되나요",
                                      "덱스트로메토르판 같이 먹어도 돼요?"])
def test_ordinary_words_are_not_products(lexicon, question):
    assert [m.doc_ids for m in lexicon.detect(question) if m.doc_ids] == []


def test_kiwi_keeps_content_morphemes():
    tokens = tokenize_korean(["성인은 1회 1정 복용합니다."])[0]
    assert "성인" in tokens and "복용" in tokens and "은" not in tokens


def test_kiwi_morphemes_keep_endings_and_drop_punctuation():
    morphemes = korean_morphemes(["약을 먹었어요.", "먹으면 돼요?"])
    assert morphemes[0] == ["약/NNG", "을/JKO", "먹/VV", "었/EP", "어요/EF"]
    assert "으면/EC" in morphemes[1] and "?/SF" not in morphemes[1]


@pytest.fixture(scope="module")
def korean_searcher(tmp_path_factory, mfds_documents, small_documents, embedder,
                    token_counter):
    settings = make_settings(tmp_path_factory.mktemp("ko-index"))
    documents = [*small_documents, *mfds_documents]
    build_and_publish(documents, revision=1, index_dir=settings.paths.index_dir,
                      settings=settings.retrieval, embedder=embedder, counter=token_counter,
                      lexicon_dir=settings.paths.lexicon_dir)
    return HybridSearcher(load_snapshot(settings.paths.index_dir), embedder,
                          settings.retrieval), settings


def test_a_korean_question_about_a_korean_product_gets_its_korean_leaflet(korean_searcher):
    searcher, settings = korean_searcher
    result = searcher.search("이지엔6이브 생리통에 하루 몇 번 먹어요?", k=5)
    top = result.hits[0].chunk
    assert top.title.startswith("이지엔6이브") and top.section == "dosage_and_administration"
    assert top.language == "ko" and result.confidence >= settings.retrieval.min_confidence


def test_an_english_question_about_a_korean_only_product_finds_it(korean_searcher):
    searcher, _ = korean_searcher
    top = searcher.search("How many Buscopan tablets can I take a day?", k=5).hits[0].chunk
    assert top.title.startswith("부스코판") and top.section == "dosage_and_administration"


def test_english_questions_about_us_products_stay_on_us_labels(korean_searcher):
    searcher, _ = korean_searcher
    hits = searcher.search("How often can I take Tylenol?", k=5).hits
    assert all(h.chunk.language == "en" for h in hits)


def test_an_edit_re_encodes_only_the_changed_korean_chunk(korean_searcher, mfds_documents,
                                                          small_documents, embedder,
                                                          token_counter):
    _, settings = korean_searcher
    doc = mfds_documents[0]
    section = doc.sections[0].model_copy(update={"text": doc.sections[0].text + " 추가 문장."})
    edited = doc.model_copy(update={"sections": (section, *doc.sections[1:])})
    documents = [*small_documents, edited, *mfds_documents[1:]]
    _, report = build_and_publish(
        documents, revision=2, index_dir=settings.paths.index_dir, settings=settings.retrieval,
        embedder=embedder, counter=token_counter, lexicon_dir=settings.paths.lexicon_dir)
    assert report.embedded == 1


@pytest.mark.parametrize(("question", "doc_id"), [
    ("연말정산 서류는 언제까지 내야 돼요?", "hr-payroll-ko"),
])
def test_a_korean_handbook_page_both_searches_rank_first_is_confident(korean_searcher,
                                                                      question, doc_id):
    searcher, settings = korean_searcher
    result = searcher.search(question, k=3, audience="employee", kinds=("hr_handbook",))
    assert result.hits[0].chunk.doc_id == doc_id
    # USE's cosine alone is below the bar; the two searches agreeing is the evidence
    assert max(h.dense_score for h in result.hits) < settings.retrieval.min_confidence
    assert result.confidence == settings.retrieval.korean_agreed_confidence


def test_agreement_never_lifts_a_korean_leaflet_without_a_named_product(korean_searcher):
    searcher, settings = korean_searcher
    result = searcher.search("속이 쓰리고 더부룩할 때", k=3, kinds=("leaflet",))
    assert result.hits and result.hits[0].chunk.kind == "leaflet"
    assert result.confidence < settings.retrieval.korean_agreed_confidence
