"""HR conversations against a running assistant: task success, wrong bookings, turns per task.

Plays the multi-turn conversations of ``tests/data/hr_conversations/`` (``dev.jsonl`` to tune
on, ``frozen.jsonl`` written before tuning and reported separately; the README there gives the
format) through ``POST /v1/hr/chat``, each in a fresh session, signed in as the demo employee
(or manager). A conversation passes (task success) when every turn's reply shows what it must
(``expect`` regexes all match, ``expect_not`` ones do not, on the turn's reply texts and button
titles) AND the leave records stored through the API at the end are exactly the expected ones:

* the requests that are new since the conversation began and not cancelled equal
  ``records.created`` (leave type, part, start, end, event, block start; order-free);
* the ``setup`` requests (created through the API before the chat) listed in
  ``records.cancelled_setup`` are now cancelled, and the others are not.

Measured per split (dev, frozen) and language: task success rate; **wrong bookings**, the new
stored requests nobody asked for (any new request not in ``records.created``: must be 0);
wrong cancellations (setup requests cancelled without being asked); and turns per completed
task, the mean number of user turns of the passed conversations that book something.

Dates are written as specs (``next wed``, ``in2w mon``) resolved against today in Seoul the
way the gateway reads them (:mod:`bench.hr_conversation_spec`, which also loads and checks the
files; :mod:`api.services.hr_dates`: Monday-based weeks); a conversation touching a public
holiday (:func:`api.services.work_calendar.public_holidays`, the gateway's own calendar) is
skipped and reported as not run. Runs are independent: before each conversation the requests
this benchmark created earlier and left active are cancelled (their ids are kept in
``var/hr_conversation_bench_ids.json``), and after it everything the conversation stored is
cancelled. It starts nothing itself: run ``make run`` first, then

    PYTHONPATH=. .venv/bin/python bench/hr_conversation_eval.py [--url URL]
        [--split dev|frozen|all] [--only ID]

Writes ``bench/results/hr_conversations.json`` (not with ``--only``). Exit status 0 after a
run (it is a measurement, failures included), 2 if the gateway cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.services.work_calendar import today_in_seoul
from bench.hr_conversation_spec import (
    SPLITS,
    TASKS,
    USERS,
    conversation_dates,
    holiday_reason,
    load,
    render_pattern,
    render_say,
    resolve_spec,
)
from core.settings import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results" / "hr_conversations.json"
STATE = REPO_ROOT / "var" / "hr_conversation_bench_ids.json"
ACTIVE = ("pending", "approved")
TIMEOUT = 60.0


# --- checking replies and records -----------------------------------------------------------


def reply_text(replies: list[dict]) -> str:
    """The turn's reply as shown: each text, then its buttons' titles in brackets."""
    lines: list[str] = []
    for reply in replies:
        lines.append(reply.get("text") or "")
        lines += [f"[{b['title']}]" for b in reply.get("buttons") or []]
    return "\n".join(lines)


def check_turn(text: str, turn: dict, today: date) -> str | None:
    """Why the reply fails the turn's expectations, or None."""
    for pattern in turn.get("expect", []):
        if not re.search(render_pattern(pattern, today), text, re.IGNORECASE | re.S):
            return f"expected /{pattern}/"
    for pattern in turn.get("expect_not", []):
        if re.search(render_pattern(pattern, today), text, re.IGNORECASE | re.S):
            return f"unexpected /{pattern}/"
    return None


Key = tuple[str, str, str, str, str | None, str | None]


def expected_key(item: dict, today: date) -> Key:
    start = resolve_spec(item["start"], today)
    end = resolve_spec(item.get("end", item["start"]), today)
    return (item["leave_type"], item.get("part", "full"), start.isoformat(), end.isoformat(),
            item.get("event"), item.get("block_start"))


def stored_key(row: dict) -> Key:
    return (row["leave_type"], row["part"], row["start_date"], row["end_date"],
            row.get("event"), row.get("block_start"))


