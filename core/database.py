"""Engine and session factory shared by the knowledge base and the gateway's own tables.

SQLite (the embedded default) gets WAL mode, a busy timeout and foreign keys. Plain
sessions read in deferred transactions (readers never block writers); a unit of work opened
with :func:`transaction` starts with ``BEGIN IMMEDIATE`` and so takes the write lock up front:
two requests that read-then-write (a leave request checking the balance) are serialised
instead of both passing the check. PostgreSQL (the production profile) locks rows explicitly
(``SELECT … FOR UPDATE``). The schema comes from Alembic migrations (:mod:`core.schema`).

:func:`run_transaction` is how the gateway writes: it runs a unit of work in
:func:`transaction` and, if the database was briefly unavailable (SQLite still locked after
its busy timeout, a dropped PostgreSQL connection, a serialisation failure or deadlock), rolls
back and runs the whole unit again, a bounded number of times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from tenacity import (
    Retrying,
    before_sleep_log,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)

# execution option: this connection's transactions start with BEGIN IMMEDIATE (SQLite)
BEGIN_IMMEDIATE = "sqlite_begin_immediate"
T = TypeVar("T")
log = logging.getLogger(__name__)


class Base(DeclarativeBase):
    """Declarative base of every table (knowledge base, accounts, HR, feedback, audit)."""


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
            dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:
            immediate = connection.get_execution_options().get(BEGIN_IMMEDIATE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work that writes: commit on success, roll back on any error.

    On SQLite it holds the write lock from its first statement (see the module docstring).
    """
    with factory() as session, session.begin():
        session.connection(execution_options={BEGIN_IMMEDIATE: True})
        yield session


# SQLSTATE classes worth another attempt: 08 connection exception, 40 transaction rollback
# (serialisation failure, deadlock). SQLite says "database is locked" / "... is busy".
_TRANSIENT_SQLSTATE_CLASSES = ("08", "40")
_TRANSIENT_MESSAGES = ("database is locked", "database table is locked", "database is busy")


def is_transient(exc: BaseException) -> bool:
    """True for an error that says "try again", not "this cannot work"."""
    if not isinstance(exc, OperationalError):
        return False
    if exc.connection_invalidated:
        return True
    sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if isinstance(sqlstate, str) and sqlstate[:2] in _TRANSIENT_SQLSTATE_CLASSES:
        return True
    text = str(exc.orig).lower()
    return any(message in text for message in _TRANSIENT_MESSAGES)


def run_transaction(
    factory: sessionmaker[Session], work: Callable[[Session], T], *, attempts: int = 3,
    max_wait_seconds: float = 1.0,
) -> T:
    """``work(session)`` in one :func:`transaction`, retried on a transient database error.

    Each attempt starts from scratch in a fresh session and transaction (the failed one was
    rolled back), so ``work`` must only touch the database through its session. Any other
    exception (a refused edit, a validation error) propagates at once; after ``attempts``
    transient failures the last one does. A connection lost *during* COMMIT is the one
    ambiguous case (the server may have committed): most units here then refuse the repeat
    by their own checks (document version, leave overlap, the chat turn's primary key); a
    feedback thumb could be recorded twice.
    """

    def attempt() -> T:
        with transaction(factory) as session:
            return work(session)

    retrying = Retrying(
        retry=retry_if_exception(is_transient), stop=stop_after_attempt(attempts),
        wait=wait_random_exponential(multiplier=0.05, max=max_wait_seconds), reraise=True,
        before_sleep=before_sleep_log(log, logging.WARNING),
    )
    return retrying(attempt)
