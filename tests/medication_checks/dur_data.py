"""The real DUR data imported once per test session into a throw-away SQLite database.

Tests that need the rule set call :func:`imported` (cached: the import takes a few
seconds) or skip, naming the missing file, when ../shared/data is absent.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest

from core.database import make_engine, make_session_factory
from core.schema import upgrade_schema
from core.settings import PathSettings
from knowledge_base.dur_import import DurImportResult, import_dur, knowledge_base_documents
from medication_checks.rules import load_rule_set
from medication_checks.ruleset import RuleSet

PATHS = PathSettings()
E_YAKEUNYO = PATHS.shared_data_dir / "mfds" / "e_yakeunyo.jsonl"


def require_data() -> None:
    for path in (PATHS.dur_dir / "dur_usjnt_taboo.csv", E_YAKEUNYO):
        if not path.is_file():
            pytest.skip(f"shared data file absent: {path}")


def run_import(db_url: str, dur_dir: Path | None = None) -> DurImportResult:
    engine = make_engine(db_url)
    upgrade_schema(engine)
    try:
        documents = knowledge_base_documents(db_url, PATHS.catalogue_dir, PATHS.fda_labels_file)
        return import_dur(make_session_factory(engine), dur_dir or PATHS.dur_dir, E_YAKEUNYO,
                          documents, sorted(PATHS.lexicon_dir.glob("*.yml")))
    finally:
        engine.dispose()


@functools.lru_cache(maxsize=1)
def imported() -> tuple[str, RuleSet]:
    """(database URL, rule set loaded the way the app loads it)."""
    require_data()
    directory = Path(tempfile.mkdtemp(prefix="dur-test-"))
    url = f"sqlite:///{directory / 'dur.sqlite'}"
    run_import(url)
    engine = make_engine(url)
    try:
        return url, load_rule_set(make_session_factory(engine))
    finally:
        engine.dispose()
