"""Scoring the emergency check on labelled messages: recall, false escalations, help kind.

The repository's own set (``tests/data/emergency/cases.jsonl``, see its README) is split by
id into a development part (read while writing phrases and exemplars, used to choose the
thresholds) and a frozen part that is only ever scored. ``bench/emergency_eval.py`` reports
both; the tests assert floors on the frozen part.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from safety.flags import RedFlag

CASES_FILE = Path(__file__).resolve().parents[1] / "tests" / "data" / "emergency" / "cases.jsonl"


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    text: str
    emergency: bool
    category: str
    help: str | None
    split: str
    batch: int = 1  # which writer's batch (tests/data/emergency/README.md)


def load_cases(path: Path = CASES_FILE, split: str | None = None) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            row = json.loads(line)
            cases.append(Case(row["id"], row["lang"], row["text"], bool(row["emergency"]),
                              row.get("category", ""), row.get("help"), row["split"],
                              int(row.get("batch", 1))))
    return [c for c in cases if split is None or c.split == split]


@dataclass
class Score:
    emergencies: int = 0
    found: int = 0
    right_help: int = 0
    ordinary: int = 0
    false_alarms: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.emergencies if self.emergencies else 1.0

    @property
    def false_rate(self) -> float:
        return self.false_alarms / self.ordinary if self.ordinary else 0.0

    @property
    def help_accuracy(self) -> float:
        return self.right_help / self.found if self.found else 1.0

    def as_dict(self) -> dict:
        return {"emergencies": self.emergencies, "found": self.found,
                "recall": round(self.recall, 4), "right_help": self.right_help,
                "help_accuracy": round(self.help_accuracy, 4), "ordinary": self.ordinary,
                "false_alarms": self.false_alarms, "false_rate": round(self.false_rate, 4)}


@dataclass(frozen=True)
class Outcome:
    case: Case
    flag: RedFlag | None
    ms: float

    @property
    def correct(self) -> bool:
        return (self.flag is not None) == self.case.emergency


def run(detect: Callable[[str], RedFlag | None], cases: Iterable[Case]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        started = time.perf_counter()
        flag = detect(case.text)
        outcomes.append(Outcome(case, flag, (time.perf_counter() - started) * 1000))
    return outcomes


def score(outcomes: Iterable[Outcome]) -> Score:
    s = Score()
    for o in outcomes:
        if o.case.emergency:
            s.emergencies += 1
            if o.flag is not None:
                s.found += 1
                s.right_help += o.flag.help == o.case.help
        else:
            s.ordinary += 1
            s.false_alarms += o.flag is not None
    return s
