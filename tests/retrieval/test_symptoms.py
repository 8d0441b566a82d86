"""Symptom questions: recognising them, the symptom named, and ranking products by it."""

from __future__ import annotations

import pytest

from retrieval.chunking import Chunk
from retrieval.hybrid import Hit
from retrieval.symptoms import about_a_child, asks_for_products, rank_products, symptoms_in


@pytest.mark.parametrize("text", [
    "I'm constipated, what do you recommend?", "what's good for a cold sore?",
    "what can I take to stop feeling seasick on a ferry?",
    "I can't sleep, is there anything over the counter?", "something for hay fever?",
    "변비약 추천해 주세요", "설사가 심한데 무슨 약 먹으면 돼요?", "두통에 좋은 약 있어요?",
    "멀미약 뭐가 좋아요?",
])
def test_requests_for_something_to_take(text):
    assert asks_for_products(text)


@pytest.mark.parametrize("text", [
    "how often can I take ibuprofen?", "is it safe during pregnancy?", "hello",
    "타이레놀 하루에 몇 번 먹어요?", "강남점 몇 시에 닫아요?",
])
def test_other_questions_are_not(text):
    assert not asks_for_products(text)


def uses(text: str) -> list[str]:
    return [s.uses[0] for s in symptoms_in(text)]


def test_the_longest_wording_wins():
    assert uses("what's good for a cold sore?") == ["cold sore"]
    assert uses("something for hay fever") == ["hay fever"]
    assert set(uses("I have a cold and a fever")) == {"common cold", "fever"}
    assert uses("변비약 추천") == ["constipation"]
    assert uses("feeling seasick") == ["motion sickness"]
    assert uses("heartburn after dinner") == ["heartburn"]  # not "burn"


def hit(doc_id: str, title: str, drug: str, text: str, section: str = "indications_and_usage",
        language: str = "en") -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}#0", doc_id=doc_id, kind="leaflet", audience="consumer",
                  title=title, drug=drug, brands=(), section=section, section_title="Uses",
                  effective_date=None, text=text, search_text=text, language=language)
    return Hit(chunk, 1.0, 0.5)


def test_products_that_name_the_symptom_first_and_early():
    hits = [
        hit("a", "Daytime Cold", "acetaminophen", "temporarily relieves symptoms due to a cold"),
        hit("b", "Stomach Mix", "x", "이 약은 과음, 속쓰림, 위트림, 과식, 위통, 소화불량, "
            "식욕부진, 위산과다, 구역, 구토, 복통, 설사에 사용합니다.", language="ko"),
        hit("c", "Abreva", "docosanol", "Cold sore/fever blister treatment"),
        hit("c2", "Abreva Pump", "docosanol", "treats cold sores"),
        hit("d", "Loperamide", "loperamide", "이 약은 급성설사와 만성설사에 사용합니다.",
            language="ko"),
        hit("e", "Abreva", "docosanol", "Cold sore", section="warnings"),
    ]
    sore = rank_products(hits, symptoms_in("what's good for a cold sore?"))
    assert [h.chunk.doc_id for h in sore] == ["c"]  # one per product; the cold medicine is out
    diarrhea = rank_products(hits, symptoms_in("설사약 추천"))
    assert [h.chunk.doc_id for h in diarrhea] == ["d", "b"]  # named early beats in passing


def test_a_child_gets_childrens_products_only_when_there_are_some():
    hits = [hit("a", "Aleve", "naproxen", "reduces fever"),
            hit("b", "Children's Tylenol", "acetaminophen", "Pain reliever/fever reducer")]
    text = "my 4 year old has a fever, what can I give her?"
    assert about_a_child(text) and about_a_child("5살 아이") and about_a_child("돌 아기")
    assert not about_a_child("I'm 70 years old") and not about_a_child("what helps a cold?")
    # children's products exist: only those (an adult's product is not offered for a child)
    assert [h.chunk.doc_id for h in rank_products(hits, symptoms_in(text), child=True)] == ["b"]
    assert [h.chunk.doc_id for h in rank_products(hits[:1], symptoms_in(text), child=True)] == [
        "a"]
