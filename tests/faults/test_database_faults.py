"""The database briefly locked or unavailable: writes wait or retry, and land exactly once.

Two kinds of fault:

* another connection holds SQLite's write lock for about two seconds while the gateway
  writes (a leave request, a chat turn, feedback, a staff KB edit): the write waits for the
  lock, then succeeds, and neither side's write is lost;
* a unit of work fails part-way with a transient ``OperationalError`` ("database is locked"
  after the busy timeout, a dropped connection) after its SQL already ran: ``run_transaction``
  rolls it back and runs it again, so the row exists exactly once.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

import api.main
from api.main import create_app
from api.models import ChatTurn, Feedback, LeaveRequest, LeaveType
from api.routes.hr import get_today
from core.database import (
    is_transient,
    make_engine,
    make_session_factory,
    run_transaction,
)
from core.schema import upgrade_schema
from knowledge_base.store import EditConflict, KnowledgeBase
from knowledge_base.tables import AuditRow, VersionRow
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa, token

TODAY = date(2026, 11, 23)  # a Monday; the seeded roster and the routes both use it
LOCK_SECONDS = 2.0


def locked() -> OperationalError:
    return OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))


def dropped() -> OperationalError:
    return OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"),
                            connection_invalidated=True)


class FlakySessions:
    """A session factory whose flushes fail ``failures`` times with ``error()``.

    The error is raised from ``after_flush``: the unit of work's INSERTs have already run on
    the connection when it fails, so a correct retry must roll them back first.
    """

    def __init__(self, factory, error: Callable[[], Exception], *, failures: int = 1,
                 when: Callable[[Session], bool] = lambda session: True) -> None:
        self._factory = factory
        self._error = error
        self._when = when
        self.failures = failures
        self.raised = 0

    def __call__(self) -> Session:
        session = self._factory()
        event.listen(session, "after_flush", self._after_flush)
        return session

    def _after_flush(self, session: Session, _context) -> None:  # type: ignore[no-untyped-def]
        if self.raised < self.failures and self._when(session):
            self.raised += 1
            raise self._error()


def inserting(model: type) -> Callable[[Session], bool]:
    return lambda session: any(isinstance(obj, model) for obj in session.new)


@pytest.fixture
def client(fault_settings, embedder, monkeypatch):
    monkeypatch.setattr(api.main, "today_in_seoul", lambda: TODAY)
    rasa = FakeRasa()
    app = create_app(fault_settings, search_service=SearchService(fault_settings, embedder),
                     rasa_client=rasa)
    app.dependency_overrides[get_today] = lambda: TODAY
    with TestClient(app) as test_client:
        test_client.rasa = rasa  # type: ignore[attr-defined]
        yield test_client


def count(client: TestClient, query) -> int:  # type: ignore[no-untyped-def]
    with client.app.state.sessions() as session:
        return session.scalar(select(func.count()).select_from(query.subquery()))


def while_locked(db_path, write: Callable[[], object]) -> tuple[object, bool]:
    """Run ``write`` in a thread while another connection holds the write lock.

    Returns what ``write`` returned and whether it was still waiting when the lock was
    released (it must have been: it cannot commit while someone else holds the lock). The
    lock holder writes a row of its own, so both writes can be checked afterwards.
    """
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE IF NOT EXISTS fault_probe (note TEXT)")
    note = uuid.uuid4().hex
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO fault_probe VALUES (?)", (note,))
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = write()
        except Exception as exc:  # reported through the result
            result["value"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    try:
        thread.join(LOCK_SECONDS)
        waited = thread.is_alive()
    finally:
        holder.execute("COMMIT")
    thread.join(120)
    try:
        assert not thread.is_alive(), "the write never finished after the lock was released"
        probe = holder.execute("SELECT count(*) FROM fault_probe WHERE note = ?",
                               (note,)).fetchone()[0]
        assert probe == 1, "the lock holder's own write was lost"
    finally:
        holder.close()
    return result["value"], waited


def db_path(client: TestClient):  # type: ignore[no-untyped-def]
    return client.app.state.settings.paths.var_dir / "pharmacy.sqlite"


# --- a two-second lock ---------------------------------------------------------------


def test_a_leave_request_waits_for_the_lock_and_is_booked_once(client):
    employee = token(client, "employee")
    before = client.get("/v1/hr/leave/balance", headers=employee).json()
    annual_before = next(b for b in before["balances"] if b["leave_type"] == "annual")
    body = {"leave_type": "annual", "start_date": "2026-12-01", "end_date": "2026-12-03"}

    response, waited = while_locked(db_path(client), lambda: client.post(
        "/v1/hr/leave/requests", json=body, headers=employee))
    assert waited, "the write did not wait for the lock"
    assert response.status_code == 201, response.text
    booked = response.json()
    assert booked["days"] == 3 and booked["status"] == "pending"
    assert count(client, select(LeaveRequest).where(
        LeaveRequest.employee_id == "E0002",
        LeaveRequest.start_date == date(2026, 12, 1))) == 1
    after = client.get("/v1/hr/leave/balance", headers=employee).json()
    annual = next(b for b in after["balances"] if b["leave_type"] == "annual")
    assert annual["pending"] == annual_before["pending"] + 3
    assert annual["remaining"] == annual_before["remaining"] - 3


def test_a_chat_turn_and_its_feedback_wait_for_the_lock_and_are_kept(client):
    client.rasa.reply("Our Gangnam branch is open until 22:00.", intent="ask_store_info")
    response, waited = while_locked(db_path(client), lambda: client.post(
        "/v1/chat", json={"session_id": "locked", "message": "gangnam hours?"}))
    assert waited and response.status_code == 200, response.text
    message_id = response.json()["message_id"]
    assert count(client, select(ChatTurn).where(ChatTurn.id == message_id)) == 1

    feedback, waited = while_locked(db_path(client), lambda: client.post(
        "/v1/feedback", json={"message_id": message_id, "rating": "down", "comment": "late"}))
    assert waited and feedback.status_code == 201, feedback.text
    assert count(client, select(Feedback).where(Feedback.turn_id == message_id)) == 1


def test_a_staff_edit_waits_for_the_lock_then_is_versioned_and_searchable(client):
    staff = token(client, "pharmacist")
    doc_id, key = "cat-zyrtec-tablets", "dosage_and_administration"
    before = client.get(f"/v1/kb/documents/{doc_id}", headers=staff).json()
    text = "Adults: one tablet daily. Heron check after a locked database."

    response, waited = while_locked(db_path(client), lambda: client.put(
        f"/v1/kb/documents/{doc_id}/sections/{key}", headers=staff,
        json={"text": text, "expected_version": before["version"]}))
    assert waited and response.status_code == 200, response.text
    assert response.json()["version"] == before["version"] + 1
    versions = client.get(f"/v1/kb/documents/{doc_id}/versions", headers=staff).json()
    assert [v["version"] for v in versions][-1] == before["version"] + 1
    assert len(versions) == len({v["version"] for v in versions})
    assert any("Heron check" in c.text for c in client.app.state.search.snapshot.chunks)
    hits = client.get("/v1/search", params={"q": "zyrtec dose heron check", "k": 10}).json()
    assert any("Heron check" in h["text"] for h in hits["hits"])


# --- transient errors part-way through a unit of work ---------------------------------


@pytest.mark.parametrize("error", [locked, dropped])
def test_a_leave_request_that_fails_after_its_insert_is_retried_and_lands_once(client, error):
    employee = token(client, "employee")
    flaky = FlakySessions(client.app.state.sessions, error, when=inserting(LeaveRequest))
    client.app.state.sessions = flaky
    response = client.post("/v1/hr/leave/requests", headers=employee, json={
        "leave_type": "family", "start_date": "2026-12-07", "end_date": "2026-12-08"})
    assert flaky.raised == 1, "the fault was never injected"
    assert response.status_code == 201, response.text
    assert count(client, select(LeaveRequest).where(
        LeaveRequest.employee_id == "E0002", LeaveRequest.leave_type == LeaveType.family)) == 1
    family = next(b for b in client.get("/v1/hr/leave/balance", headers=employee)
                  .json()["balances"] if b["leave_type"] == "family")
    assert (family["pending"], family["remaining"]) == (2, 8)


def test_a_chat_turn_and_feedback_survive_a_dropped_connection(client):
    client.rasa.reply("Our Gangnam branch is open until 22:00.", intent="ask_store_info")
    state = client.app.state
    turns = FlakySessions(state.sessions, dropped, when=inserting(ChatTurn))
    feedbacks = FlakySessions(state.sessions, dropped, when=inserting(Feedback))
    state.chat.sessions, state.sessions = turns, feedbacks
    body = client.post("/v1/chat", json={"session_id": "drop", "message": "gangnam hours?"})
    assert body.status_code == 200, body.text
    message_id = body.json()["message_id"]
    feedback = client.post("/v1/feedback", json={"message_id": message_id, "rating": "up"})
    assert feedback.status_code == 201, feedback.text
    assert (turns.raised, feedbacks.raised) == (1, 1)
    assert count(client, select(ChatTurn).where(ChatTurn.session_id == "drop")) == 1
    assert count(client, select(Feedback).where(Feedback.turn_id == message_id)) == 1


# --- run_transaction itself ---------------------------------------------------------------


@pytest.fixture
def store(tmp_path, small_documents):
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    upgrade_schema(engine)
    factory = make_session_factory(engine)
    KnowledgeBase(factory).import_documents([("test", d) for d in small_documents[:2]],
                                            origins={"test"}, author="importer")
    yield factory
    engine.dispose()


def edited(kb: KnowledgeBase, doc_id: str):  # type: ignore[no-untyped-def]
    stored = kb.get(doc_id)
    first = stored.document.sections[0]
    sections = (first.model_copy(update={"text": first.text + " Edited."}),
                *stored.document.sections[1:])
    return stored, stored.document.model_copy(update={"sections": sections})


def test_a_kb_save_retried_after_a_lock_error_writes_one_version_and_one_audit_row(store):
    flaky = FlakySessions(store, locked, failures=2, when=inserting(VersionRow))
    kb, reader = KnowledgeBase(flaky), KnowledgeBase(store)
    doc_id = reader.current_documents()[0].doc_id
    revision = reader.revision()
    stored, document = edited(reader, doc_id)
    saved = kb.save(document, author="staff", expected_version=stored.version)
    assert flaky.raised == 2
    assert saved.version == stored.version + 1
    assert [v.version for v in reader.versions(doc_id)][-2:] == [stored.version,
                                                                 stored.version + 1]
    assert reader.revision() == revision + 1
    assert [a.action for a in reader.audit_log(doc_id) if a.actor == "staff"] == ["update"]


def test_after_the_last_attempt_the_error_surfaces_and_nothing_is_written(store):
    flaky = FlakySessions(store, locked, failures=10, when=inserting(VersionRow))
    kb, reader = KnowledgeBase(flaky), KnowledgeBase(store)
    doc_id = reader.current_documents()[0].doc_id
    stored, document = edited(reader, doc_id)
    with pytest.raises(OperationalError, match="database is locked"):
        kb.save(document, author="staff", expected_version=stored.version)
    assert flaky.raised == 3  # the default number of attempts, then it gives up
    assert reader.get(doc_id).version == stored.version
    with store() as session:
        assert session.scalar(select(func.count()).select_from(AuditRow)
                              .where(AuditRow.actor == "staff")) == 0


def test_only_transient_errors_are_retried(store):
    calls = []

    def work(error: Exception):  # type: ignore[no-untyped-def]
        def run(session: Session) -> None:
            calls.append(error)
            raise error
        return run

    reader = KnowledgeBase(store)
    conflict = EditConflict(1, reader.get(reader.current_documents()[0].doc_id))
    permanent = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: x"))
    duplicate = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))
    for error in (conflict, permanent, duplicate):
        calls.clear()
        with pytest.raises(type(error)):
            run_transaction(store, work(error))
        assert calls == [error], f"{error!r} must not be retried"


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("error", "transient"), [
    (locked(), True),
    (dropped(), True),
    (OperationalError("UPDATE", {}, _PgError("40001")), True),  # serialization failure
    (OperationalError("UPDATE", {}, _PgError("40P01")), True),  # deadlock
    (OperationalError("SELECT", {}, _PgError("08006")), True),  # connection failure
    (OperationalError("SELECT", {}, _PgError("42P01")), False),  # undefined table
    (OperationalError("SELECT", {}, sqlite3.OperationalError("disk I/O error")), False),
    (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), False),
    (RuntimeError("database is locked"), False),  # not a database error at all
])
def test_which_errors_count_as_transient(error, transient):
    assert is_transient(error) is transient
