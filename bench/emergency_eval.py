"""Emergency check: recall and false escalations per language, the added latency per message.

Scores the gateway's detector (phrase list + semantic check, thresholds from settings) on the
repository's emergency set (tests/data/emergency/: a development part used for tuning and a
frozen part that is only scored) at one level (``detect()``, what the gateway calls) and at
two (``assess()``: emergency, or caution = the answer with a safety note), and uses the
shared evaluation questions and conversations (../shared/data/eval/) as further messages
with known labels. Writes
bench/results/emergency.json and prints a table.

    make bench-emergency   or   PYTHONPATH=. .venv/bin/python bench/emergency_eval.py
    ... --sweep            thresholds on the development part only: each fold of it held
                           out of the exemplars (with its near copies) and scored
    ... --show-dev-errors  the development part's mistakes (never the frozen part's)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tabulate import tabulate

from bench.figures import summary
from core.settings import REPO_ROOT, get_settings
from safety import EmergencyDetector
from safety.assessment import EmergencyAssessor
from safety.evaluation import Case, load_cases, run, score
from safety.phrases import default_phrases, normalise
from safety.semantic import SemanticDetector, UseEncoder, training_exemplars

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


class CachingEncoder:
    """The USE encoder with a memory of what it has embedded: cross-validation embeds the
    same lines once, not once per fold."""

    def __init__(self, encoder: UseEncoder | None = None) -> None:
        self._encoder = encoder or UseEncoder()
        self._seen: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        for start in range(0, len(new), 256):
            batch = new[start:start + 256]
            self._seen.update(zip(batch, self._encoder.encode(batch), strict=True))
        return np.stack([self._seen[t] for t in texts])


def build(threshold: float) -> EmergencyDetector:
    semantic = SemanticDetector(UseEncoder(), training_exemplars(), threshold=threshold)
    return EmergencyDetector(default_phrases(), semantic)


def held_out_scores(folds: int = 5, seeds: Sequence[int] = (0, 1, 2),
                    near_copy: float = 0.9) -> tuple[list[Case], np.ndarray, np.ndarray]:
    """Out-of-fold classifier scores of the development part: each fold of it is held out,
    the classifier trained on every exemplar but the held-out messages and their near
    copies (cosine >= ``near_copy``: a paraphrase written from a dev message would flatter
    the figures), and the held-out messages scored. The development part was written by
    the same hand as the frozen part, so this is the closest honest stand-in for it.
    Returns the cases (once per seed), their scores and whether the certain layers (phrase
    list, infant rule) fire."""
    from sklearn.model_selection import StratifiedKFold

    exemplars = training_exemplars()
    encoder = CachingEncoder()
    vectors = encoder.encode([normalise(t) for t in exemplars.texts])
    dev = load_cases(split="dev")
    dev_vectors = encoder.encode([normalise(c.text) for c in dev])
    strata = [f"{c.lang}{c.emergency}" for c in dev]
    certain = EmergencyDetector(default_phrases())
    phrase_hit = np.array([certain.certain(c.text) is not None for c in dev])
    cases: list[Case] = []
    scores: list[float] = []
    for seed in seeds:
        split = StratifiedKFold(folds, shuffle=True, random_state=seed)
        probability = np.zeros(len(dev))
        for _, test in split.split(dev, strata):
            copies = (dev_vectors[test] @ vectors.T).max(axis=0) >= near_copy
            held = {dev[i].text for i in test}
            keep = [i for i, t in enumerate(exemplars.texts)
                    if t not in held and not copies[i]]
            detector = EmergencyDetector(certain.phrases, SemanticDetector(
                encoder, exemplars.subset(keep), threshold=0.5))
            probability[test] = [_probability(detector, dev[i].text) for i in test]
        cases += dev
        scores += list(probability)
    return cases, np.array(scores), np.tile(phrase_hit, len(seeds))


def _probability(detector: EmergencyDetector, text: str) -> float:
    verdict = detector.verdict(text)
    return verdict.probability if verdict is not None else 0.0


def sweep() -> None:
    """Recall and false escalations of phrases + classifier on the held-out development
    part, for a grid of thresholds (one level), then for the two levels of settings."""
    cases, probability, phrase_hit = held_out_scores()
    emergency = np.array([c.emergency for c in cases])
    langs = np.array([c.lang for c in cases])
    rows = []
    for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        hit = phrase_hit | (probability >= threshold)
        row: list[object] = [threshold]
        for lang in ("en", "ko"):
            mine = langs == lang
            row += [f"{hit[mine & emergency].mean():.3f}", f"{hit[mine & ~emergency].mean():.3f}"]
        rows.append(row)
    print("held-out development part (5 folds x 3 seeds, pooled; near copies left out):")
    print(tabulate(rows, headers=["threshold", "en recall", "en false", "ko recall",
                                  "ko false"]))
    safety = get_settings().safety
    full = phrase_hit | (probability >= safety.emergency_threshold)
    either = phrase_hit | (probability >= safety.caution_threshold)
    rows = []
    for lang in ("en", "ko"):
        mine = langs == lang
        rows.append([lang, f"{full[mine & emergency].mean():.3f}",
                     f"{either[mine & emergency].mean():.3f}",
                     f"{full[mine & ~emergency].mean():.3f}",
                     f"{(either & ~full)[mine & ~emergency].mean():.3f}"])
    print(f"\ntwo levels: emergency >= {safety.emergency_threshold}, "
          f"caution >= {safety.caution_threshold}")
    print(tabulate(rows, headers=["lang", "recall (emergency)", "recall (emergency or caution)",
                                  "ordinary escalated", "ordinary with caution note"]))


def two_levels(detector: EmergencyDetector,
               sets: dict[str, list[Case]]) -> tuple[dict, list[list[object]]]:
    """Each set through ``assess()``: recall at level emergency and at either level, and
    ordinary messages escalated (level emergency: the false escalations the issue counts)
    and given a caution note, counted apart."""
    safety = get_settings().safety
    assessor = EmergencyAssessor(detector, emergency_threshold=safety.emergency_threshold,
                                 caution_threshold=safety.caution_threshold)
    results: dict = {}
    rows: list[list[object]] = []
    for name, cases in sets.items():
        results[name] = {}
        for lang in ("en", "ko"):
            assessed = [(c.emergency, assessor.assess(c.text)) for c in cases if c.lang == lang]
            levels = [(emergency, a.level) for emergency, a in assessed]
            emergencies = [level for emergency, level in levels if emergency]
            ordinary = [level for emergency, level in levels if not emergency]
            # which layer escalated them: the certain one (phrases, infant rule) or the classifier
            by_certain = sum(not emergency and a.level == "emergency" and a.flag is not None
                             and a.flag.via != "semantic" for emergency, a in assessed)
            figures = {
                "emergencies": len(emergencies),
                "recall_emergency_level": _share(emergencies, {"emergency"}),
                "recall_emergency_or_caution": _share(emergencies, {"emergency", "caution"}),
                "ordinary": len(ordinary),
                "ordinary_escalated": ordinary.count("emergency"),
                "ordinary_escalated_by_certain_layer": by_certain,
                "false_escalation_rate": _share(ordinary, {"emergency"}),
                "ordinary_with_caution": ordinary.count("caution"),
                "caution_rate": _share(ordinary, {"caution"}),
            }
            results[name][lang] = figures
            rows.append([name, lang, figures["recall_emergency_level"],
                         figures["recall_emergency_or_caution"],
                         f"{figures['ordinary_escalated']}/{len(ordinary)}",
                         f"{figures['ordinary_with_caution']}/{len(ordinary)}"])
    return results, rows


def _share(levels: list[str], wanted: set[str]) -> float:
    return round(sum(level in wanted for level in levels) / len(levels), 4) if levels else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--show-dev-errors", action="store_true")
    args = parser.parse_args()
    settings = get_settings()
    if args.sweep:
        sweep()
        return
    detector = build(settings.safety.caution_threshold)
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
    results["two_levels"], level_rows = two_levels(detector, sets)
    results["settings"] = {"threshold": settings.safety.caution_threshold,
                           "emergency_threshold": settings.safety.emergency_threshold,
                           "caution_threshold": settings.safety.caution_threshold,
                           "exemplars": len(training_exemplars().texts),
                           "phrases": len(default_phrases())}
    results["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    print(tabulate(rows, headers=["set", "lang", "emergencies", "recall", "right help",
                                  "ordinary", "false alarms", "false rate"]))
    print("\ntwo levels (assess(); a caution note is not an escalation):")
    print(tabulate(level_rows, headers=["set", "lang", "recall (emergency)",
                                        "recall (emergency or caution)", "ordinary escalated",
                                        "ordinary with caution note"]))
    lat = results["latency_ms"]["full_check"]
    print(f"\nadded latency per message (phrases + semantic): p50 {lat['p50_ms']} ms, "
          f"p95 {lat['p95_ms']} ms over {lat['n']} messages")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
