"""Live pharmacist handoff against a running stack (`make run`): how long until each side
sees the other, and whether the bot stays silent while a pharmacist holds the conversation.

Plays ``--n`` consultations one after another, each as the web chat and the staff console
do it (both poll every ``--poll`` seconds, the console's and the chat's interval):

1. the user asks for a pharmacist (real Rasa decides it is a handoff);
2. ``queue_visible``: from that reply until the pharmacist's polling sees it in the queue;
3. the pharmacist claims and replies; ``reply_visible``: from the reply's POST until the
   user's polling shows it;
4. the user writes again; ``user_visible``: until the pharmacist's transcript shows it, and
   the chat must answer ``pharmacist_pending`` with no bot reply (``bot_silent``);
5. the pharmacist closes; the next question must be answered by the assistant again.

    make run   # in another terminal (or: python -m ops.run --gateway-port …)
    PYTHONPATH=. .venv/bin/python bench/handoff_eval.py --url http://127.0.0.1:8000 [--n 20]

Prints a table and writes bench/results/handoff_eval.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import httpx

from bench.figures import summary
from core.settings import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results" / "handoff_eval.json"


PHASE = random.Random(21)  # where in its polling cycle the other side is when a message lands


def wait_for(check: Callable[[], bool], poll: float, timeout: float = 60) -> float:
    """Seconds until ``check()`` held, polling every ``poll`` seconds like a poller already
    running: the first poll comes after a random part of the interval."""
    start = time.perf_counter()
    time.sleep(PHASE.uniform(0, poll))
    while not check():
        if time.perf_counter() - start > timeout:
            raise TimeoutError("not seen within the timeout")
        time.sleep(poll)
    return time.perf_counter() - start


def one_consultation(client: httpx.Client, staff: dict, poll: float) -> dict:
    sid = f"bench-handoff-{uuid.uuid4().hex[:12]}"
    asked = client.post("/v1/chat", json={"session_id": sid,
                                          "message": "I'd like to talk to a pharmacist"})
    asked.raise_for_status()
    body = asked.json()
    if not body.get("consultation_id"):
        raise RuntimeError(f"no consultation for a handoff request: {body}")
    cid, session_token = body["consultation_id"], body["session_token"]
    user_headers = {"X-Session-Token": session_token}

    def in_queue() -> bool:
        queue = client.get("/v1/staff/consultations", headers=staff).json()
        return cid in [c["id"] for c in queue["consultations"]]

    queue_visible = wait_for(in_queue, poll)
    client.post(f"/v1/staff/consultations/{cid}/claim", headers=staff).raise_for_status()
    text = f"pharmacist reply {uuid.uuid4().hex[:6]}"
    sent_at = time.perf_counter()
    client.post(f"/v1/staff/consultations/{cid}/messages", headers=staff,
                json={"text": text}).raise_for_status()

    def user_sees() -> bool:
        seen = client.get(f"/v1/chat/{sid}/messages", headers=user_headers).json()
        return text in [m["text"] for m in seen["messages"] if m["sender"] == "pharmacist"]

    wait_for(user_sees, poll)
    reply_visible = time.perf_counter() - sent_at  # from sending, not from the POST's answer
    question = f"and with food? {uuid.uuid4().hex[:6]}"
    asked_at = time.perf_counter()
    pending = client.post("/v1/chat", json={"session_id": sid, "session_token": session_token,
                                            "message": question}).json()
    silent = pending["answered_by"] == "pharmacist_pending" and not pending["replies"]

    def pharmacist_sees() -> bool:
        detail = client.get(f"/v1/staff/consultations/{cid}", headers=staff).json()
        return question in [m["text"] for m in detail["messages"]]

    wait_for(pharmacist_sees, poll)
    user_visible = time.perf_counter() - asked_at
    client.post(f"/v1/staff/consultations/{cid}/close", headers=staff,
                json={"outcome": "benchmark"}).raise_for_status()
    back = client.post("/v1/chat", json={"session_id": sid, "session_token": session_token,
                                         "message": "how often can I take ibuprofen?"}).json()
    return {"queue_visible_s": queue_visible, "reply_visible_s": reply_visible,
            "user_visible_s": user_visible, "bot_silent": silent,
            "bot_back": back["answered_by"] == "assistant" and bool(back["replies"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--poll", type=float, default=1.5)
    args = parser.parse_args()
    with httpx.Client(base_url=args.url, timeout=60) as client:
        signed_in = client.post("/v1/auth/token", data={"username": "pharmacist",
                                                        "password": "pharmacist-demo"})
        signed_in.raise_for_status()
        staff = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
        runs = []
        for number in range(1, args.n + 1):
            runs.append(one_consultation(client, staff, args.poll))
            print(f"\r{number}/{args.n} consultations", end="", flush=True)
        print()
    figures = {name: summary([r[f"{name}_s"] * 1000 for r in runs])
               for name in ("queue_visible", "reply_visible", "user_visible")}
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "n": len(runs),
        "poll_seconds": args.poll, "machine": platform.platform(),
        "delays": figures,
        "max_seconds": {name: round(max(r[f"{name}_s"] for r in runs), 2)
                        for name in ("queue_visible", "reply_visible", "user_visible")},
        "bot_silent_while_held": sum(r["bot_silent"] for r in runs),
        "bot_back_after_close": sum(r["bot_back"] for r in runs),
        "target_seconds": 2.0,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{'delay':<16}{'p50 s':>8}{'p95 s':>8}{'max s':>8}")
    for name, row in figures.items():
        print(f"{name:<16}{row['p50_ms'] / 1000:>8.2f}{row['p95_ms'] / 1000:>8.2f}"
              f"{result['max_seconds'][name]:>8.2f}")
    print(f"bot silent while a pharmacist held it: {result['bot_silent_while_held']}/{len(runs)};"
          f" assistant back after close: {result['bot_back_after_close']}/{len(runs)}")
    print(f"wrote {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
