"""How long the fast test layer (`make test-fast`) takes on this machine.

    PYTHONPATH=. .venv/bin/python bench/test_speed.py [--runs 2]

Runs `make test-fast` RUNS times, one after the other, and writes wall time, tests passed
and the machine's cores to bench/results/test_speed.json. Needs `make index` first (the
tests read the published index). A timing, so it is a benchmark and never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = REPO_ROOT / "bench" / "results" / "test_speed.json"
TARGET_SECONDS = 180  # issue 16: the fast layer in at most 3 minutes
FAST_LAYER = ["make", "--no-print-directory", "test-fast"]  # its command is the Makefile's
_PASSED = re.compile(r"(\d+) passed")
_FAILED = re.compile(r"(\d+) (?:failed|error)")
_WORKERS = re.compile(r"\s-n\s+(\d+)")


def pytest_command() -> str:
    """The pytest line `make test-fast` runs (read with `make -n`, not written here again)."""
    planned = subprocess.run([*FAST_LAYER, "-n"], cwd=REPO_ROOT, capture_output=True,
                             text=True, check=True).stdout.splitlines()
    return next(line for line in planned if " pytest " in line)


def one_run() -> dict:
    started = time.perf_counter()
    done = subprocess.run(FAST_LAYER, cwd=REPO_ROOT, capture_output=True, text=True,
                          check=False)
    seconds = time.perf_counter() - started
    summary = next((line for line in reversed(done.stdout.splitlines())
                    if _PASSED.search(line) or _FAILED.search(line)), "")
    passed = _PASSED.search(summary)
    failed = _FAILED.findall(summary)
    return {"seconds": round(seconds, 1), "passed": int(passed.group(1)) if passed else 0,
            "failed": sum(int(n) for n in failed), "exit_code": done.returncode,
            "failures": [line.split(" - ")[0] for line in done.stdout.splitlines()
                         if line.startswith(("FAILED ", "ERROR "))]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    command = pytest_command()
    workers = _WORKERS.search(command)
    runs = []
    for i in range(args.runs):
        print(f"run {i + 1}/{args.runs}: {command}", flush=True)
        runs.append(one_run())
        print(f"  {runs[-1]['seconds']} s, {runs[-1]['passed']} passed, "
              f"{runs[-1]['failed']} failed", *runs[-1]["failures"], sep="\n  ", flush=True)
    result = {"command": "make test-fast", "pytest": command,
              "workers": int(workers.group(1)) if workers else 1, "cores": os.cpu_count(),
              "target_seconds": TARGET_SECONDS,
              "runs": runs, "worst_seconds": max(r["seconds"] for r in runs),
              "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\n{'run':>4} {'seconds':>8} {'passed':>7} {'failed':>7}")
    for i, r in enumerate(runs, 1):
        print(f"{i:>4} {r['seconds']:>8} {r['passed']:>7} {r['failed']:>7}")
    print(f"worst {result['worst_seconds']} s (target ≤ {TARGET_SECONDS} s); wrote {RESULTS}")
    return 0 if all(r["exit_code"] == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
