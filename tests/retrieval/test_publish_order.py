"""``CURRENT`` only moves forward: a slower build of an older revision never replaces it."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

from retrieval.snapshot import current_name, publish_snapshot, revision_of


def name(revision: int, stamp: str = "20261129T000000000000") -> str:
    return f"r{revision:06d}-{stamp}"


def test_an_older_revision_is_not_published_over_a_newer_one(tmp_path):
    assert publish_snapshot(tmp_path, name(5)) is True
    assert publish_snapshot(tmp_path, name(4)) is False
    assert current_name(tmp_path) == name(5)
    # the same revision rebuilt later (e.g. new index parameters) does replace it
    assert publish_snapshot(tmp_path, name(5, "20261129T010000000000")) is True
    assert current_name(tmp_path) == name(5, "20261129T010000000000")
    assert revision_of(name(1_234_567)) == 1_234_567


def test_concurrent_publishers_leave_the_newest_revision_current(tmp_path):
    revisions = list(range(1, 41))
    random.Random(7).shuffle(revisions)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda r: publish_snapshot(tmp_path, name(r)), revisions))
    assert current_name(tmp_path) == name(40)
    assert not (tmp_path / ".CURRENT.tmp").exists()
