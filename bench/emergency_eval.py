"""Emergency check: recall and false escalations per language, the added latency per message.

Scores the gateway's detector (phrase list + semantic check, thresholds from settings) on the
repository's emergency set (tests/data/emergency/: a development part used for tuning and a
frozen part that is only scored), and uses the shared evaluation questions and conversations
(../shared/data/eval/) as further messages with known labels. Writes
bench/results/emergency.json and prints a table.

    make bench-emergency   or   PYTHONPATH=. .venv/bin/python bench/emergency_eval.py
    ... --sweep            grid of thresholds on the development part only
    ... --show-dev-errors  the development part's mistakes (never the frozen part's)
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tabulate import tabulate

from bench.figures import summary
from core.settings import REPO_ROOT, get_settings
from safety import EmergencyDetector
from safety.evaluation import Case, load_cases, run, score
from safety.language import language_of
from safety.phrases import default_phrases
from safety.semantic import (
    DIALOGUE_EXAMPLES,
    Exemplars,
    SemanticDetector,
    UseEncoder,
    dialogue_examples,
)

RESULTS = REPO_ROOT / "bench" / "results" / "emergency.json"


def shared_cases(eval_dir: Path) -> list[Case]:
    """The shared development questions (all ordinary) and conversation turns (labelled)."""
    cases: list[Case] = []
    for name in ("dev_questions.jsonl", "dev_questions_mfds.jsonl"):
        path = eval_dir / name
        if not path.exists():
            print(f"note: {path} is missing; skipped", file=sys.stderr)
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                row = json.loads(line)
                lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in row["query"]) else "en"
                cases.append(Case(row["id"], lang, row["query"], False, "ordinary", None,
                                  "shared"))
    conversations = eval_dir / "dev_conversations.jsonl"
    if conversations.exists():
        for line in conversations.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            conv = json.loads(line)
            for i, turn in enumerate(conv["turns"]):
                expect = turn.get("expect", {})
                lang = "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in turn["say"]) else "en"
                emergency = bool(expect.get("emergency"))
                help_kind = ("mental_health" if "109" in expect.get("says_any", [])
                             else "medical") if emergency else None
                cases.append(Case(f"{conv['id']}.{i}", lang, turn["say"], emergency, "",
                                  help_kind, "shared"))
    return cases


def build(threshold: float) -> EmergencyDetector:
    semantic = SemanticDetector(UseEncoder(), Exemplars.from_files(), threshold=threshold)
    return EmergencyDetector(default_phrases(), semantic)


def sweep(folds: int = 5) -> None:
    """Cross-validated recall and false alarms of phrases + classifier on the exemplars
    (which include the development part), for a range of thresholds."""
    from sklearn.model_selection import StratifiedKFold

    exemplars = Exemplars.from_files()
    encoder = UseEncoder()
    labels = np.array([label != "ordinary" for label in exemplars.labels])
    langs = np.array([language_of(t) for t in exemplars.texts])
    # false alarms are counted on our curated ordinary lines (hard negatives), not on the
    # dialogue's training examples, which are easy and would flatter the rate
    curated = np.array([i >= len(dialogue_examples(DIALOGUE_EXAMPLES))
                        for i in range(len(labels))])
    phrase_hit = np.array([default_phrases().match(t) is not None for t in exemplars.texts])
    probability = np.zeros(len(labels))
    split = StratifiedKFold(folds, shuffle=True, random_state=0)
    for train, test in split.split(exemplars.texts, labels):
        part = Exemplars([exemplars.texts[i] for i in train],
                         [exemplars.labels[i] for i in train])
        detector = SemanticDetector(encoder, part, threshold=0.5)
        probability[test] = [detector.verdict(exemplars.texts[i]).probability for i in test]
    rows = []
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        hit = phrase_hit | (probability >= threshold)
        row = [threshold]
        for lang in ("en", "ko"):
            mine = langs == lang
            row += [f"{hit[mine & labels].mean():.3f}",
                    f"{hit[mine & ~labels & curated].mean():.3f}"]
        rows.append(row)
    print(tabulate(rows, headers=["threshold", "en recall", "en false", "ko recall",
                                  "ko false"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--show-dev-errors", action="store_true")
    args = parser.parse_args()
    settings = get_settings()
    if args.sweep:
        sweep()
        return
    detector = build(settings.safety.semantic_threshold)
    dev = load_cases(split="dev")
    sets = {"dev": dev, "frozen": load_cases(split="frozen"),
            "shared eval": shared_cases(settings.paths.shared_data_dir / "eval")}
    phrases_only = EmergencyDetector(default_phrases())
    rows, results = [], {}
    latencies: list[float] = []
    for name, cases in sets.items():
        results[name] = {}
        for lang in ("en", "ko"):
            outcomes = run(detector.detect, [c for c in cases if c.lang == lang])
            latencies += [o.ms for o in outcomes]
            s = score(outcomes)
            results[name][lang] = s.as_dict()
            rows.append([name, lang, s.emergencies, f"{s.recall:.3f}", f"{s.help_accuracy:.3f}",
                         s.ordinary, s.false_alarms, f"{s.false_rate:.3f}"])
            if args.show_dev_errors and name == "dev":
                for o in outcomes:
                    if not o.correct or (o.flag and o.case.emergency
                                         and o.flag.help != o.case.help):
                        print(f"{o.case.id}\t{o.case.text}\t-> {o.flag}")
    everything = [c for cases in sets.values() for c in cases]
    phrase_ms = [o.ms for o in run(phrases_only.detect, everything)]
    results["latency_ms"] = {"full_check": summary(latencies), "phrases_only": summary(phrase_ms)}
    results["settings"] = {"threshold": settings.safety.semantic_threshold,
                           "exemplars": len(Exemplars.from_files().texts),
                           "phrases": len(default_phrases())}
    results["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    print(tabulate(rows, headers=["set", "lang", "emergencies", "recall", "right help",
                                  "ordinary", "false alarms", "false rate"]))
    lat = results["latency_ms"]["full_check"]
    print(f"\nadded latency per message (phrases + semantic): p50 {lat['p50_ms']} ms, "
          f"p95 {lat['p95_ms']} ms over {lat['n']} messages")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
