"""What Rasa spends checking one action-server reply (run it with the Rasa venv).

Rasa validates every reply of the action server against its JSON schema before it applies
the events, and jsonschema's ``validate`` re-checks the schema itself against its metaschema
on every call. This times that call with the installed jsonschema on a reply shaped like our
medicine answer (two messages with a button and a cited source, three slot events).

    .venv-rasa/bin/python bench/action_reply_check.py [--calls 300]
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "action_reply_check.json"


def typical_reply() -> dict:
    source = {"doc_id": "cat-advil-tablets", "title": "Advil tablets",
              "section": "dosage_and_administration", "text": "x" * 400}
    message = {"text": "y" * 600,
               "buttons": [{"title": "Ask a pharmacist", "payload": "/request_pharmacist"}],
               "custom": {"sources": [source], "emergency": False, "handoff": False}}
    slot = {"event": "slot", "name": "medicine", "value": "ibuprofen", "timestamp": None}
    return {"events": [slot] * 3, "responses": [message] * 2}


def main() -> None:
    from jsonschema import validate
    from rasa.core.actions.action import RemoteAction

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    schema, reply = RemoteAction.action_response_format_spec(), typical_reply()
    validate(reply, schema)
    started = time.perf_counter()
    for _ in range(args.calls):
        validate(reply, schema)
    per_call_ms = (time.perf_counter() - started) / args.calls * 1000
    results = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
               "jsonschema": version("jsonschema"), "calls": args.calls,
               "ms_per_reply": round(per_call_ms, 2)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"jsonschema {results['jsonschema']}: {results['ms_per_reply']} ms per action reply "
          f"({args.calls} calls); written to {RESULTS.name}")


if __name__ == "__main__":
    main()
