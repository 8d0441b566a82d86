"""A corrupt FAISS file never takes search down.

While running, a newly published snapshot that fails verification is refused and the last
good one keeps answering; at start, when ``CURRENT`` itself names a corrupt snapshot, the
newest older snapshot that verifies serves (and the gateway is ready on it, and catches the
index up to the store).
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from knowledge_base.store import open_knowledge_base
from retrieval import dense
from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError, current_name, load_snapshot, publish_snapshot
from tests.api.conftest import FakeRasa

QUESTION = "how often can I take Advil?"


def clone_snapshot(index_dir: Path, source: str, name: str, *, revision: int | None = None) -> Path:
    """A copy of snapshot ``source`` under ``name`` (optionally claiming another revision)."""
    target = index_dir / name
    shutil.copytree(index_dir / source, target)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["name"] = name
    if revision is not None:
        manifest["revision"] = revision
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return target


def refresh_checksum(snapshot_dir: Path, relative: str) -> None:
    """Make the manifest agree with the file again, so only the loader can catch the damage."""
    manifest = json.loads((snapshot_dir / "manifest.json").read_text())
    data = (snapshot_dir / relative).read_bytes()
    manifest["files"][relative] = hashlib.sha256(data).hexdigest()
    (snapshot_dir / "manifest.json").write_text(json.dumps(manifest, indent=1))


def corrupt_faiss(snapshot_dir: Path, how: str) -> None:
    path = snapshot_dir / "dense.faiss"
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbled":  # same length, some vector bytes overwritten
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 256])
                         + data[middle + 256:])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "missing":
        path.unlink()
    elif how == "bad_header_with_matching_checksum":
        path.write_bytes(data[:8] + bytes(b ^ 0x5A for b in data[8:64]) + data[64:])
        refresh_checksum(snapshot_dir, "dense.faiss")
    elif how == "wrong_count_with_matching_checksum":
        vectors = np.load(snapshot_dir / "vectors.npy")
        dense.save_index(dense.build_index(vectors[:-1]), path)  # one vector short
        refresh_checksum(snapshot_dir, "dense.faiss")
    else:
        raise AssertionError(how)


CORRUPTIONS = ["truncated", "garbled", "empty", "missing", "bad_header_with_matching_checksum",
               "wrong_count_with_matching_checksum"]


def snapshot_name(revision: int, stamp: str) -> str:
    return f"r{revision:06d}-{stamp}"


def assert_answers_about_advil(service: SearchService) -> None:
    top = service.search(QUESTION, k=3).hits[0].chunk
    assert (top.doc_id, top.section) == ("cat-advil-tablets", "dosage_and_administration")


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_a_corrupt_new_snapshot_is_refused_and_the_last_good_one_keeps_answering(
    fault_settings, embedder, how
):
    index_dir = fault_settings.paths.index_dir
    service = SearchService(fault_settings, embedder, poll_seconds=0)
    good = service.load()
    # another process publishes revision + 1, but its FAISS file is damaged
    bad = clone_snapshot(index_dir, good.name, snapshot_name(good.revision + 1, "29990101T000000"),
                         revision=good.revision + 1)
    corrupt_faiss(bad, how)
    publish_snapshot(index_dir, bad.name)
    with pytest.raises(SnapshotError, match=bad.name):
        load_snapshot(index_dir)

    assert service.refresh() is False
    assert service.snapshot.name == good.name
    assert_answers_about_advil(service)  # search() itself polls CURRENT again: still refused
    assert service.snapshot.name == good.name

    # the refusal does not wedge the service: the next good snapshot is picked up
    fixed = clone_snapshot(index_dir, good.name,
                           snapshot_name(good.revision + 2, "29990101T000001"),
                           revision=good.revision + 2)
    publish_snapshot(index_dir, fixed.name)
    assert_answers_about_advil(service)
    assert service.snapshot.name == fixed.name and service.snapshot.revision == good.revision + 2


def test_at_start_a_corrupt_current_snapshot_falls_back_to_the_newest_older_good_one(
    fault_settings, embedder, caplog
):
    index_dir = fault_settings.paths.index_dir
    good = current_name(index_dir)
    revision = load_snapshot(index_dir).revision
    oldest = clone_snapshot(index_dir, good, snapshot_name(revision - 2, "20000101T000000"),
                            revision=revision - 2).name
    broken_older = clone_snapshot(index_dir, good, snapshot_name(revision - 1, "20000101T000000"),
                                  revision=revision - 1)
    corrupt_faiss(broken_older, "truncated")
    current = clone_snapshot(index_dir, good, snapshot_name(revision + 1, "29990101T000000"),
                             revision=revision + 1)
    corrupt_faiss(current, "garbled")
    # written after the corrupt one but never published: not a candidate
    clone_snapshot(index_dir, good, snapshot_name(revision + 2, "29990101T000000"),
                   revision=revision + 2)
    publish_snapshot(index_dir, current.name)

    with caplog.at_level(logging.ERROR, logger="retrieval.service"):
        service = SearchService(fault_settings, embedder, poll_seconds=0)
        served = service.load()
    assert served.name == good  # newest that verifies and is older than CURRENT
    refused = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(current.name in m and good in m for m in refused), refused
    assert_answers_about_advil(service)
    assert service.snapshot.name == good  # polling CURRENT does not retry the refused one
    assert current_name(index_dir) == current.name  # the service never rewrites CURRENT

    # if the newest older one is damaged too, the next older one that verifies serves
    corrupt_faiss(index_dir / good, "empty")
    service = SearchService(fault_settings, embedder, poll_seconds=0)
    assert service.load().name == oldest
    assert_answers_about_advil(service)

    # and with nothing that verifies, it says so instead of serving garbage
    corrupt_faiss(index_dir / oldest, "missing")
    with pytest.raises(SnapshotError, match="no snapshot older than"):
        SearchService(fault_settings, embedder).load()


def test_without_any_published_snapshot_load_still_refuses(tmp_path, embedder):
    from tests.conftest import make_settings

    settings = make_settings(tmp_path)
    settings.paths.index_dir.mkdir(parents=True)
    with pytest.raises(SnapshotError, match="no published index"):
        SearchService(settings, embedder).load()


def _publish_corrupt_copy_of_current(index_dir: Path, revision: int) -> str:
    good = current_name(index_dir)
    bad = clone_snapshot(index_dir, good, snapshot_name(revision, "29990101T000000"),
                         revision=revision)
    corrupt_faiss(bad, "truncated")
    publish_snapshot(index_dir, bad.name)
    return bad.name


def test_the_gateway_starts_ready_on_the_last_good_snapshot(fault_settings, embedder):
    index_dir = fault_settings.paths.index_dir
    good = current_name(index_dir)
    revision = open_knowledge_base(fault_settings.db_url).revision()
    bad = _publish_corrupt_copy_of_current(index_dir, revision)  # same revision as the store

    app = create_app(fault_settings, search_service=SearchService(fault_settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["index"] == good != bad
        hit = client.get("/v1/search", params={"q": QUESTION, "k": 1}).json()["hits"][0]
        assert (hit["doc_id"], hit["section"]) == ("cat-advil-tablets",
                                                   "dosage_and_administration")


def test_the_gateway_catches_the_fallback_index_up_to_the_store(fault_settings, embedder):
    """The store moved on and the snapshot of that move is corrupt: rebuilt at start."""
    index_dir = fault_settings.paths.index_dir
    good = current_name(index_dir)
    kb = open_knowledge_base(fault_settings.db_url)
    stored = kb.get("cat-claritin-tablets")
    marker = "Pelican check: one tablet daily with water."
    sections = tuple(s.model_copy(update={"text": marker})
                     if s.key == "dosage_and_administration" else s
                     for s in stored.document.sections)
    kb.save(stored.document.model_copy(update={"sections": sections}), author="staff",
            expected_version=stored.version)
    bad = _publish_corrupt_copy_of_current(index_dir, kb.revision())

    app = create_app(fault_settings, search_service=SearchService(fault_settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as client:
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.text
        serving = ready.json()["index"]
        assert serving not in (good, bad)
        assert current_name(index_dir) == serving
        assert load_snapshot(index_dir).revision == kb.revision()
        assert any(marker in c.text for c in app.state.search.snapshot.chunks)
        hits = client.get("/v1/search", params={"q": "claritin dose pelican check with water",
                                                 "k": 5}).json()["hits"]
        assert any(marker in h["text"] for h in hits), hits

