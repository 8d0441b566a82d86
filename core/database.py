"""Engine and session factory shared by the knowledge base and the gateway's own tables.

SQLite (the embedded default) gets WAL mode, a busy timeout and foreign keys. Plain
sessions read in deferred transactions (readers never block writers); a unit of work opened
with :func:`transaction` starts with ``BEGIN IMMEDIATE`` and so takes the write lock up front:
two requests that read-then-write (a leave request checking the balance) are serialised
instead of both passing the check. PostgreSQL (the production profile) locks rows explicitly
(``SELECT … FOR UPDATE``). Tables are created from the SQLAlchemy models.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

_IMMEDIATE = "sqlite_begin_immediate"


class Base(DeclarativeBase):
    """Declarative base of every table (knowledge base, accounts, HR, feedback, audit)."""


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
            dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:  # type: ignore[no-untyped-def]
            immediate = connection.get_execution_options().get(_IMMEDIATE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def create_tables(engine: Engine) -> None:
    # Import the model modules so their tables are registered on Base.metadata.
    import knowledge_base.tables  # noqa: F401

    with suppress(ImportError):  # the knowledge-base CLI runs without the gateway
        import api.models  # noqa: F401
    Base.metadata.create_all(engine)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work that writes: commit on success, roll back on any error.

    On SQLite it holds the write lock from its first statement (see the module docstring).
    """
    with factory() as session, session.begin():
        session.connection(execution_options={_IMMEDIATE: True})
        yield session
