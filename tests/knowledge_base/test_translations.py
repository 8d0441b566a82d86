"""Korean translations of the chain's documents: ``X.ko.md`` (id ``X-ko``) beside ``X.md``,
linked by the id, with the original's section keys (knowledge_base/markdown_docs.py)."""

from __future__ import annotations

import re

import pytest

from knowledge_base.documents import Document, Section, original_id, translation_id
from knowledge_base.markdown_docs import align_translation, read_markdown_dir
from knowledge_base.openfda import RecordError
from tests.conftest import CHAIN_DOCS

ENGLISH = """---
id: faq-parking
title: Parking
audience: consumer
kind: store_faq
effective_date: 2026-09-01
---

# Parking

## Parking at the Jamsil branch
30 minutes free with any purchase.

## Parking elsewhere
No parking.
"""
KOREAN = """---
id: faq-parking-ko
title: 주차
audience: consumer
kind: store_faq
effective_date: 2026-09-01
language: ko
translation_of: faq-parking
---

# 주차

## 잠실점 주차
구매 시 30분 무료 주차가 가능합니다.

## 그 밖의 지점 주차
주차 공간이 없습니다.
"""
# Content hashes of two English chain documents as they were before translations existed:
# the link is derived from the id, so nothing new is stored and the hashes must not move.
PINNED_HASHES = {
    "faq-opening-hours": "9c9802309b7861a4c655a295b085eb1f0edd3570a7179542909aa7260446a7d3",
    "hr-annual-leave": "42c804e11c81ca38362a828810ef27cf9ae452e400d827b0c0f7b2ff4d938280",
}


