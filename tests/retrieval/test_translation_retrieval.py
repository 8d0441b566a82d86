"""Store and HR questions answered in the asker's language: a Korean question from the Korean
translation of a chain document (the Korean index part: Kiwi BM25 + USE), an English one from
the English document, as before. Over the small real index (leaflets + chain documents)."""

from __future__ import annotations

import re

import pytest

from retrieval.service import SearchService

STORE = ("store_faq",)
HR = ("hr_handbook",)


@pytest.fixture(scope="module")
def service(small_index_settings, embedder):
    svc = SearchService(small_index_settings, embedder)
    svc.load()
    return svc


def test_korean_translations_are_in_the_korean_index_part(service):
    snapshot = service.snapshot
    assert snapshot is not None and snapshot.korean is not None
    korean_ids = set(snapshot.korean.ids.tolist())
    translated = [i for i, c in enumerate(snapshot.chunks) if c.doc_id.endswith("-ko")]
    assert translated and set(translated) <= korean_ids
    assert {snapshot.chunks[i].language for i in translated} == {"ko"}
    english = [c for c in snapshot.chunks if c.doc_id == "faq-opening-hours"]
    assert english and {c.language for c in english} == {"en"}
    chunk = next(c for c in snapshot.chunks if c.doc_id == "faq-opening-hours-ko")
    assert chunk.search_text.startswith("영업시간 및 명절·공휴일 영업시간. ")


@pytest.mark.parametrize("kinds", [STORE, ()])
def test_a_korean_store_question_gets_the_korean_document_first(service, kinds):
    hits = service.search("강남점 영업시간은?", k=3, kinds=kinds).hits
    assert hits[0].chunk.doc_id == "faq-opening-hours-ko"
    assert hits[0].chunk.language == "ko" and re.search("[가-힣]", hits[0].chunk.section_title)


@pytest.mark.parametrize("kinds", [STORE, ()])
def test_an_english_store_question_gets_the_english_document(service, kinds):
    hits = service.search("Gangnam opening hours", k=3, kinds=kinds).hits
    assert hits[0].chunk.doc_id == "faq-opening-hours"
    assert all(h.chunk.language == "en" for h in hits)


@pytest.mark.parametrize(("question", "doc_id"), [
    ("반차 쓰려면 어떻게 해요?", "hr-annual-leave-ko"),
    ("병가 며칠 있어요?", "hr-sick-leave-ko"),
    ("how do I take a half day of annual leave?", "hr-annual-leave"),
    ("how many paid sick days do I get?", "hr-sick-leave"),
])
def test_hr_questions_are_answered_in_their_language(service, question, doc_id):
    hits = service.search(question, k=3, audience="employee", kinds=HR).hits
    assert hits[0].chunk.doc_id == doc_id
    assert {h.chunk.language for h in hits} == {"ko" if doc_id.endswith("-ko") else "en"}


def test_a_korean_question_cites_the_same_section_key_as_the_english_one(service):
    korean = service.search("포인트 언제 소멸돼요?", k=1, kinds=STORE).hits[0].chunk
    english = service.search("When do Haneul Points expire?", k=1, kinds=STORE).hits[0].chunk
    assert (korean.doc_id, english.doc_id) == ("faq-loyalty-points-ko", "faq-loyalty-points")
    assert korean.section == english.section == "when_haneul_points_expire"


def test_consumers_never_see_the_korean_handbook(service):
    hits = service.search("연차 며칠이에요?", k=10, audience="consumer").hits
    assert hits and all(h.chunk.audience == "consumer" for h in hits)
