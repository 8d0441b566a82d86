"""What makes an index update quick after a staff edit, and what it must still guarantee:
unchanged documents are not read or chunked again, an English edit keeps the Korean part's
BM25 index, and the written snapshot is still checksummed and loaded before it is published."""

from __future__ import annotations

import pytest

from knowledge_base.documents import Document
from knowledge_base.store import KnowledgeBase
from retrieval.korean import KoreanPart
from retrieval.snapshot import SnapshotError, current_name, load_snapshot


def edited(kb: KnowledgeBase, doc_id: str, text: str) -> Document:
    stored = kb.get(doc_id)
    sections = (stored.document.sections[0].model_copy(update={"text": text}),
                *stored.document.sections[1:])
    kb.save(stored.document.model_copy(update={"sections": sections}), author="staff",
            expected_version=stored.version)
    return kb.get(doc_id).document


def test_an_english_edit_keeps_the_korean_bm25_and_a_korean_edit_rebuilds_it(editable,
                                                                            monkeypatch):
    _, kb, svc = editable
    builds: list[int] = []
    build = KoreanPart.build.__func__  # type: ignore[attr-defined]

    def counted(cls, ids, *args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(len(ids))
        return build(cls, ids, *args, **kwargs)

    monkeypatch.setattr(KoreanPart, "build", classmethod(counted))
    svc.publish(kb.current_documents(), kb.revision())
    edited(kb, "cat-claritin-tablets", "Adults: one tablet daily. Pelican check sentence.")
    builds.clear()
    svc.publish(kb.current_documents(), kb.revision())
    assert builds == []  # the Korean part's BM25 was reused, only its ids re-mapped
    assert "Pelican" in svc.search("claritin pelican check", k=1).hits[0].chunk.text
    assert svc.search("연차 휴가 며칠", k=1, audience="employee").hits[0].chunk.doc_id == (
        "hr-annual-leave-ko")
    edited(kb, "hr-annual-leave-ko", "연차 휴가는 펭귄 확인 문장입니다.")
    svc.publish(kb.current_documents(), kb.revision())
    assert builds == [len(svc.snapshot.korean)]
    assert "펭귄" in svc.search("펭귄 확인 문장", k=1, audience="employee").hits[0].chunk.text


def test_the_warm_up_chunks_are_the_ones_the_next_update_publishes(editable):
    _, kb, svc = editable
    documents = kb.current_documents()
    prepared = svc.prepare_updates(documents)
    svc.publish(documents, kb.revision())
    assert len(prepared) == len(svc.snapshot.chunks)
    assert all(a is b for a, b in zip(prepared, svc.snapshot.chunks, strict=True))


def test_a_corrupt_file_is_refused_even_when_the_writer_holds_its_chunks(editable):
    settings, kb, svc = editable
    svc.publish(kb.current_documents(), kb.revision())
    index_dir = settings.paths.index_dir
    name = current_name(index_dir)
    chunks_file = index_dir / name / "chunks.jsonl"
    chunks_file.write_text(chunks_file.read_text(encoding="utf-8")[:-50], encoding="utf-8")
    with pytest.raises(SnapshotError, match=r"chunks\.jsonl is missing or corrupt"):
        load_snapshot(index_dir, name, written=(svc.snapshot.chunks, None))
