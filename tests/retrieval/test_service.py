"""The search service over a small real index: filters, focus, atomic updates, corrupt files."""

import shutil

import pytest

from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError, current_name, load_snapshot
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def service(small_index_settings, embedder):
    svc = SearchService(small_index_settings, embedder)
    svc.load()
    return svc


def test_a_medicine_question_is_answered_from_that_medicines_directions(service):
    result = service.search("how often can I take Advil?", k=5)
    top = result.hits[0].chunk
    assert (top.doc_id, top.section) == ("cat-advil-tablets", "dosage_and_administration")
    assert [m.generics for m in result.medicines] == [("ibuprofen",)]
    assert "frequency" in result.topics and result.confidence > 0.5


def test_the_medicine_slot_focuses_a_follow_up_without_a_name(service):
    result = service.search("and for my 8 year old?", k=5, medicine="motrin")
    assert all("ibuprofen" in h.chunk.drug for h in result.hits)
    assert result.hits[0].chunk.section == "dosage_and_administration"


def test_the_ablation_switches_name_resolution_and_the_rules_off(service):
    """bench/retrieval_eval.py's variants: without name resolution a follow-up is no longer
    held to the medicine; the fusion alone ("rrf") drops the topic section's bonus."""
    focused = service.search("and for my 8 year old?", k=5, medicine="motrin")
    loose = service.search("and for my 8 year old?", k=5, medicine="motrin", focus=False)
    assert all("ibuprofen" in h.chunk.drug for h in focused.hits)
    assert not all("ibuprofen" in h.chunk.drug for h in loose.hits)
    question = "can I take claritin if I am pregnant?"
    hybrid = service.search(question, k=5, mode="hybrid").hits
    fused = service.search(question, k=5, mode="rrf").hits
    assert hybrid[0].chunk.section == fused[0].chunk.section == "pregnancy_or_breast_feeding"
    assert hybrid[0].score > fused[0].score  # the topic section's bonus, and only in hybrid


def test_consumers_never_see_employee_documents(service):
    for query in ("dental plan annual cap", "how many annual leave days", "payday payslip"):
        hits = service.search(query, k=10, audience="consumer").hits
        assert hits and all(h.chunk.audience == "consumer" for h in hits)
    employee_hits = service.search("dental plan annual cap", k=3, audience="employee").hits
    assert employee_hits[0].chunk.kind == "hr_handbook"


def test_a_medicine_we_do_not_hold_is_flagged(service):
    result = service.search("how much naproxen can I take", k=5)
    assert not result.medicine_not_covered  # not in the lexicon at all: nothing to flag
    result = service.search("zyrtec dose", k=5, audience="employee")
    assert result.medicine_not_covered


def test_identical_passages_are_returned_once(service):
    hits = service.search("keep out of reach of children overdose", k=10).hits
    texts = [" ".join(h.chunk.text.lower().split()) for h in hits]
    assert len(texts) == len(set(texts))


def test_update_embeds_only_changed_chunks_and_swaps_atomically(editable):
    settings, kb, svc = editable
    old = svc.snapshot
    stored = kb.get("cat-claritin-tablets")
    doc = stored.document
    sections = tuple(
        s.model_copy(update={"text": "Adults: one tablet daily. Zebra test sentence."})
        if s.key == "dosage_and_administration" else s
        for s in doc.sections
    )
    kb.save(doc.model_copy(update={"sections": sections}), author="staff",
            expected_version=stored.version)
    report = svc.publish(kb.current_documents(), kb.revision())
    assert 0 < report.embedded <= 3 and report.chunks == len(old.chunks) - (
        sum(1 for c in old.chunks if c.doc_id == "cat-claritin-tablets"
            and c.section == "dosage_and_administration") - report.embedded)
    assert svc.snapshot.name == current_name(settings.paths.index_dir) != old.name
    top = svc.search("claritin dose for adults", k=1).hits[0]
    assert "Zebra test sentence" in top.chunk.text
    # the old snapshot object is untouched: a query that started before the swap still works
    assert all("Zebra" not in c.text for c in old.chunks)


def test_corrupt_snapshot_is_refused_and_the_last_good_one_keeps_serving(
    small_index_settings, embedder, tmp_path
):
    settings = make_settings(tmp_path)
    shutil.copytree(small_index_settings.paths.index_dir, settings.paths.index_dir)
    index_dir = settings.paths.index_dir
    good_name = current_name(index_dir)
    svc = SearchService(settings, embedder, poll_seconds=0)
    svc.load()
    bad = index_dir / "r999999-corrupt"
    shutil.copytree(index_dir / good_name, bad)
    faiss_file = bad / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])  # truncated
    (index_dir / "CURRENT").write_text(bad.name)
    with pytest.raises(SnapshotError, match="corrupt"):
        load_snapshot(index_dir)
    assert svc.search("advil dose", k=1).hits  # refused the new one, still answering
    assert svc.snapshot.name == good_name


def test_line_separator_characters_survive_publish_and_reload(editable):
    # U+0085, U+2028, U+2029 and \x1c are legal in JSON strings and in staff text, but
    # str.splitlines() breaks at them; a snapshot holding them once failed to load.
    settings, kb, svc = editable
    stored = kb.get("cat-claritin-tablets")
    title = "Claritin\x85 tablets\u2028(loratadine)\u2029 note\x1c"
    kb.save(stored.document.model_copy(update={"title": title}), author="staff",
            expected_version=stored.version)
    svc.publish(kb.current_documents(), kb.revision())
    reloaded = load_snapshot(settings.paths.index_dir)
    assert reloaded.name == svc.snapshot.name
    assert len(reloaded.chunks) == len(svc.snapshot.chunks)
    assert {c.title for c in reloaded.chunks if c.doc_id == "cat-claritin-tablets"} == {title}


def test_a_snapshot_that_cannot_be_read_back_is_never_published(editable, monkeypatch):
    settings, kb, svc = editable
    before = current_name(settings.paths.index_dir)
    stored = kb.get("cat-claritin-tablets")
    kb.save(stored.document.model_copy(update={"title": "Claritin 24h"}), author="staff",
            expected_version=stored.version)

    def unreadable(path):
        raise RuntimeError(f"cannot read {path.name}")

    monkeypatch.setattr("retrieval.snapshot.dense.load_index", unreadable)
    with pytest.raises(SnapshotError, match=r"cannot read dense\.faiss"):
        svc.publish(kb.current_documents(), kb.revision())
    assert current_name(settings.paths.index_dir) == before == svc.snapshot.name
    monkeypatch.undo()
    assert svc.publish(kb.current_documents(), kb.revision()).name == svc.snapshot.name != before


def test_a_brand_family_means_its_single_ingredient_products(service):
    # "Tylenol" names a family: Tylenol Extra Strength (acetaminophen) and Tylenol PM
    # (acetaminophen + diphenhydramine); the bare name means the former.
    for query in ("how much tylenol can I take?", "tylenol side effects", "is tylenol safe"):
        hits = service.search(query, k=1).hits
        assert hits[0].chunk.generics == ("acetaminophen",), query
    # named as the PM product, the PM product
    hits = service.search("how much tylenol pm can I take?", k=1).hits
    assert hits[0].chunk.doc_id == "cat-tylenol-pm-extra-strength"


def test_a_medicine_named_as_the_allergy_is_not_the_one_searched(service):
    hits = service.search("I'm allergic to tylenol, can I take claritin?", k=3).hits
    assert {h.chunk.doc_id for h in hits} == {"cat-claritin-tablets"}
