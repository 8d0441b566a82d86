"""The process test_crash_mid_update.py kills: one staff edit, saved and published.

    python tests/faults/kb_edit_child.py VAR_DIR DOC_ID SECTION_KEY TEXT POINT

Loads the model and the index, prints ``ready``, then saves the section edit through
``KbAdmin.save`` (store transaction, then index build and publish) and prints ``done``.
If POINT names one of the moments below, the process prints ``at POINT`` when it gets there
and waits to be killed. The pauses are installed here, in the test's own process, by
wrapping the real functions: nothing in the application knows about them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def pause(point: str) -> None:
    print(f"at {point}", flush=True)
    time.sleep(3600)


def install(point: str) -> None:
    from api.services.kb_admin import KbAdmin
    from knowledge_base.store import KnowledgeBase
    from retrieval import dense, indexing, snapshot

    if point == "store_transaction_open":  # version and audit rows written, not committed
        audit = KnowledgeBase._audit

        def audit_then_pause(session, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            audit(session, *args, **kwargs)
            session.flush()
            pause(point)

        KnowledgeBase._audit = staticmethod(audit_then_pause)  # type: ignore[method-assign]
    elif point == "store_committed":  # the store has the edit, no index build started
        KbAdmin.publish = lambda self: pause(point)  # type: ignore[method-assign]
    elif point == "staging_half_written":  # dense.faiss written; BM25, manifest not yet
        save_index = dense.save_index

        def save_then_pause(index, path) -> None:  # type: ignore[no-untyped-def]
            save_index(index, path)
            pause(point)

        dense.save_index = save_then_pause
    elif point == "snapshot_complete_unpublished":  # renamed into place, CURRENT not moved
        indexing.publish_snapshot = lambda index_dir, name: pause(point)
    elif point == "pointer_written_not_swapped":  # .CURRENT.tmp written, not renamed
        replace = os.replace

        def replace_or_pause(src, dst, **kwargs) -> None:  # type: ignore[no-untyped-def]
            if Path(dst).name == snapshot.POINTER:
                pause(point)
            replace(src, dst, **kwargs)

        os.replace = replace_or_pause
    elif point == "published_not_pruned":  # CURRENT moved; old snapshots not pruned yet
        indexing.prune_snapshots = lambda index_dir, keep=3: pause(point)
    elif point != "none":
        raise SystemExit(f"unknown point {point}")


def main() -> None:
    var_dir, doc_id, key, text, point = sys.argv[1:6]
    from api.services.kb_admin import KbAdmin
    from core.settings import PathSettings, Settings
    from knowledge_base.store import open_knowledge_base
    from retrieval.embedder import Embedder
    from retrieval.service import SearchService

    settings = Settings(paths=PathSettings(var_dir=Path(var_dir)))
    kb = open_knowledge_base(settings.db_url)
    search = SearchService(settings, Embedder(threads=1))
    search.load()
    admin = KbAdmin(kb, search)
    stored = kb.get(doc_id)
    sections = tuple(s.model_copy(update={"text": text}) if s.key == key else s
                     for s in stored.document.sections)
    install(point)
    print("ready", flush=True)
    admin.save(stored.document.model_copy(update={"sections": sections}), author="crash-test",
               expected_version=stored.version)
    print("done", flush=True)


if __name__ == "__main__":
    main()
