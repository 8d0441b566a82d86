import pytest

from knowledge_base.documents import Document, Section
from knowledge_base.ingest import IMPORT_AUTHOR
from knowledge_base.store import (
    DocumentNotFound,
    EditConflict,
    VersionNotFound,
    open_knowledge_base,
)


def doc(text: str = "take 1 tablet every 4 hours", doc_id: str = "cat-test") -> Document:
    return Document(
        doc_id=doc_id, kind="leaflet", title="Test (ibuprofen)", audience="consumer",
        generic_names=("ibuprofen",), brand_names=("Test",), source="test",
        effective_date="2025-01-01",
        sections=(Section(key="dosage_and_administration", title="Directions", text=text),),
    )


def test_every_save_is_a_new_audited_version_and_bumps_the_revision(kb):
    first = kb.save(doc(), author="alice")
    second = kb.save(doc("take 2 tablets"), author="bob", note="fix", expected_version=1)
    assert (first.version, second.version) == (1, 2)
    assert kb.get("cat-test").document.section("dosage_and_administration").text == "take 2 tablets"
    assert kb.get("cat-test", version=1).document.sections[0].text.startswith("take 1")
    assert [(v.version, v.author) for v in kb.versions("cat-test")] == [(1, "alice"), (2, "bob")]
    assert [(a.actor, a.action) for a in kb.audit_log("cat-test")] == [
        ("bob", "update"), ("alice", "create")]
    assert kb.revision() == 2


def test_the_revision_can_be_advanced_past_a_seeded_index_but_never_lowered(kb):
    assert kb.advance_revision(9482) == 9482 and kb.revision() == 9482
    kb.save(doc(), author="alice")
    assert kb.revision() == 9483  # the next snapshot is labelled after the seeded one
    assert kb.advance_revision(10) == 9483 and kb.revision() == 9483


def test_stale_save_is_refused_with_the_other_change_and_nothing_written(kb):
    kb.save(doc(), author="alice")
    kb.save(doc("alice's fix"), author="alice", expected_version=1)
    with pytest.raises(EditConflict) as conflict:
        kb.save(doc("bob's fix"), author="bob", expected_version=1)
    assert conflict.value.current.version == 2
    assert conflict.value.current.document.sections[0].text == "alice's fix"
    assert len(kb.versions("cat-test")) == 2


def test_delete_hides_the_document_and_rollback_restores_it(kb):
    kb.save(doc(), author="alice")
    kb.delete("cat-test", author="alice")
    assert kb.current_documents() == []
    with pytest.raises(DocumentNotFound):
        kb.delete("cat-test", author="alice")
    restored = kb.rollback("cat-test", 1, author="carol")
    assert restored.version == 3 and not restored.deleted
    assert [d.doc_id for d in kb.current_documents()] == ["cat-test"]
    with pytest.raises(VersionNotFound):
        kb.rollback("cat-test", 99, author="carol")


def test_reimport_skips_unchanged_and_keeps_staff_edits(kb):
    kb.import_documents([("catalogue", doc())], origins={"catalogue"}, author=IMPORT_AUTHOR)
    kb.save(doc("staff correction"), author="pharmacist", expected_version=1)
    result = kb.import_documents([("catalogue", doc())], origins={"catalogue"},
                                 author=IMPORT_AUTHOR)
    assert (result.unchanged, result.updated) == (1, 0)
    assert kb.get("cat-test").document.sections[0].text == "staff correction"
    # the source itself changed: the import wins, history keeps the staff version
    changed = kb.import_documents([("catalogue", doc("new label text"))], origins={"catalogue"},
                                  author=IMPORT_AUTHOR)
    assert changed.updated == 1
    assert [v.author for v in kb.versions("cat-test")] == [IMPORT_AUTHOR, "pharmacist",
                                                          IMPORT_AUTHOR]


def test_records_gone_from_a_source_are_removed(kb):
    kb.import_documents([("catalogue", doc()), ("catalogue", doc(doc_id="cat-other"))],
                        origins={"catalogue"}, author=IMPORT_AUTHOR)
    result = kb.import_documents([("catalogue", doc())], origins={"catalogue"},
                                 author=IMPORT_AUTHOR)
    assert result.removed == 1
    assert [d.doc_id for d in kb.current_documents()] == ["cat-test"]


def test_an_import_that_fails_half_way_writes_nothing(kb):
    def records():
        yield "catalogue", doc()
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError):
        kb.import_documents(records(), origins={"catalogue"}, author=IMPORT_AUTHOR)
    assert kb.current_documents() == [] and kb.revision() == 0


def test_current_documents_reread_only_new_versions_and_follow_other_writers(kb, tmp_path):
    kb.save(doc(), author="alice")
    kb.save(doc("take 1 capsule", doc_id="cat-other"), author="alice")
    before = {d.doc_id: d for d in kb.current_documents()}
    writer = open_knowledge_base(f"sqlite:///{tmp_path / 'kb.sqlite'}")  # another process
    writer.save(doc("take 2 tablets"), author="bob", expected_version=1)
    after = {d.doc_id: d for d in kb.current_documents()}
    assert after["cat-test"].sections[0].text == "take 2 tablets"
    assert after["cat-other"] is before["cat-other"]  # unchanged: kept, not read again
    writer.delete("cat-other", author="bob")
    writer.rollback("cat-test", 1, author="carol")  # version 3, the text of version 1
    assert [(d.doc_id, d.sections[0].text) for d in kb.current_documents()] == [
        ("cat-test", "take 1 tablet every 4 hours")]
