"""Two gateway replicas share one PostgreSQL database and one index directory.

A staff edit made through one replica is found by a search on the other, and concurrent
leave requests spread over both replicas never overdraw a balance (the employee's row is
locked with ``SELECT … FOR UPDATE``).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from datetime import date, timedelta

import pytest

from api.services.work_calendar import is_working_day, today_in_seoul
from tests.concurrency import run_together

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
GATEWAYS = ("gateway-1", "gateway-2")


def wait_for(check, timeout_seconds: float = 180.0, every: float = 0.5):
    """Poll ``check()`` until it returns something truthy; that value."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


def served_index(scaled, gateway: str) -> str | None:
    with scaled.client(gateway) as client:
        ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text
    return ready.json()["index"]


def test_a_kb_edit_on_one_gateway_is_searchable_on_the_other(scaled):
    staff = scaled.token("pharmacist", via="gateway-1")  # valid on both: one JWT secret
    doc_id, section = "cat-motrin-ib-tablets", "storage_and_handling"
    marker = f"Shelf-code {uuid.uuid4().hex[:8].upper()}"
    query = {"q": f"how should I store motrin ib {marker}", "k": 10}

    def found_on(gateway: str) -> bool:
        with scaled.client(gateway) as client:
            response = client.get("/v1/search", params=query)
        assert response.status_code == 200, response.text
        return any(marker in hit["text"] for hit in response.json()["hits"])

    with scaled.client("gateway-1", headers=staff) as one, \
            scaled.client("gateway-2", headers=staff) as two:
        before = one.get(f"/v1/kb/documents/{doc_id}").json()
        edited = one.put(f"/v1/kb/documents/{doc_id}/sections/{section}", json={
            "text": f"Keep the tablets in a cool dry cupboard away from sunlight. {marker}.",
            "expected_version": before["version"]})
        assert edited.status_code == 200, edited.text
        try:
            assert found_on("gateway-1")
            assert wait_for(lambda: found_on("gateway-2")), "gateway-2 never served the edit"
            assert served_index(scaled, "gateway-1") == served_index(scaled, "gateway-2")
            # Both replicas read the same store: the version written on one shows on the other.
            assert two.get(f"/v1/kb/documents/{doc_id}").json()["version"] > before["version"]
        finally:
            back = two.post(f"/v1/kb/documents/{doc_id}/rollback",
                            json={"version": before["version"]})
            assert back.status_code == 200, back.text
    assert wait_for(lambda: not found_on("gateway-1")), "gateway-1 kept serving the edit"
    assert served_index(scaled, "gateway-1") == served_index(scaled, "gateway-2")


def family_balance(client, year: int) -> dict:
    response = client.get("/v1/hr/leave/balance", params={"year": year})
    assert response.status_code == 200, response.text
    return next(b for b in response.json()["balances"] if b["leave_type"] == "family")


def test_fifty_concurrent_leave_requests_on_two_gateways_never_overdraw(scaled):
    employee = scaled.token("employee", via="gateway-2")
    year = today_in_seoul().year + 1  # next year: nothing of it is booked by the seed yet
    with scaled.client("gateway-1", headers=employee) as client:
        before = family_balance(client, year)  # also stores next year's entitlements
        booked = client.get("/v1/hr/leave/requests").json()
    fits = before["remaining"]
    assert fits > 0, before
    pending_before = _family_pending(booked, year)

    taken = {booked_day for r in booked if r["status"] in ("pending", "approved")
             for booked_day in _days(r["start_date"], r["end_date"])}
    days, day = [], date(year, 2, 1)
    while len(days) < 2 * fits:  # each day asked for by two or three requests
        if is_working_day(day) and day not in taken:
            days.append(day)
        day += timedelta(days=1)
    wanted = [days[i % len(days)] for i in range(50)]

    clients = [scaled.client(GATEWAYS[i % 2], headers=employee) for i in range(50)]
    watching = threading.Event()
    seen: list[tuple[int, int | None]] = []

    def watch() -> None:  # balances read on both replicas while the requests race
        with scaled.client("gateway-1", headers=employee) as one, \
                scaled.client("gateway-2", headers=employee) as two:
            while not watching.is_set():
                for client in (one, two):
                    response = client.get("/v1/hr/leave/balance", params={"year": year})
                    remaining = next((b["remaining"] for b in response.json()["balances"]
                                      if b["leave_type"] == "family"), None) \
                        if response.status_code == 200 else None
                    seen.append((response.status_code, remaining))
                time.sleep(0.05)

    def one(i: int):
        def job():
            response = clients[i].post("/v1/hr/leave/requests", json={
                "leave_type": "family", "start_date": wanted[i].isoformat(),
                "end_date": wanted[i].isoformat()})
            return response.status_code, response.json()
        return job

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        results = run_together([one(i) for i in range(50)])
    finally:
        watching.set()
        watcher.join()
        for client in clients:
            client.close()

    assert not [r for r in results if isinstance(r, Exception)], results
    statuses = Counter(status for status, _ in results)
    assert set(statuses) <= {201, 409}, statuses  # no 5xx, nothing lost
    won = [wanted[i] for i, (status, _) in enumerate(results) if status == 201]
    assert len(won) == fits, statuses  # exactly the balance, not a day more or less
    assert len(set(won)) == len(won)  # no date booked twice
    refusals = Counter(body["detail"][0]["type"] for status, body in results if status == 409)
    assert set(refusals) <= {"overlap", "insufficient_balance"}, refusals
    assert seen and all(status == 200 and remaining is not None and remaining >= 0
                        for status, remaining in seen), seen

    for gateway in GATEWAYS:  # both replicas agree on the stored outcome
        with scaled.client(gateway, headers=employee) as client:
            after = family_balance(client, year)
            mine = client.get("/v1/hr/leave/requests").json()
        assert after["remaining"] == 0, after
        assert after["pending"] == before["pending"] + fits, after
        assert _family_pending(mine, year) == pending_before + fits
        stored = {date.fromisoformat(r["start_date"]) for r in mine}
        assert set(won) <= stored, (won, stored)


def _days(start: str, end: str) -> list[date]:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _family_pending(requests: list[dict], year: int) -> int:
    return sum(1 for r in requests if r["leave_type"] == "family" and r["status"] == "pending"
               and r["start_date"].startswith(str(year)))


def test_chat_rate_limits_are_counted_once_across_replicas(scaled):
    """Each replica's limiter counts in the same Redis: a session over its limit on one
    replica is refused on the other too."""
    from fastapi import HTTPException
    from starlette.requests import Request

    from api.services.rate_limit import ChatRateLimiter
    from core.settings import RateLimitSettings

    shared = RateLimitSettings(per_ip="1000/minute", per_session="3/minute",
                               storage_uri=f"redis://127.0.0.1:{scaled.ports.redis}/2")
    replica_1, replica_2 = ChatRateLimiter(shared), ChatRateLimiter(shared)
    request = Request({"type": "http", "client": ("203.0.113.7", 5000), "headers": []})
    session = f"limit-{uuid.uuid4().hex[:8]}"
    for limiter in (replica_1, replica_2, replica_1):
        limiter.check(request, session)
    with pytest.raises(HTTPException) as refused:
        replica_2.check(request, session)
    assert refused.value.status_code == 429
    replica_1.check(request, f"{session}-other")  # another session is not affected
