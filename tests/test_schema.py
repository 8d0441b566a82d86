"""Alembic migrations: a new database, one made by the previous release, two processes at once.

``ops.db.schema_differences`` compares the migrated database with the models (Alembic's
autogenerate comparison), so a model changed without a migration fails here.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from core.database import make_engine
from core.schema import (
    HANDOFF_MARKER_TABLE,
    HANDOFF_REVISION,
    alembic_config,
     current_revision,
    head_revision,
    upgrade_schema,
)
from ops.db import schema_differences

RELEASE_2026_11 = Path(__file__).parent / "data" / "db" / "release-2026-11.sql"
HANDOFF_TABLES = {"chat_sessions", "consultations", "consultation_messages",
                  "consultation_audit", "pharmacist_presence"}
BENEFIT_TABLES = {"welfare_point_accounts", "welfare_point_transactions", "benefit_requests"}


def _row_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")]
        return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in tables}


def _release_database(tmp_path: Path) -> Path:
    path = tmp_path / "release.db"
    with sqlite3.connect(path) as db:
        db.executescript(RELEASE_2026_11.read_text(encoding="utf-8"))
    return path


def test_a_new_database_is_migrated_to_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    engine = make_engine(url)
    assert current_revision(engine) is None
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) >= HANDOFF_TABLES
    assert schema_differences(url) == []


def test_the_previous_release_database_is_upgraded_and_loses_nothing(tmp_path):
    path = _release_database(tmp_path)
    before = _row_counts(path)
    assert before["employees"] > 100 and before["kb_sections"] > 0 and before["feedback"] == 1
    assert not HANDOFF_TABLES & set(before)

    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)

    assert current_revision(engine) == head_revision()
    after = _row_counts(path)
    assert {table: after[table] for table in before} == before
    assert set(after) >= HANDOFF_TABLES | BENEFIT_TABLES
    assert {table: after[table] for table in BENEFIT_TABLES} == dict.fromkeys(BENEFIT_TABLES, 0)
    assert schema_differences(f"sqlite:///{path}") == []
    with engine.connect() as connection:  # the rows themselves, not only how many
        assert connection.execute(text(
            "SELECT employee_id, days, reason FROM leave_requests ORDER BY id DESC LIMIT 1"
        )).one() == ("E0002", 2, "family trip")
        # 0003: every request of the release is a full day of its type, with no event
        assert connection.execute(text(
            "SELECT DISTINCT part, block_start, event FROM leave_requests")).all() == [
            ("full", None, None)]
        assert connection.execute(text(
            "SELECT question FROM chat_turns WHERE id='turn-1'")).scalar_one() == (
            "강남점 몇 시에 닫아요?")


def test_upgrading_twice_changes_nothing(tmp_path):
    path = _release_database(tmp_path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    once = _row_counts(path)
    upgrade_schema(engine)
    assert _row_counts(path) == once and current_revision(engine) == head_revision()


def test_a_database_that_already_had_the_handoff_tables_is_stamped_not_recreated(tmp_path):
    """The unreleased handoff commits created their tables with create_all."""
    path = _release_database(tmp_path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine, HANDOFF_REVISION)  # the schema those commits made, no newer
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text(
            f"INSERT INTO {HANDOFF_MARKER_TABLE} (id, session_id, language, reason, status,"
            " created_at) VALUES ('c1', 's1', 'en', 'requested', 'waiting',"
            " '2026-12-01 10:00:00')"))
    upgrade_schema(engine)
    assert current_revision(engine) == head_revision()
    assert _row_counts(path)[HANDOFF_MARKER_TABLE] == 1


def test_two_processes_starting_together_both_succeed(tmp_path):
    url = f"sqlite:///{tmp_path / 'race.db'}"
    errors: list[BaseException] = []

    def start() -> None:
        try:
            upgrade_schema(make_engine(url))
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert current_revision(make_engine(url)) == head_revision()


def test_a_downgrade_to_the_previous_release_and_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'down.db'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0001")
    assert not HANDOFF_TABLES & set(inspect(engine).get_table_names())
    upgrade_schema(engine)
    assert schema_differences(url) == []


def test_leave_parts_and_family_events_downgrade_to_whole_days_and_back(tmp_path):
    """0003's downgrade drops what release 2026-11 cannot hold (half days, blocks, family
    event leave) and keeps every full day, its days an integer again."""
    path = _release_database(tmp_path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    full_days = _row_counts(path)["leave_requests"]
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO leave_requests (employee_id, leave_type, start_date, end_date, days,"
            " part, block_start, event, status, created_at) VALUES"
            " ('E0002', 'annual', '2026-12-01', '2026-12-01', 0.5, 'am', NULL, NULL,"
            "  'pending', '2026-11-23 10:00:00'),"
            " ('E0002', 'annual', '2026-12-01', '2026-12-01', 0.25, 'hours', '14:00', NULL,"
            "  'pending', '2026-11-23 10:00:00'),"
            " ('E0002', 'family_event', '2026-12-07', '2026-12-11', 5, 'full', NULL,"
            "  'own_wedding', 'pending', '2026-11-23 10:00:00')"))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
    assert _row_counts(path)["leave_requests"] == full_days
    columns = {c["name"]: c for c in inspect(engine).get_columns("leave_requests")}
    assert not {"part", "block_start", "event"} & set(columns)
    assert str(columns["days"]["type"]) == "INTEGER"
    upgrade_schema(engine)
    assert schema_differences(f"sqlite:///{path}") == []
    assert _row_counts(path)["leave_requests"] == full_days


def test_a_database_of_the_last_release_0003_gets_benefits_and_loses_nothing(tmp_path):
    """0004 only adds the benefits tables: every row of a 0003 database (half days and
    family event leave included) is still there, and the downgrade drops only those tables."""
    path = _release_database(tmp_path)
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine, "0003")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO leave_requests (employee_id, leave_type, start_date, end_date, days,"
            " part, block_start, event, status, created_at) VALUES"
            " ('E0002', 'annual', '2026-12-01', '2026-12-01', 0.25, 'hours', '14:00', NULL,"
            "  'pending', '2026-11-23 10:00:00'),"
            " ('E0002', 'family_event', '2026-12-07', '2026-12-11', 5, 'full', NULL,"
            "  'own_wedding', 'pending', '2026-11-23 10:00:00')"))
    before = _row_counts(path)
    assert not BENEFIT_TABLES & set(before)

    upgrade_schema(engine)
    after = _row_counts(path)
    assert current_revision(engine) == head_revision() == "0004"
    assert {table: after[table] for table in before} == before
    assert set(after) - set(before) == BENEFIT_TABLES
    assert schema_differences(f"sqlite:///{path}") == []
    with engine.begin() as connection:
        assert connection.execute(text(
            "SELECT part, block_start, days FROM leave_requests WHERE part = 'hours'")).one() == (
            "hours", "14:00", 0.25)
        connection.execute(text(
            "INSERT INTO welfare_point_accounts (id, employee_id, year, created_at)"
            " VALUES (1, 'E0002', 2026, '2026-12-12 10:00:00')"))
        connection.execute(text(
            "INSERT INTO welfare_point_transactions (account_id, kind, amount, description,"
            " occurred_on, created_at) VALUES (1, 'grant', 1000, 'demo', '2026-01-01',"
            " '2026-12-12 10:00:00')"))
        connection.execute(text(
            "INSERT INTO benefit_requests (employee_id, kind, status, purpose, language,"
            " copies, created_at) VALUES ('E0002', 'employment_certificate', 'pending',"
            " 'bank loan', 'ko', 1, '2026-12-12 10:00:00')"))
    with pytest.raises(IntegrityError), engine.begin() as connection:  # the CHECKs hold
        connection.execute(text(
            "INSERT INTO benefit_requests (employee_id, kind, status, created_at) VALUES"
            " ('E0002', 'add_dependent', 'pending', '2026-12-12 10:00:00')"))
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0003")
    assert _row_counts(path) == before
    upgrade_schema(engine)
    assert schema_differences(f"sqlite:///{path}") == []
