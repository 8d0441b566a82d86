"""Load on loopback: 16 concurrent chat sessions, 5,000+ turns of medicine, store, HR and noise.

Each session is one simulated user who holds conversations of 4–12 turns (a new conversation
id each time, as the app does when a chat is closed); consumers talk to ``/v1/chat``,
employees (signed-in demo accounts) to ``/v1/hr/chat``. Two phases:

1. **paced** — every session sends its next message on average ``--interval`` seconds after
   the previous one was sent (uniformly 0.5–1.5 × interval, a fast typist; users start at
   random moments within the first interval, not in step), the latency a user feels at that
   load;
2. **closed loop** — every session sends its next message as soon as the answer arrives, the
   most the stack can serve (throughput).

An error is a transport failure, a non-200 status, or an answer that is not the full
assistant's (``answered_by`` other than ``assistant``/``safety``: Rasa missed its deadline and
the gateway fell back to a retrieval-only answer). Without ``--url`` the benchmark starts its
own embedded stack (action server, Rasa, gateway) on free ports over a copy of the published
state, with the chat rate limits raised: every simulated user shares one loopback address, and
the limiter has its own tests. With ``--url`` it drives a stack already running (for example
``make run-scaled`` behind nginx) as configured.

    PYTHONPATH=. .venv/bin/python bench/load.py [--turns 5000] [--sessions 16] [--url URL]
                                                [--out bench/results/load.json]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import random
import tempfile
import time
import uuid
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psutil
from tabulate import tabulate

from bench.figures import summary
from core.settings import REPO_ROOT
from ops.stack import Ports, Stack, copy_published_state, services

RESULTS = REPO_ROOT / "bench" / "results" / "load.json"
MIX: dict[str, list[str]] = {
    "medicine": [
        "how often can I take ibuprofen?", "can I take loratadine while pregnant?",
        "what are the side effects of omeprazole", "can i drink alcohol with tylenol",
        "how should i store zyrtec", "is cetirizine safe for a 5 year old",
        "타이레놀 하루에 몇 번 먹어요?", "what is the dose of naproxen for adults",
        "does benadryl make you drowsy", "can I give my child aspirin",
    ],
    "store": [
        "when does the gangnam store close?", "do you deliver?", "which cards do you accept",
        "how do loyalty points work", "can I return an opened product", "강남점 몇 시에 닫아요?",
    ],
    "hr": [
        "how many vacation days do i have left", "show my leave requests",
        "who is the store manager at gangnam", "how does the dental plan work",
        "when is payday", "연차 며칠 남았어요?",
    ],
    "noise": ["asdfgh jkl", "🙂🙂🙂", "hi", "thanks!", "what's the weather on mars", "???"],
}
WEIGHTS = {"medicine": 0.5, "store": 0.2, "hr": 0.2, "noise": 0.1}
HR_USERS = ("employee", "manager")
OK_ANSWERS = {"assistant", "safety"}


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    errors: collections.Counter = field(default_factory=collections.Counter)

    def record(self, kind: str, elapsed_ms: float, error: str | None) -> None:
        self.latencies_ms.append(elapsed_ms)
        self.by_kind[kind].append(elapsed_ms)
        if error:
            self.errors[error] += 1


async def sign_in(client: httpx.AsyncClient, username: str) -> dict[str, str]:
    response = await client.post("/v1/auth/token", data={
        "username": username, "password": f"{username}-demo"})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def run_phase(url: str, sessions: int, turns: int, interval: float, seed: int) -> dict:
    """``turns`` chat turns shared by ``sessions`` concurrent users; paced when interval > 0."""
    tally = Tally()
    remaining = turns
    rng = random.Random(seed)

    async def one_user(client: httpx.AsyncClient, number: int) -> None:
        nonlocal remaining
        is_employee = number % 4 == 3  # a quarter of the users are employees on the HR channel
        headers = await sign_in(client, HR_USERS[number % 2]) if is_employee else {}
        path = "/v1/hr/chat" if is_employee else "/v1/chat"
        kinds = list(WEIGHTS)
        left_in_conversation = 0
        if interval > 0:  # users do not start in step: spread their first messages
            await asyncio.sleep(rng.uniform(0, interval))
        while remaining > 0:
            remaining -= 1
            if left_in_conversation == 0:  # the user opens a new conversation
                session_id = f"load-{number}-{uuid.uuid4().hex[:8]}"
                left_in_conversation = rng.randint(4, 12)
            left_in_conversation -= 1
            kind = "hr" if is_employee and rng.random() < 0.6 else rng.choices(
                kinds, [WEIGHTS[k] for k in kinds])[0]
            if kind == "hr" and not is_employee:
                kind = "medicine"
            message = rng.choice(MIX[kind])
            started = time.perf_counter()
            error = None
            try:
                response = await client.post(path, headers=headers, json={
                    "session_id": session_id, "message": message})
                if response.status_code != 200:
                    error = f"HTTP {response.status_code}"
                elif response.json()["answered_by"] not in OK_ANSWERS:
                    error = f"fallback: {response.json()['answered_by']}"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            elapsed = time.perf_counter() - started
            tally.record(kind, elapsed * 1000, error)
            if interval > 0:  # the next message 0.5–1.5 × interval after this one was sent
                await asyncio.sleep(max(0.0, rng.uniform(0.5, 1.5) * interval - elapsed))

    limits = httpx.Limits(max_connections=sessions * 2, max_keepalive_connections=sessions * 2)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(one_user(client, n) for n in range(sessions)))
        elapsed = time.perf_counter() - started
    return {
        **summary(tally.latencies_ms), "sessions": sessions,
        "interval_s": interval, "seconds": round(elapsed, 1),
        "turns_per_second": round(len(tally.latencies_ms) / elapsed, 1),
        "errors": sum(tally.errors.values()), "error_kinds": dict(tally.errors),
        "by_kind": {kind: summary(values) for kind, values in sorted(tally.by_kind.items())},
    }


def cpu_seconds(stack: Stack | None) -> dict[str, float]:
    """CPU time (user + system) each service's processes have used so far."""
    if stack is None:
        return {}
    used = {}
    for name, service in stack.services.items():
        if service.process is None:
            continue
        root = psutil.Process(service.process.pid)
        processes = [root, *root.children(recursive=True)]
        used[name] = sum(sum(p.cpu_times()[:2]) for p in processes)  # user + system
    return used