def compare_records(stored: list[Key], expected: list[Key]) -> tuple[list[Key], list[Key]]:
    """(missing, unexpected): expected requests not stored, stored ones not expected."""
    have, want = Counter(stored), Counter(expected)
    return sorted((want - have).elements()), sorted((have - want).elements())


# --- outcomes and figures -------------------------------------------------------------------


@dataclass
class Outcome:
    id: str
    split: str
    lang: str
    task: str
    status: str  # passed | failed | skipped
    user_turns: int
    books: bool
    wrong_bookings: int = 0
    wrong_cancellations: int = 0
    failures: list[dict] = field(default_factory=list)  # {turn, reason, reply}


def shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def figures(outcomes: list[Outcome]) -> dict:
    """Conversations run, passed, task success rate, wrong bookings and cancellations, turns
    per completed task (mean user turns of passed conversations that book)."""
    run = [o for o in outcomes if o.status != "skipped"]
    passed = [o for o in run if o.status == "passed"]
    booked = [o.user_turns for o in passed if o.books]
    return {"conversations": len(run), "skipped": len(outcomes) - len(run),
            "passed": len(passed),
            "task_success_rate": round(len(passed) / len(run), 3) if run else None,
            "wrong_bookings": sum(o.wrong_bookings for o in run),
            "wrong_cancellations": sum(o.wrong_cancellations for o in run),
            "turns_per_completed_task": round(sum(booked) / len(booked), 2) if booked else None}


def aggregate(outcomes: list[Outcome]) -> dict:
    """{split: {"en"|"ko"|"all": figures, "by_task": {task: figures}}}."""
    result: dict[str, dict] = {}
    for split in sorted({o.split for o in outcomes}):
        mine = [o for o in outcomes if o.split == split]
        entry = {lang: figures([o for o in mine if o.lang == lang]) for lang in ("en", "ko")}
        entry["all"] = figures(mine)
        entry["by_task"] = {task: figures([o for o in mine if o.task == task])
                            for task in TASKS if any(o.task == task for o in mine)}
        result[split] = entry
    return result


# --- the gateway ----------------------------------------------------------------------------


class Gateway:
    def __init__(self, url: str, transport: httpx.BaseTransport | None = None) -> None:
        self.http = httpx.Client(base_url=url, timeout=TIMEOUT, transport=transport)
        self.tokens: dict[str, str] = {}

    def _call(self, user: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        for attempt in range(4):
            if user not in self.tokens:
                r = self.http.post("/v1/auth/token",
                                   data={"username": user, "password": USERS[user]})
                r.raise_for_status()
                self.tokens[user] = r.json()["access_token"]
            r = self.http.request(method, path, **kwargs,
                                  headers={"Authorization": f"Bearer {self.tokens[user]}"})
            if r.status_code == 401 and attempt == 0:
                self.tokens.pop(user)  # expired: sign in again
            elif r.status_code == 429 and attempt < 3:
                time.sleep(float(r.headers.get("Retry-After", "5")))
            else:
                return r
        return r

    def requests(self, user: str) -> list[dict]:
        r = self._call(user, "GET", "/v1/hr/leave/requests")
        r.raise_for_status()
        return r.json()

    def create(self, user: str, item: dict, today: date) -> httpx.Response:
        key = expected_key(item, today)
        return self._call(user, "POST", "/v1/hr/leave/requests", json={
            "leave_type": key[0], "part": key[1], "start_date": key[2], "end_date": key[3],
            "event": key[4], "block_start": key[5]})

    def cancel(self, user: str, request_id: int) -> None:
        self._call(user, "DELETE", f"/v1/hr/leave/requests/{request_id}")

    def chat(self, user: str, session_id: str, message: str) -> httpx.Response:
        return self._call(user, "POST", "/v1/hr/chat",
                          json={"session_id": session_id, "message": message})


class Ledger:
    """Ids of requests this benchmark created and may have left active, kept across runs."""

    def __init__(self, path: Path = STATE) -> None:
        self.path = path
        self.ids: dict[str, set[int]] = {u: set() for u in USERS}
        if path.exists():
            for user, ids in json.loads(path.read_text()).items():
                self.ids.setdefault(user, set()).update(ids)

    def add(self, user: str, ids: set[int]) -> None:
        self.ids[user] |= ids
        self.save()

    def sweep(self, gateway: Gateway, user: str) -> None:
        """Cancel every request of ours still active (pending or approved)."""
        for row in gateway.requests(user):
            if row["id"] in self.ids[user] and row["status"] in ACTIVE:
                gateway.cancel(user, row["id"])
        self.ids[user] = {row["id"] for row in gateway.requests(user)
                          if row["id"] in self.ids[user] and row["status"] in ACTIVE}
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps({u: sorted(i) for u, i in self.ids.items()}))


