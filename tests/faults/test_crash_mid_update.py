"""A KB edit + publish killed (SIGKILL) at any moment leaves a consistent, recoverable state.

A child process (kb_edit_child.py) makes one staff edit through ``KbAdmin.save`` on a private
copy of the store and index, and is killed either at a named moment (inside the store
transaction, between the store commit and the index build, with a half-written staging
directory, with a complete but unpublished snapshot, with the new ``CURRENT`` written but not
swapped in, after publishing but before pruning) or after a random delay. Afterwards:

* the store holds the old or the new version of the document, never a mixture;
* ``CURRENT`` names a snapshot that loads and verifies, never ahead of the store, and every
  complete snapshot directory verifies (leftover ``.staging-*`` directories are ignored);
* a fresh ``SearchService`` plus ``KbAdmin.catch_up()`` brings the index to the store's
  revision, and search finds the edited text exactly when the store has it;
* and the next edit works as usual.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from api.services.kb_admin import KbAdmin
from core.settings import Settings
from knowledge_base.store import StoredDocument, open_knowledge_base
from ops.stack import copy_published_state
from retrieval.service import SearchService
from retrieval.snapshot import current_name, load_snapshot, prune_snapshots
from tests.conftest import REPO_ROOT, make_settings

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("kb_edit_child.py")
DOC_ID, KEY = "cat-claritin-tablets", "dosage_and_administration"
TEXT = "Adults and children 6 years and over: one tablet daily. Flamingo crash check."
QUERY = "claritin daily dose flamingo crash check"
POINTS = ["store_transaction_open", "store_committed", "staging_half_written",
          "snapshot_complete_unpublished", "pointer_written_not_swapped",
          "published_not_pruned"]
STARTUP_SECONDS = 600  # loading torch and the model on two busy cores
RANDOM_KILLS = 3


class Child:
    """The edit process, with its stdout lines readable with a timeout."""

    def __init__(self, settings: Settings, point: str, log: Path) -> None:
        self._log = log.open("w")
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "HF_HUB_OFFLINE": "1",
               "TOKENIZERS_PARALLELISM": "false"}
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(settings.paths.var_dir), DOC_ID, KEY, TEXT, point],
            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=self._log, text=True)
        self.log = log
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.strip())
        self._lines.put(None)

    def expect(self, wanted: str, timeout: float = STARTUP_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line == wanted:
                return
            if line is None:
                self.kill()
                raise AssertionError(f"child never printed {wanted!r}:\n{self.stderr()}")

    def kill(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        return self.wait()

    def wait(self) -> int:
        code = self.process.wait(STARTUP_SECONDS)
        self._log.close()
        return code

    def stderr(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log.read_text()[-4000:]


def fresh_state(small_index_settings: Settings, var_dir: Path) -> Settings:
    copy_published_state(var_dir, small_index_settings.paths.var_dir)
    return make_settings(var_dir)


def assert_consistent_and_recoverable(settings: Settings, before: StoredDocument,
                                      revision: int, embedder) -> str:  # type: ignore[no-untyped-def]
    """Check everything the module docstring promises; return "old" or "new"."""
    kb = open_knowledge_base(settings.db_url)
    stored = kb.get(DOC_ID)
    if stored.version == before.version:
        state = "old"
        assert stored.document == before.document
        assert kb.revision() == revision
    else:
        state = "new"
        assert stored.version == before.version + 1
        for old, new in zip(before.document.sections, stored.document.sections, strict=True):
            assert new.text == (TEXT if old.key == KEY else old.text)
        assert kb.revision() == revision + 1
    edits = [a for a in kb.audit_log(DOC_ID) if a.actor == "crash-test"]
    assert len(edits) == (state == "new")

    index_dir = settings.paths.index_dir
    current = load_snapshot(index_dir)  # raises unless CURRENT names a snapshot that verifies
    assert current.revision in (revision, revision + 1)
    has_text = any(TEXT in c.text for c in current.chunks)
    assert has_text == (current.revision == revision + 1)
    assert not (has_text and state == "old"), "the index is ahead of the store"
    for directory in index_dir.glob("r*-*"):
        load_snapshot(index_dir, directory.name)  # never a half-written published directory

    service = SearchService(settings, embedder, poll_seconds=0)
    service.load()
    admin = KbAdmin(kb, service)
    admin.catch_up()
    assert service.snapshot.revision == kb.revision()
    assert current_name(index_dir) == service.snapshot.name
    found = any(TEXT in h.chunk.text for h in service.search(QUERY, k=10).hits)
    assert found == (state == "new"), state

    # and the assistant keeps working: the next edit is saved, indexed and found
    latest = kb.get(DOC_ID)
    sections = tuple(s.model_copy(update={"text": "One tablet daily. Ibis follow-up check."})
                     if s.key == KEY else s for s in latest.document.sections)
    admin.save(latest.document.model_copy(update={"sections": sections}), author="staff",
               expected_version=latest.version)
    hits = service.search("claritin ibis follow-up check", k=10).hits
    assert any("Ibis follow-up check" in h.chunk.text for h in hits)
    assert load_snapshot(index_dir).revision == kb.revision()
    return state


@pytest.mark.parametrize("point", POINTS)
def test_killed_at_a_named_moment(point, small_index_settings, embedder, tmp_path):
    settings = fresh_state(small_index_settings, tmp_path / "var")
    kb = open_knowledge_base(settings.db_url)
    before, revision = kb.get(DOC_ID), kb.revision()
    child = Child(settings, point, tmp_path / "child.log")
    child.expect("ready")
    child.expect(f"at {point}")
    assert child.kill() == -signal.SIGKILL

    index_dir = settings.paths.index_dir
    staging = list(index_dir.glob(".staging-*"))
    assert bool(staging) == (point == "staging_half_written")
    state = assert_consistent_and_recoverable(settings, before, revision, embedder)
    expected = "old" if point == "store_transaction_open" else "new"
    assert state == expected, child.stderr()

    if staging:  # left alone while it might belong to a running build, removed once stale
        assert all(path.exists() for path in staging)
        hour_ago = time.time() - 2 * 3600
        for path in staging:
            os.utime(path, (hour_ago, hour_ago))
        prune_snapshots(index_dir)
        assert not list(index_dir.glob(".staging-*"))
        load_snapshot(index_dir)


def test_killed_after_random_delays(small_index_settings, embedder, tmp_path):
    # an uninterrupted run first: the baseline, and how long an edit takes here
    settings = fresh_state(small_index_settings, tmp_path / "full" / "var")
    kb = open_knowledge_base(settings.db_url)
    before, revision = kb.get(DOC_ID), kb.revision()
    child = Child(settings, "none", tmp_path / "full.log")
    child.expect("ready")
    started = time.monotonic()
    child.expect("done")
    duration = time.monotonic() - started
    assert child.wait() == 0, child.stderr()
    assert assert_consistent_and_recoverable(settings, before, revision, embedder) == "new"

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for run in range(RANDOM_KILLS):
        delay = rng.uniform(0, duration)
        settings = fresh_state(small_index_settings, tmp_path / f"kill{run}" / "var")
        kb = open_knowledge_base(settings.db_url)
        before, revision = kb.get(DOC_ID), kb.revision()
        child = Child(settings, "none", tmp_path / f"kill{run}.log")
        child.expect("ready")
        time.sleep(delay)
        child.kill()
        try:
            assert_consistent_and_recoverable(settings, before, revision, embedder)
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}, run {run}, killed {delay:.2f}s after ready "
                                 f"(an edit took {duration:.2f}s)") from exc
