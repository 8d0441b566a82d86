"""The HR action tests' fixtures: service tokens of the demo people, the REST helper,
no leave left behind by a test, and a gateway that does not answer."""

from __future__ import annotations

import socket

import pytest
import requests

from bot.actions.config import get_config
from bot.actions.hr.context import seoul_today
from bot.tests.actions.hr.support import (
    USERS,
    rest,
)


@pytest.fixture(scope="module")
def tokens(gateway_url) -> dict[str, str]:
    signed_in = {}
    for username in (*USERS, "customer", "hr"):
        response = requests.post(f"{gateway_url}/v1/auth/token", timeout=10, data={
            "username": username, "password": f"{username}-demo"})
        response.raise_for_status()
        signed_in[username] = response.json()["access_token"]
    return signed_in


@pytest.fixture
def api(gateway_url, tokens):
    """Call the HR REST API directly as a demo user (to arrange and to check)."""

    def call(username: str, method: str, path: str, **kwargs):
        return rest(gateway_url, tokens[username], method, path, **kwargs)

    return call


@pytest.fixture(autouse=True)
def _leave_no_trace(gateway_url, tokens):
    yield
    today = seoul_today().isoformat()
    for username in USERS:
        mine = rest(gateway_url, tokens[username], "GET", "/v1/hr/leave/requests").json()
        for request in mine:
            if request["status"] in ("pending", "approved") and request["start_date"] >= today:
                rest(gateway_url, tokens[username], "DELETE",
                     f"/v1/hr/leave/requests/{request['id']}")


@pytest.fixture
def gateway_down(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    monkeypatch.setenv("ACTIONS_GATEWAY_URL", f"http://127.0.0.1:{closed_port}")
    get_config.cache_clear()
    yield
    monkeypatch.undo()
    get_config.cache_clear()