def _read(tmp_path, **files: str) -> list[Document | RecordError]:
    for name, text in files.items():
        (tmp_path / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return list(read_markdown_dir(tmp_path))


def _errors(items) -> list[RecordError]:
    return [i for i in items if isinstance(i, RecordError)]


@pytest.fixture(scope="module")
def chain() -> dict[str, Document]:
    items = list(read_markdown_dir(CHAIN_DOCS))
    assert _errors(items) == []
    return {d.doc_id: d for d in items if isinstance(d, Document)}


def test_every_chain_document_has_a_korean_translation_beside_it(chain):
    english = sorted(p for p in CHAIN_DOCS.rglob("*.md") if not p.name.endswith(".ko.md"))
    assert len(english) == 19
    for path in english:
        assert path.with_name(f"{path.stem}.ko.md").is_file(), path
    originals = [d for d in chain.values() if d.translation_of is None]
    translations = [d for d in chain.values() if d.translation_of is not None]
    assert len(originals) == len(translations) == 19
    assert {d.translation_of for d in translations} == {d.doc_id for d in originals}


def test_a_translation_lines_up_with_its_original(chain):
    for doc in chain.values():
        if doc.translation_of is None:
            assert doc.language == "en"
            continue
        original = chain[doc.translation_of]
        assert doc.language == "ko" and doc.doc_id == translation_id(original.doc_id)
        assert (doc.kind, doc.audience, doc.effective_date) == (
            original.kind, original.audience, original.effective_date)
        assert [s.key for s in doc.sections] == [s.key for s in original.sections]
        assert re.search("[가-힣]", doc.title) and not re.search("[A-Za-z]", doc.title)
        for section in doc.sections:  # Korean headings, and the tables kept
            assert re.search("[가-힣]", section.title), (doc.doc_id, section.title)
        for mine, theirs in zip(doc.sections, original.sections, strict=True):
            assert mine.text.count("\n|") == theirs.text.count("\n|"), (doc.doc_id, mine.key)


def test_the_korean_opening_hours_keep_the_hours_and_branch_names(chain):
    korean = chain["faq-opening-hours-ko"]
    seoul = korean.section("seoul_branch_opening_hours_per_branch")
    assert seoul is not None
    assert "| 잠실점 | 09:00–22:00 | 09:00–22:00 | 10:00–20:00 |" in seoul.text
    assert "| 강남점 | 24시간 | 24시간 | 24시간 |" in seoul.text
    assert "반차" in chain["hr-annual-leave-ko"].section("half_day_leave_and_hourly_leave").text
    assert "경조휴가" in chain["hr-family-parental-leave-ko"].section("family_event_leave").title


@pytest.mark.parametrize("doc_id", sorted(PINNED_HASHES))
def test_english_documents_keep_their_content_hashes(chain, doc_id):
    assert chain[doc_id].content_hash() == PINNED_HASHES[doc_id]


def test_a_translation_takes_its_originals_section_keys(tmp_path):
    items = _read(tmp_path, parking__md=ENGLISH, parking__ko__md=KOREAN)
    assert _errors(items) == []
    docs = {d.doc_id: d for d in items if isinstance(d, Document)}
    korean = docs["faq-parking-ko"]
    assert [s.key for s in korean.sections] == ["parking_at_the_jamsil_branch",
                                                "parking_elsewhere"]
    assert [s.title for s in korean.sections] == ["잠실점 주차", "그 밖의 지점 주차"]
    assert korean.translation_of == "faq-parking" and korean.language == "ko"
    assert docs["faq-parking"].translation_of is None and docs["faq-parking"].language == "en"


def test_an_overview_lines_up_with_the_originals_overview(tmp_path):
    english = ENGLISH.replace("# Parking\n", "# Parking\nWhere to park.\n")
    korean = KOREAN.replace("# 주차\n", "# 주차\n주차 안내입니다.\n")
    items = _read(tmp_path, parking__md=english, parking__ko__md=korean)
    assert _errors(items) == []
    translation = next(d for d in items if isinstance(d, Document) and d.translation_of)
    first = translation.sections[0]
    assert (first.key, first.title) == ("overview", "개요")


@pytest.mark.parametrize(("korean", "reason"), [
    (KOREAN.replace("translation_of: faq-parking", "translation_of: faq-returns"),
     "translation_of: faq-returns does not match the id faq-parking-ko: it must be faq-parking"),
    (KOREAN.replace("## 그 밖의 지점 주차\n주차 공간이 없습니다.\n", ""),
     "faq-parking-ko has 1 sections but its original faq-parking has 2"),
    (KOREAN + "\n## 주차 요금\n무료입니다.\n",
     "faq-parking-ko has 3 sections but its original faq-parking has 2"),
    (KOREAN.replace("# 주차\n", "# 주차\n주차 안내입니다.\n").replace(
        "## 그 밖의 지점 주차\n주차 공간이 없습니다.\n", ""),
     "faq-parking-ko has text before its first ## heading (an overview) but faq-parking"),
    (KOREAN.replace("id: faq-parking-ko", "id: faq-valet-ko").replace(
        "translation_of: faq-parking\n", ""),
     "faq-valet-ko is the Korean translation of faq-valet (its id ends in -ko), which is "
     "not among the chain documents"),
    (KOREAN.replace("id: faq-parking-ko", "id: faq-parking-kr").replace("language: ko\n", ""),
     "translation_of is given, but the id faq-parking-kr does not end in -ko"),
    (KOREAN.replace("language: ko", "language: en"), "language: en, but an id ending in -ko"),
    (KOREAN.replace("language: ko", "language: jp"), "language: 'jp' is not one of en, ko"),
    (KOREAN.replace("audience: consumer", "audience: employee"),
     "faq-parking-ko is a store_faq document for employee, but its original faq-parking"),
])
def test_a_translation_that_does_not_line_up_is_an_error_naming_its_file(tmp_path, korean,
                                                                          reason):
    items = _read(tmp_path, parking__md=ENGLISH, parking__ko__md=korean)
    errors = _errors(items)
    assert len(errors) == 1 and errors[0].file.endswith("parking.ko.md"), errors
    assert reason in errors[0].reason
    assert [d.doc_id for d in items if isinstance(d, Document)] == ["faq-parking"]


def test_language_ko_needs_a_translation_id(tmp_path):
    items = _read(tmp_path, parking__md=ENGLISH.replace("kind: store_faq",
                                                        "kind: store_faq\nlanguage: ko"))
    errors = _errors(items)
    assert len(errors) == 1 and "language: ko, but a Korean translation's id ends in -ko" in (
        errors[0].reason)


def test_an_original_may_say_it_is_english(tmp_path):
    items = _read(tmp_path, parking__md=ENGLISH.replace("kind: store_faq",
                                                        "kind: store_faq\nlanguage: en"))
    assert _errors(items) == []


def _document(doc_id: str, kind: str = "store_faq", text: str = "Open 24 hours.") -> Document:
    return Document(doc_id=doc_id, kind=kind, title="Title", audience="consumer",  # type: ignore[arg-type]
                    sections=(Section(key="a", title="A", text=text),), source="test")


def test_translation_of_and_language_come_from_the_id():
    assert _document("faq-x-ko").translation_of == "faq-x"
    assert _document("faq-x-ko").language == "ko"
    assert _document("faq-x").translation_of is None and _document("faq-x").language == "en"
    assert _document("hr-x-ko", "hr_handbook").translation_of == "hr-x"
    # a leaflet is never a translation; its language is read from its text
    leaflet = _document("cat-x-ko", "leaflet")
    assert leaflet.translation_of is None and leaflet.language == "en"
    assert _document("cat-y", "leaflet", "성인은 1회 1정 복용합니다.").language == "ko"
    assert original_id("faq-x-ko") == "faq-x" and original_id("faq-x") is None
    assert translation_id("faq-x") == "faq-x-ko"


def test_the_link_is_not_stored():
    doc = _document("faq-x-ko")
    assert "translation_of" not in doc.model_dump() and "language" not in doc.model_dump()


def test_align_translation_refuses_another_number_of_sections():
    original = _document("faq-x")
    translation = _document("faq-x-ko").model_copy(update={"sections": (
        Section(key="section", title="가", text="가"),
        Section(key="section_2", title="나", text="나"))})
    with pytest.raises(ValueError, match="has 2 sections but its original faq-x has 1"):
        align_translation(translation, original)
