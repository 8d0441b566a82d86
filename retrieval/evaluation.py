"""Retrieval quality against labelled questions: Recall@k and MRR@k.

A hit is relevant when its drug contains the question's ``drug`` (case-insensitive, so a
combination product counts) and its section is one of the question's ``sections``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from core.lines import physical_lines


@dataclass(frozen=True)
class LabelledQuestion:
    id: str
    query: str
    drug: str
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    recall: dict[int, float]
    mrr10: float
    n: int
    misses: tuple[str, ...]  # question ids with no relevant hit in the top 10

    def to_json(self) -> dict:
        return {
            **{f"recall@{k}": round(v, 4) for k, v in self.recall.items()},
            "mrr@10": round(self.mrr10, 4), "questions": self.n, "misses@10": list(self.misses),
        }


def load_questions(*paths: Path) -> list[LabelledQuestion]:
    questions: list[LabelledQuestion] = []
    for path in paths:
        if not path.is_file():
            continue
        for line in physical_lines(path.read_text(encoding="utf-8")):
            if line.strip():
                row = json.loads(line)
                questions.append(LabelledQuestion(row["id"], row["query"], row["drug"],
                                                  tuple(row["sections"])))
    return questions


def is_relevant(question: LabelledQuestion, drug: str, section: str) -> bool:
    return question.drug.lower() in drug.lower() and section in question.sections


def first_relevant_rank(question: LabelledQuestion, hits: Iterable[tuple[str, str]]) -> int | None:
    """1-based rank of the first relevant (drug, section) hit, or None."""
    for rank, (drug, section) in enumerate(hits, start=1):
        if is_relevant(question, drug, section):
            return rank
    return None


def evaluate(
    questions: list[LabelledQuestion],
    retrieve: Callable[[str], list[tuple[str, str]]],
    ks: tuple[int, ...] = (1, 5, 10),
) -> Scores:
    """``retrieve`` maps a query to its ranked (drug, section) hits."""
    ranks = [first_relevant_rank(q, retrieve(q.query)[: max(ks)]) for q in questions]
    n = max(len(questions), 1)
    recall = {k: sum(1 for r in ranks if r is not None and r <= k) / n for k in ks}
    mrr = sum(1.0 / r for r in ranks if r is not None and r <= 10) / n
    misses = tuple(q.id for q, r in zip(questions, ranks, strict=True) if r is None or r > 10)
    return Scores(recall, mrr, len(questions), misses)