def _blocking(rows: list[dict], days: set[date]) -> str | None:
    """An active request of the user (not ours) on a day the conversation needs."""
    for row in rows:
        start, end = date.fromisoformat(row["start_date"]), date.fromisoformat(row["end_date"])
        if row["status"] in ACTIVE and any(start <= d <= end for d in days):
            return f"request #{row['id']} ({row['start_date']}..{row['end_date']}) is in the way"
    return None


def play(gateway: Gateway, ledger: Ledger, conv: dict, split: str, today: date) -> Outcome:
    user, lang = conv.get("user", "employee"), conv["lang"]
    records = conv["records"]
    outcome = Outcome(conv["id"], split, lang, conv["task"], "skipped", len(conv["turns"]),
                      bool(records["created"]))
    reason = holiday_reason(conv, today)
    ledger.sweep(gateway, user)
    reason = reason or _blocking(gateway.requests(user), conversation_dates(conv, today))
    setup_ids: list[int] = []
    for item in conv.get("setup", []) if reason is None else []:
        r = gateway.create(user, item, today)
        if r.status_code != 201:
            reason = f"setup refused: {r.status_code} {shorten(r.text, 160)}"
            break
        setup_ids.append(r.json()["id"])
        ledger.add(user, {setup_ids[-1]})
    if reason is not None:
        outcome.failures.append({"turn": None, "reason": f"not run: {reason}", "reply": ""})
        ledger.sweep(gateway, user)
        return outcome
    before = {row["id"] for row in gateway.requests(user)}
    session, fails = f"bench-{uuid.uuid4().hex}", outcome.failures
    previous: list[dict] = []
    for i, turn in enumerate(conv["turns"], start=1):
        if "say" in turn:
            message = render_say(turn["say"], today, lang)
        else:
            buttons = [b for reply in previous for b in reply.get("buttons") or []
                       if re.search(turn["button"], b["title"], re.IGNORECASE)]
            if not buttons:
                fails.append({"turn": i, "reason": f"no button /{turn['button']}/",
                              "reply": shorten(reply_text(previous))})
                break
            message = buttons[0]["payload"]
        r = gateway.chat(user, session, message)
        if r.status_code != 200:
            fails.append({"turn": i, "reason": f"HTTP {r.status_code}",
                          "reply": shorten(r.text)})
            break
        previous = r.json()["replies"]
        text = reply_text(previous)
        problem = check_turn(text, turn, today)
        if problem:
            fails.append({"turn": i, "reason": problem, "reply": shorten(text)})
    rows = gateway.requests(user)
    new = [row for row in rows if row["id"] not in before]
    ledger.add(user, {row["id"] for row in new})
    missing, unexpected = compare_records(
        [stored_key(row) for row in new if row["status"] in ACTIVE],
        [expected_key(item, today) for item in records["created"]])
    status = {row["id"]: row["status"] for row in rows}
    wanted = set(records.get("cancelled_setup", []))
    not_cancelled = [i for i in wanted if status.get(setup_ids[i]) != "cancelled"]
    outcome.wrong_cancellations = sum(status.get(setup_ids[i]) == "cancelled"
                                      for i in range(len(setup_ids)) if i not in wanted)
    outcome.wrong_bookings = len(unexpected)
    problems = [f"{label} {value}" for label, value in (
        ("missing", missing), ("unexpected", unexpected), ("setup not cancelled", not_cancelled),
        ("setup cancelled unasked", outcome.wrong_cancellations)) if value]
    if problems:
        fails.append({"turn": "records", "reason": "; ".join(problems), "reply": ""})
    for request_id in [*setup_ids, *(row["id"] for row in new)]:
        if status.get(request_id) in ACTIVE:
            gateway.cancel(user, request_id)
    ledger.sweep(gateway, user)
    outcome.status = "failed" if fails else "passed"
    return outcome


