"""Answer quality against a running assistant: turn pass rate per set, language and category.

Plays two sets of conversations with ``../shared/tools/answer_check.py`` (one subprocess per
set; its docstring describes the format) and reads the JSON each run writes:

* ``dev``: ``../shared/data/eval/dev_conversations.jsonl``, the shared development set (tune
  on it); target turn pass rate >= 0.90, reported per English / Korean;
* ``frozen``: ``tests/data/conversations/frozen.jsonl``, the repository's own held-out set,
  written before tuning and never tuned on (see its README); target >= 0.85.

It starts nothing itself: run the assistant first (``make run`` in another terminal), then

    make bench-answers [URL=http://127.0.0.1:8000]
    PYTHONPATH=. .venv/bin/python bench/answer_eval.py --url http://127.0.0.1:8000

A conversation is Korean when its first turn contains Hangul. The frozen set carries a
``category`` per conversation. The dev set has none; it is put in one by the first rule that
fits (``dev_category``): an expected emergency -> ``emergency``; an expected handoff ->
``handoff``; more than one turn -> ``follow_up``; ``cite_each`` -> ``interaction_pair``;
``no_sources`` -> ``scope``; no ``cite`` and a ``says_any`` naming a vet -> ``scope``; no
``cite`` and a clock time (``22:00``) -> ``store_hours``; no ``cite`` otherwise (a branch phone
for a stock question) -> ``scope``; a cite on a uses section with two or more acceptable
products -> ``symptom``, with one -> ``uses`` (what is X for); a cite on the directions ->
``child_dose`` when the question gives an age or names a child, else ``dose``; a cite on a
pregnancy / storage / side-effect section -> ``pregnancy`` / ``storage`` / ``side_effects``;
anything else -> ``other``.

Writes bench/results/answer_eval.json (per set: turns, passed, rate, by language, by category,
the failed turns with answer_check's reasons) and prints a table with the targets.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from tabulate import tabulate

from core.settings import REPO_ROOT, get_settings

RESULTS = REPO_ROOT / "bench" / "results" / "answer_eval.json"
FROZEN = REPO_ROOT / "tests" / "data" / "conversations" / "frozen.jsonl"
TARGETS = {"dev": 0.90, "frozen": 0.85}

USES = {"indications_and_usage", "purpose"}
SIDE_EFFECTS = {"adverse_reactions", "when_using", "warnings", "warnings_and_cautions",
                "precautions"}
CHILD = re.compile(r"\d+\s*(?:-?\s*years?|살|세|개월|months?)|child|kid|toddler|baby|"
                   r"아이|아기|어린이|소아", re.IGNORECASE)
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def is_korean(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")
            if line.strip()]


def dev_category(conv: dict) -> str:
    """The category of a conversation without one, by the rule in the module docstring."""
    turns = conv["turns"]
    expects = [t.get("expect", {}) for t in turns]
    if any(e.get("emergency") for e in expects):
        return "emergency"
    if any(e.get("handoff") for e in expects):
        return "handoff"
    if len(turns) > 1:
        return "follow_up"
    expect, say = expects[0], turns[0]["say"]
    if "cite_each" in expect:
        return "interaction_pair"
    if expect.get("no_sources"):
        return "scope"
    says = " ".join(expect.get("says_any", []) + expect.get("says_all", [])).lower()
    cite = expect.get("cite")
    if not cite:
        if "vet" in says or "수의사" in says or "동물병원" in says:
            return "scope"
        return "store_hours" if CLOCK.search(says) else "scope"
    sections = set(cite.get("sections", []))
    if sections & USES and len(cite.get("any", [])) >= 2:
        return "symptom"
    if sections & USES:
        return "uses"
    if "dosage_and_administration" in sections:
        return "child_dose" if CHILD.search(say) else "dose"
    if "pregnancy_or_breast_feeding" in sections:
        return "pregnancy"
    if "storage_and_handling" in sections:
        return "storage"
    if sections & SIDE_EFFECTS:
        return "side_effects"
    return "other"


def wait_ready(url: str, timeout: float) -> str | None:
    """Wait until the gateway's /readyz says ready (the stack may be restarting); returns the
    index snapshot it serves."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=10) as r:
                body = json.load(r)
                if body.get("ready"):
                    return body.get("index")
        except (urllib.error.URLError, OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            sys.exit(f"{url} is not ready after {timeout:.0f} s: start the assistant first "
                     "(make run)")
        time.sleep(5)


def play(tool: Path, url: str, path: Path, quiet: bool) -> dict:
    """Run answer_check.py on one file and return the summary it writes with --json."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.json"
        proc = subprocess.run([sys.executable, str(tool), url, str(path), "--json", str(out)],
                              capture_output=True, text=True, check=False)
        if not quiet:
            sys.stdout.write(proc.stdout)
        if proc.returncode != 0 or not out.exists():
            sys.exit(f"answer_check.py failed on {path} (exit {proc.returncode}):\n"
                     f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def tally(rows: list[tuple[str, bool]]) -> dict:
    """{key: {turns, passed, rate}} from (key, passed) pairs."""
    out: dict[str, dict] = {}
    for key, ok in rows:
        entry = out.setdefault(key, {"turns": 0, "passed": 0})
        entry["turns"] += 1
        entry["passed"] += ok
    for entry in out.values():
        entry["rate"] = round(entry["passed"] / entry["turns"], 3)
    return dict(sorted(out.items()))


def score(convs: list[dict], summary: dict, categorise) -> dict:
    failed = {(f["id"], f["turn"]) for f in summary["failures"]}
    by_lang, by_cat = [], []
    for conv in convs:
        lang = "ko" if is_korean(conv["turns"][0]["say"]) else "en"
        category = categorise(conv)
        for i in range(len(conv["turns"])):
            ok = (conv["id"], i) not in failed
            by_lang.append((lang, ok))
            by_cat.append((category, ok))
    turns = len(by_lang)
    passed = sum(ok for _, ok in by_lang)
    if turns != summary["turns"] or passed != summary["turns_passed"]:
        sys.exit(f"counts disagree with answer_check: {passed}/{turns} vs "
                 f"{summary['turns_passed']}/{summary['turns']}")
    return {"turns": turns, "passed": passed, "rate": round(passed / turns, 3) if turns else 0.0,
            "conversations": summary["conversations"],
            "conversations_passed": summary["conversations_passed"],
            "p95_ms": summary["p95_ms"],
            "by_language": tally(by_lang), "by_category": tally(by_cat),
            "failed": [f"{f['id']}#{f['turn']}" for f in summary["failures"]],
            "failures": summary["failures"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000",
                        help="base URL of a running gateway (nothing is started)")
    parser.add_argument("--wait", type=float, default=300,
                        help="seconds to wait for /readyz before each set")
    parser.add_argument("--quiet", action="store_true", help="hide answer_check's FAIL lines")
    args = parser.parse_args()
    url = args.url.rstrip("/")
    shared = get_settings().paths.shared_data_dir
    tool = shared.parent / "tools" / "answer_check.py"
    sets = {"dev": (shared / "eval" / "dev_conversations.jsonl", dev_category),
            "frozen": (FROZEN, lambda conv: conv.get("category", "other"))}
    results: dict = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                     "url": url, "targets": TARGETS, "sets": {}}
    for name, (path, categorise) in sets.items():
        if not path.exists():
            print(f"note: {path} is missing; skipped", file=sys.stderr)
            continue
        index = wait_ready(url, args.wait)
        print(f"== {name}: {path} (index {index})")
        scored = score(load(path), play(tool, url, path, args.quiet), categorise)
        results["sets"][name] = {"file": str(path), "index": index, **scored}

    rows = []
    for name, s in results["sets"].items():
        target = TARGETS[name]
        rows.append([name, "all", f"{s['passed']}/{s['turns']}", f"{s['rate']:.3f}",
                     f">= {target:.2f}", "yes" if s["rate"] >= target else "NO"])
        for lang, t in s["by_language"].items():
            rows.append([name, lang, f"{t['passed']}/{t['turns']}", f"{t['rate']:.3f}",
                         f">= {target:.2f}", "yes" if t["rate"] >= target else "NO"])
    print()
    print(tabulate(rows, headers=["set", "language", "turns passed", "rate", "target", "met"]))
    names = list(results["sets"])
    categories = sorted({c for s in results["sets"].values() for c in s["by_category"]})
    cat_rows = []
    for category in categories:
        row = [category]
        for name in names:
            t = results["sets"][name]["by_category"].get(category)
            row.append(f"{t['passed']}/{t['turns']} {t['rate']:.2f}" if t else "-")
        cat_rows.append(row)
    print()
    print(tabulate(cat_rows, headers=["category", *names]))
    for name, s in results["sets"].items():
        if s["failed"]:
            print(f"\n{name} failed turns: {' '.join(s['failed'])}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwrote {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
