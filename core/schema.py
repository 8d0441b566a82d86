"""The database schema, brought up to date by Alembic migrations (``core/migrations``).

Every process that opens the database (gateway, knowledge-base importers, the scaled
profile's setup) calls :func:`upgrade_schema` first; it is a no-op on a current database.
Two processes starting together are safe: the upgrade runs in one transaction that first
takes the database's write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so
the second one waits and then finds nothing to do.

A database made before migrations existed (release 2026-11, tables from ``create_all``)
has tables but no ``alembic_version``: it is stamped with the revision its tables match and
then upgraded, keeping its rows.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from core.database import BEGIN_IMMEDIATE

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Revision of the last schema made without migrations, and the table that tells it apart.
PRE_MIGRATION_REVISION = "0001"
PRE_MIGRATION_MARKER_TABLE = "kb_documents"
# Tables the unreleased handoff commits created with create_all before 0002 existed.
HANDOFF_REVISION, HANDOFF_MARKER_TABLE = "0002", "consultations"
_ADVISORY_LOCK_KEY = 7_305_118_204  # any constant shared by every process of this app


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _revision_of_unversioned(connection: Connection) -> str | None:
    """The revision a database without ``alembic_version`` matches (None: it is empty)."""
    tables = set(inspect(connection).get_table_names())
    if PRE_MIGRATION_MARKER_TABLE not in tables:
        return None
    return HANDOFF_REVISION if HANDOFF_MARKER_TABLE in tables else PRE_MIGRATION_REVISION


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (default: the newest), in one transaction."""
    with (engine.connect().execution_options(**{BEGIN_IMMEDIATE: True}) as connection,
          connection.begin()):
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK_KEY})")
        config = alembic_config(connection)
        if MigrationContext.configure(connection).get_current_revision() is None:
            found = _revision_of_unversioned(connection)
            if found is not None:
                command.stamp(config, found)
        command.upgrade(config, revision)