# --- the run --------------------------------------------------------------------------------


def print_table(summary: dict) -> None:
    rows = []
    for split, entry in summary.items():
        for lang in ("en", "ko", "all"):
            f = entry[lang]
            rate = "-" if f["task_success_rate"] is None else f"{f['task_success_rate']:.3f}"
            turns = f["turns_per_completed_task"]
            rows.append([split, lang, f["conversations"], f["skipped"], f["passed"], rate,
                         f["wrong_bookings"], f["wrong_cancellations"],
                         "-" if turns is None else f"{turns:.2f}"])
    print(tabulate(rows, headers=["split", "lang", "run", "skipped", "passed", "success",
                                  "wrong bookings", "wrong cancels", "turns/task"]))
    splits = list(summary)
    print()
    print(tabulate([[task, *(f"{summary[s]['by_task'][task]['passed']}/"
                             f"{summary[s]['by_task'][task]['conversations']}"
                             if task in summary[s]["by_task"] else "-" for s in splits)]
                    for task in TASKS], headers=["task", *splits]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000",
                        help="base URL of a running gateway (nothing is started)")
    parser.add_argument("--split", choices=["dev", "frozen", "all"], default="all")
    parser.add_argument("--only", help="play one conversation (no results file written)")
    args = parser.parse_args(argv)
    today = today_in_seoul()
    splits = list(SPLITS) if args.split == "all" else [args.split]
    convs = [(s, c) for s in splits for c in load(SPLITS[s])
             if args.only is None or c["id"] == args.only]
    if not convs:
        print(f"no conversation {args.only!r} in {', '.join(splits)}", file=sys.stderr)
        return 1
    gateway = Gateway(args.url.rstrip("/"))
    try:
        gateway.http.get("/healthz").raise_for_status()
        ledger = Ledger()
        outcomes = []
        for split, conv in convs:
            outcome = play(gateway, ledger, conv, split, today)
            outcomes.append(outcome)
            first = outcome.failures[0] if outcome.failures else None
            why = "" if first is None else f" {first['reason']}" if first["turn"] is None \
                else f" turn {first['turn']}: {first['reason']} | {first['reply']}"
            print(f"{split:6} {outcome.id:6} {outcome.lang} {outcome.status.upper():7}{why}",
                  flush=True)
    except (httpx.TransportError, httpx.HTTPStatusError) as exc:
        print(f"the gateway at {args.url} cannot be used ({exc}): start it first (make run)",
              file=sys.stderr)
        return 2
    summary = aggregate(outcomes)
    print()
    print_table(summary)
    if args.only is None:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "today_seoul": today.isoformat(), "url": args.url, "splits_run": splits,
            "results": summary,
            "not_run": [{"id": o.id, "split": o.split, "reason": o.failures[0]["reason"]}
                        for o in outcomes if o.status == "skipped"],
            "failures": [{"id": o.id, "split": o.split, "lang": o.lang, "task": o.task,
                          **f} for o in outcomes if o.status == "failed"
                         for f in o.failures[:1] + [x for x in o.failures[1:]
                                                    if x["turn"] == "records"]],
            "outcomes": [asdict(o) for o in outcomes],
        }, ensure_ascii=False, indent=2) + "\n")
        print(f"\nwrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
