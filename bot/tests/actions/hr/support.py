"""What the HR action tests share: the demo people, trackers on the HR channel and
helpers that read or write leave through the real gateway's REST API.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import requests
from rasa_sdk import Tracker

from bot.actions.hr.context import seoul_today

USERS = {"employee": "E0002", "manager": "E0001", "pharmacist": "E0003"}


FORM_DOMAIN = {"forms": {"leave_request_form": {"required_slots": ["leave_type",
                                                                   "leave_dates"]}}}


def rest(gateway_url: str, token: str, method: str, path: str, **kwargs):
    response = requests.request(method, f"{gateway_url}{path}", timeout=10,
                                headers={"Authorization": f"Bearer {token}"}, **kwargs)
    return response


def hr_tracker(text: str, token: str | None, employee_id: str | None = "E0002", *,
               intent: str = "hr_leave_balance", entities: list[dict] | None = None,
               slots: dict | None = None, events: list[dict] | None = None,
               channel: str = "hr", active_loop: dict | None = None) -> Tracker:
    language = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"
    metadata: dict = {"channel": channel}
    if employee_id:
        metadata["employee_id"] = employee_id
    if token:
        metadata["service_token"] = token
    message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [*(entities or []), {"entity": "language", "value": language}],
        "metadata": metadata,
    }
    return Tracker("test-employee", slots or {}, message, events or [], False, None,
                   active_loop or {}, "action_listen")


def as_user(tokens, username: str, text: str, **kwargs) -> Tracker:
    return hr_tracker(text, tokens[username], USERS[username], **kwargs)


def entity(name: str, value: str) -> dict:
    return {"entity": name, "value": value}


def future_span(api, weeks_ahead: int) -> tuple[str, str, int]:
    """Monday to Wednesday ``weeks_ahead`` weeks from now, and its working days."""
    today = seoul_today()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    start, end = monday.isoformat(), (monday + timedelta(days=2)).isoformat()
    parsed = api("employee", "POST", "/v1/hr/leave/parse-dates",
                 json={"text": f"{start} to {end}"}).json()
    return start, end, parsed["working_days"]


def remaining(api, username: str, leave_type: str, year: int) -> int:
    body = api(username, "GET", "/v1/hr/leave/balance", params={"year": year}).json()
    return next(b["remaining"] for b in body["balances"] if b["leave_type"] == leave_type)


def status_of(api, username: str, request_id: int) -> str:
    mine = api(username, "GET", "/v1/hr/leave/requests").json()
    return next(r["status"] for r in mine if r["id"] == request_id)


def ask_leave(api, username: str, leave_type: str, start: str, end: str) -> dict:
    response = api(username, "POST", "/v1/hr/leave/requests", json={
        "leave_type": leave_type, "start_date": start, "end_date": end})
    assert response.status_code == 201, response.text
    return response.json()


def run_async(action, tracker_: Tracker, domain: dict) -> tuple[list[dict], list[dict], dict]:
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, domain))
    texts = [m for m in dispatcher.messages if m.get("text")]
    metas = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    return events, texts, (metas[0] if metas else {})
