"""Emergency check: recall and false escalations per language, the added latency per message.

Scores the gateway's detector (phrase list + semantic check, thresholds from settings) on the
repository's emergency set (tests/data/emergency/: a development part used for tuning and a
frozen part that is only scored) at one level (``detect()``, what the gateway calls) and at
two (``assess()``: emergency, or caution = the answer with a safety note), and uses the
shared evaluation questions and conversations (../shared/data/eval/) as further messages
with known labels. Writes
bench/results/emergency.json and prints a table.

    make bench-emergency   or   PYTHONPATH=. .venv/bin/python bench/emergency_eval.py
    ... --sweep            thresholds on the development part only: each writer's batch of
                           it held out of the exemplars (with its near copies) and scored
                           (writes bench/results/emergency_sweep.json)
    ... --show-dev-errors  the development part's mistakes (never the frozen part's)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tabulate import tabulate

from bench.figures import summary
from core.settings import REPO_ROOT, get_settings
from safety import EmergencyDetector
from safety.assessment import EmergencyAssessor, level_of
from safety.evaluation import Case, load_cases, run, score
from safety.flags import RedFlag
from safety.phrases import default_phrases, normalise
from safety.semantic import SemanticDetector, UseEncoder, Verdict, training_exemplars

RESULTS = REPO_ROOT / "bench" / "results" / "emergency.json"
SWEEP_RESULTS = REPO_ROOT / "bench" / "results" / "emergency_sweep.json"


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
    same lines once, not once per held-out batch."""

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


@dataclass(frozen=True)
class HeldOut:
    """The development part scored out of batch: each case's classifier verdict and what the
    certain layers (phrase list, infant rule) found."""

    cases: list[Case]
    verdicts: list[Verdict | None]
    certain: list[RedFlag | None]

    def levels(self, emergency: float, crisis: float, caution: float) -> np.ndarray:
        """Each case's level, by the gateway's own rule (``level_of``)."""
        return np.array([level_of(flag, v, emergency_threshold=emergency,
                                  crisis_threshold=crisis, caution_threshold=caution)
                         for v, flag in zip(self.verdicts, self.certain, strict=True)])


def held_out_scores(near_copy: float = 0.9) -> HeldOut:
    """Out-of-batch classifier verdicts of the development part: each writer's batch of it
    is held out in turn, the classifier trained on every exemplar but the held-out messages
    and their near copies (cosine >= ``near_copy``: a paraphrase written from a dev message
    would flatter the figures), and the held-out messages scored. Every fresh batch has
    found confusions the others had not, so a writer the classifier has not seen is the
    honest stand-in for the frozen part (folds mixing one writer's rows flattered it)."""
    exemplars = training_exemplars()
    encoder = CachingEncoder()
    vectors = encoder.encode([normalise(t) for t in exemplars.texts])
    dev = load_cases(split="dev")
    dev_vectors = encoder.encode([normalise(c.text) for c in dev])
    certain = EmergencyDetector(default_phrases())
    verdicts: list[Verdict | None] = [None] * len(dev)
    for batch in sorted({c.batch for c in dev}):
        test = [i for i, c in enumerate(dev) if c.batch == batch]
        copies = (dev_vectors[test] @ vectors.T).max(axis=0) >= near_copy
        held = {dev[i].text for i in test}
        keep = [i for i, t in enumerate(exemplars.texts) if t not in held and not copies[i]]
        detector = EmergencyDetector(certain.phrases, SemanticDetector(
            encoder, exemplars.subset(keep), threshold=0.5))
        for i in test:
            verdicts[i] = detector.verdict(dev[i].text)
    return HeldOut(dev, verdicts, [certain.certain(c.text) for c in dev])


def sweep() -> None:
    """Recall and false escalations on the held-out development part, for a grid of the
    emergency and crisis thresholds (caution from settings), then for the settings."""
    held = held_out_scores()
    emergency = np.array([c.emergency for c in held.cases])
    langs = np.array([c.lang for c in held.cases])
    safety = get_settings().safety
    rows = []
    grid: list[dict] = []
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        for crisis in (0.6, 0.7, 0.8, 0.9, 1.01):
            escalated = held.levels(threshold, crisis, safety.caution_threshold) == "emergency"
            row: list[object] = [threshold, crisis]
            point: dict = {"emergency_threshold": threshold, "crisis_threshold": crisis}
            for lang in ("en", "ko"):
                mine = langs == lang
                recall = round(float(escalated[mine & emergency].mean()), 4)
                escalations = round(float(escalated[mine & ~emergency].mean()), 4)
                row += [f"{recall:.3f}", f"{escalations:.4f}"]
                point[lang] = {"recall_emergency_level": recall,
                               "false_escalation_rate": escalations}
            rows.append(row)
            grid.append(point)
    print("held-out development part (one writer's batch at a time; near copies left out):")
    print(tabulate(rows, headers=["emergency", "crisis", "en recall", "en false",
                                  "ko recall", "ko false"]))
    levels = held.levels(safety.emergency_threshold, safety.crisis_threshold,
                         safety.caution_threshold)
    full, either = levels == "emergency", levels != "none"
    rows = []
    chosen: dict = {"emergency_threshold": safety.emergency_threshold,
                    "crisis_threshold": safety.crisis_threshold,
                    "caution_threshold": safety.caution_threshold}
    for lang in ("en", "ko"):
        mine = langs == lang
        figures = [float(full[mine & emergency].mean()), float(either[mine & emergency].mean()),
                   float(full[mine & ~emergency].mean()),
                   float((either & ~full)[mine & ~emergency].mean())]
        chosen[lang] = dict(zip(["recall_emergency_level", "recall_emergency_or_caution",
                                 "false_escalation_rate", "caution_rate"],
                                [round(f, 4) for f in figures], strict=True))
        rows.append([lang, *(f"{f:.3f}" for f in figures)])
    SWEEP_RESULTS.write_text(json.dumps({
        "method": "the development part, one writer's batch held out at a time, near copies "
                  "(cosine >= 0.9) left out of the exemplars", "settings": chosen, "grid": grid,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds")}, indent=1) + "\n")
    print(f"\nsettings: emergency >= {safety.emergency_threshold}, crisis >= "
          f"{safety.crisis_threshold}, caution >= {safety.caution_threshold}")
    print(tabulate(rows, headers=["lang", "recall (emergency)", "recall (emergency or caution)",
                                  "ordinary escalated", "ordinary with caution note"]))


def two_levels(detector: EmergencyDetector,
               sets: dict[str, list[Case]]) -> tuple[dict, list[list[object]]]:
    """Each set through ``assess()``: recall at level emergency and at either level, and
    ordinary messages escalated (level emergency: the false escalations the issue counts)
    and given a caution note, counted apart."""
    safety = get_settings().safety
    assessor = EmergencyAssessor(detector, emergency_threshold=safety.emergency_threshold,
                                 caution_threshold=safety.caution_threshold,
                                 crisis_threshold=safety.crisis_threshold)
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
                           "crisis_threshold": settings.safety.crisis_threshold,
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