def measured_phase(stack: Stack | None, url: str, sessions: int, turns: int, interval: float,
                   seed: int) -> dict:
    """One phase, plus the CPU milliseconds each service spent per turn (own stack only)."""
    before = cpu_seconds(stack)
    phase = asyncio.run(run_phase(url, sessions, turns, interval, seed))
    after = cpu_seconds(stack)
    phase["cpu_ms_per_turn"] = {name: round((after[name] - before[name]) * 1000 / phase["n"], 1)
                                for name in after}
    return phase


def own_stack(tmp: str) -> tuple[Stack, str]:
    var_dir = Path(tmp)
    copy_published_state(var_dir)
    ports = Ports.free()
    env = {"PHARMA_PATHS__VAR_DIR": str(var_dir),
           "PHARMA_RATE_LIMIT__PER_IP": "1000000/minute",
           "PHARMA_RATE_LIMIT__PER_SESSION": "100000/minute"}
    return Stack(services(ports, env=env), var_dir / "logs"), f"http://127.0.0.1:{ports.gateway}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=16)
    parser.add_argument("--turns", type=int, default=5000, help="turns in the paced phase")
    parser.add_argument("--closed-turns", type=int, default=1600,
                        help="turns in the closed-loop phase (0 skips it)")
    parser.add_argument("--interval", type=float, default=2.0,
                        help="mean seconds between one user's messages in the paced phase")
    parser.add_argument("--url", help="drive a running stack instead of starting one")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the figures go")
    args = parser.parse_args()

    with (nullcontext(None) if args.url else tempfile.TemporaryDirectory()) as tmp:
        stack, url = (None, args.url) if args.url else own_stack(tmp)
        if stack is not None:
            print("starting the stack…")
            stack.start(timeout_seconds=300)
        try:
            asyncio.run(run_phase(url, 4, 40, 0, seed=0))  # warm-up
            print(f"paced: {args.sessions} sessions, one message every ~{args.interval}s each, "
                  f"{args.turns} turns…")
            paced = measured_phase(stack, url, args.sessions, args.turns, args.interval, 1)
            closed = None
            if args.closed_turns:
                print(f"closed loop: {args.sessions} sessions, {args.closed_turns} turns…")
                closed = measured_phase(stack, url, args.sessions, args.closed_turns, 0, 2)
        finally:
            if stack is not None:
                stack.stop()

    results = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
               "target": args.url or "embedded stack started by the benchmark",
               "paced": paced, "closed_loop": closed}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    rows = []
    for name, phase in (("paced", paced), ("closed loop", closed)):
        if phase is None:
            continue
        rows.append([f"{name}: all", phase["n"], phase["p50_ms"], phase["p95_ms"],
                     phase["p99_ms"], phase["turns_per_second"], phase["errors"]])
        rows += [[f"  {kind}", f["n"], f["p50_ms"], f["p95_ms"], f["p99_ms"], "", ""]
                 for kind, f in phase["by_kind"].items()]
    print(tabulate(rows, headers=["phase / kind", "turns", "p50 ms", "p95 ms", "p99 ms",
                                  "turns/s", "errors"]))
    for name, phase in (("paced", paced), ("closed loop", closed)):
        if phase and phase["error_kinds"]:
            print(f"{name} errors: {phase['error_kinds']}")
        if phase and phase["cpu_ms_per_turn"]:
            print(f"{name} CPU ms per turn: {phase['cpu_ms_per_turn']}")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
