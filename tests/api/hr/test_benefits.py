"""Benefits administration over the API: welfare points, an employee's own requests, and HR
staff working the queue (start, complete with a note, reject)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from api.models import (
    BenefitRequest,
    BenefitStatus,
    Employee,
    WelfarePointAccount,
    WelfarePointTransaction,
)
from api.services import benefits
from api.services.benefit_rules import BenefitError
from api.services.benefits_seed import DEMO_GRANT, seed_benefits
from core.database import transaction
from tests.api.hr.support import (
    BENEFITS,
    EMPLOYMENT,
    NEWBORN,
    TODAY,
    ask_benefit,
    d,
    queue_action,
    sessions,
    stored_benefits,
)
from tests.concurrency import run_together

# --- welfare points -------------------------------------------------------------------------


def test_points_show_the_years_grant_uses_and_balance(client, auth):
    body = client.get(f"{BENEFITS}/points", headers=auth("employee")).json()
    assert (body["employee_id"], body["year"]) == ("E0002", 2026)
    assert (body["granted"], body["used"], body["balance"]) == (DEMO_GRANT, 542_000, 458_000)
    assert [(t["kind"], t["amount"], t["occurred_on"]) for t in body["transactions"]] == [
        ("use", 320_000, "2026-08-05"), ("use", 42_000, "2026-04-22"),
        ("use", 180_000, "2026-02-10"), ("grant", DEMO_GRANT, "2026-01-01")]
    assert "호텔" in body["transactions"][0]["description"] or "숙박" in body[
        "transactions"][0]["description"]
    latest = client.get(f"{BENEFITS}/points", headers=auth("employee"),
                        params={"limit": 1}).json()
    assert len(latest["transactions"]) == 1 and latest["balance"] == 458_000
    other_year = client.get(f"{BENEFITS}/points", headers=auth("employee"),
                            params={"year": 2025}).json()
    assert (other_year["granted"], other_year["balance"], other_year["transactions"]) == (
        0, 0, [])


def test_every_employee_has_points_and_no_seeded_use_overdraws(client):
    with sessions(client)() as session:
        employees = session.scalar(select(func.count()).select_from(Employee))
        accounts = session.scalar(select(func.count()).select_from(WelfarePointAccount)
                                  .where(WelfarePointAccount.year == 2026))
        spent = dict(session.execute(
            select(WelfarePointTransaction.account_id, func.sum(WelfarePointTransaction.amount))
            .where(WelfarePointTransaction.kind == "use")
            .group_by(WelfarePointTransaction.account_id)).tuples().all())
        transactions = session.scalar(select(func.count()).select_from(WelfarePointTransaction))
    assert accounts == employees > 200
    assert len(spent) > 100 and max(spent.values()) <= DEMO_GRANT
    with transaction(sessions(client)) as session:  # seeding again changes nothing
        assert seed_benefits(session, TODAY) == 0
    with sessions(client)() as session:
        assert session.scalar(select(func.count()).select_from(
            WelfarePointTransaction)) == transactions
        assert session.scalar(select(func.count()).select_from(BenefitRequest)) == 8


def test_a_use_can_never_exceed_the_balance(client):
    with pytest.raises(BenefitError) as caught, transaction(sessions(client)) as session:
        benefits.use_points(session, "E0002", 2026, 458_001, "Glasses", d("2026-11-20"))
    assert (caught.value.status, caught.value.code) == (409, "insufficient_points")
    with transaction(sessions(client)) as session:
        benefits.use_points(session, "E0002", 2026, 458_000, "Glasses", d("2026-11-20"))
        assert benefits.points(session, "E0002", 2026).balance == 0
    with pytest.raises(BenefitError) as caught, transaction(sessions(client)) as session:
        benefits.grant_points(session, "E0002", 2026, 1000, "bonus", d("2025-12-31"))
    assert caught.value.code == "wrong_year"


# --- an employee's own requests -------------------------------------------------------------


def test_an_employee_asks_for_each_kind_sees_them_and_cancels_one(client, auth):
    employee = auth("employee")
    newborn = ask_benefit(client, employee, NEWBORN)
    assert newborn.status_code == 201, newborn.text
    body = newborn.json()
    assert (body["kind"], body["status"], body["employee_id"]) == (
        "add_dependent", "pending", "E0002")
    assert body["dependent"] == {"relation": "child", "name": "Yoon Ha-rin",
                                 "birth_date": "2026-11-16"}
    assert body["certificate"] is None and body["handled_by"] is None
    work = ask_benefit(client, employee, {**EMPLOYMENT, "language": "en", "copies": 2}).json()
    assert work["certificate"] == {"purpose": "bank loan", "language": "en", "copies": 2,
                                   "year": None}
    income = ask_benefit(client, employee, {"kind": "income_certificate", "year": 2025})
    assert income.status_code == 201 and income.json()["certificate"]["year"] == 2025

    mine = client.get(f"{BENEFITS}/requests", headers=employee).json()
    assert [r["id"] for r in mine[:3]] == [income.json()["id"], work["id"], body["id"]]
    seeded = mine[3]  # the demo employee's certificate, completed by HR last month
    assert (seeded["status"], seeded["handled_by"]["name_en"]) == ("completed", "Choi Yu-na")
    assert "Pay > Certificates" in seeded["note"]
    assert {r["employee_id"] for r in mine} == {"E0002"}

    cancelled = client.delete(f"{BENEFITS}/requests/{work['id']}", headers=employee)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = client.delete(f"{BENEFITS}/requests/{work['id']}", headers=employee)
    assert again.status_code == 409 and again.json()["detail"][0]["type"] == "not_cancellable"
    pending = client.get(f"{BENEFITS}/requests", headers=employee,
                         params={"status": "pending"}).json()
    assert {r["id"] for r in pending} == {body["id"], income.json()["id"]}


def test_the_same_open_request_twice_is_a_conflict_until_it_is_closed(client, auth):
    employee = auth("employee")
    first = ask_benefit(client, employee, NEWBORN).json()
    twice = ask_benefit(client, employee, {**NEWBORN, "name": " yoon  HA-RIN"})
    assert twice.status_code == 409
    assert twice.json()["detail"][0]["type"] == "duplicate"
    assert f"#{first['id']}" in twice.json()["detail"][0]["msg"]
    client.delete(f"{BENEFITS}/requests/{first['id']}", headers=employee)
    assert ask_benefit(client, employee, NEWBORN).status_code == 201


# --- HR staff: the queue ----------------------------------------------------------------------


def test_hr_staff_start_and_complete_a_request_the_employee_then_sees(client, auth):
    employee, hr = auth("employee"), auth("hr")
    created = ask_benefit(client, employee, NEWBORN).json()
    queue = client.get(f"{BENEFITS}/queue", headers=hr).json()
    statuses = [r["status"] for r in queue["requests"]]
    assert statuses == sorted(statuses, key=lambda s: s != "pending")  # pending first
    pending = [r for r in queue["requests"] if r["status"] == "pending"]
    assert [r["created_at"] for r in pending] == sorted(r["created_at"] for r in pending)
    assert pending[-1]["id"] == created["id"]  # the newest waits last
    assert pending[-1]["employee"] == {"employee_id": "E0002", "name_en": "Yoon Seo-ah",
                                       "name_ko": "윤서아", "branch": "Gangnam",
                                       "department": "pharmacy"}
    assert queue["counts"]["pending"] == len(pending) == 6
    assert queue["counts"]["in_progress"] == 1 and queue["counts"]["completed"] == 1

    started = queue_action(client, hr, created["id"], "start")
    assert started.status_code == 200, started.text
    assert (started.json()["status"], started.json()["handled_by"]["employee_id"]) == (
        "in_progress", "E0011")
    assert client.delete(f"{BENEFITS}/requests/{created['id']}",
                         headers=employee).status_code == 409  # HR has it now
    done = queue_action(client, hr, created["id"], "complete",
                        "Registered with NHIS from 16 November.")
    assert done.status_code == 200 and done.json()["status"] == "completed"
    mine = next(r for r in client.get(f"{BENEFITS}/requests", headers=employee).json()
                if r["id"] == created["id"])
    assert (mine["status"], mine["note"]) == ("completed", "Registered with NHIS from 16 November.")
    assert mine["handled_by"]["name_en"] == "Choi Yu-na" and mine["handled_at"]

    for verb in ("start", "complete", "reject"):
        late = queue_action(client, hr, created["id"], verb, "again")
        assert late.status_code == 409, verb
        assert late.json()["detail"][0]["type"] == "invalid_transition"
    completed = client.get(f"{BENEFITS}/queue", headers=hr,
                           params={"status": "completed"}).json()["requests"]
    assert created["id"] in [r["id"] for r in completed]
    assert all(r["status"] == "completed" for r in completed)


def test_hr_staff_reject_with_a_note_and_complete_only_what_they_started(client, auth):
    employee, hr = auth("employee"), auth("hr")
    created = ask_benefit(client, employee, EMPLOYMENT).json()
    early = queue_action(client, hr, created["id"], "complete", "done")
    assert early.status_code == 409 and "must be in_progress" in early.json()["detail"][0]["msg"]
    rejected = queue_action(client, hr, created["id"], "reject",
                            "  Download it yourself from Pay > Certificates.  ")
    assert rejected.status_code == 200
    assert (rejected.json()["status"], rejected.json()["note"]) == (
        "rejected", "Download it yourself from Pay > Certificates.")
    assert stored_benefits(client)[created["id"]] == ("E0002", "rejected")
    everything = client.get(f"{BENEFITS}/queue", headers=hr, params={"status": "all"}).json()
    assert len(everything["requests"]) == sum(everything["counts"].values()) == 9
    open_only = client.get(f"{BENEFITS}/queue", headers=hr).json()["requests"]
    assert {r["status"] for r in open_only} == {"pending", "in_progress"}


def test_hr_staff_never_handle_their_own_request(client, auth):
    hr = auth("hr")
    me = client.get("/v1/hr/me", headers=hr).json()  # the demo HR account: HR's own record
    assert (me["employee_id"], me["department"], me["job_role"]) == (
        "E0011", "hr", "benefits specialist")
    own = ask_benefit(client, hr, EMPLOYMENT).json()
    assert own["employee_id"] == "E0011"
    listed = client.get(f"{BENEFITS}/queue", headers=hr).json()["requests"]
    assert own["id"] in [r["id"] for r in listed]  # in the queue, for someone else in HR
    for verb in ("start", "reject"):
        refused = queue_action(client, hr, own["id"], verb, "mine")
        assert refused.status_code == 409 and refused.json()["detail"][0]["type"] == "own_request"
    assert stored_benefits(client)[own["id"]] == ("E0011", "pending")


def test_two_hr_staff_starting_the_same_request_one_wins(client):
    factory = sessions(client)
    with factory() as session:
        waiting = session.scalar(select(BenefitRequest.id).where(
            BenefitRequest.status == BenefitStatus.pending).order_by(BenefitRequest.id))
    assert waiting is not None

    def start(hr_id: str):
        def job():
            try:
                with transaction(factory) as session:
                    return benefits.start(session, hr_id, waiting).handled_by
            except BenefitError as error:
                return error.code
        return job

    results = run_together([start("E0011"), start("E0009"), start("E0010")])
    assert sorted(results, key=str).count("invalid_transition") == 2, results
    winner = next(r for r in results if r != "invalid_transition")
    with factory() as session:
        stored = session.get(BenefitRequest, waiting)
        assert stored is not None
        assert (stored.status, stored.handled_by) == (BenefitStatus.in_progress, winner)
