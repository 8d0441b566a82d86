"""Retrieval quality against labelled questions: Recall@k and MRR@k.

A hit is relevant when its drug contains the question's ``drug`` (case-insensitive, so a
combination product counts) and its section is one of the question's ``sections``. Questions
about one product (the MFDS set) give ``match`` instead: strings one of which the hit's title,
drug or doc_id must contain.
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
    match: tuple[str, ...] = ()


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
                questions.append(LabelledQuestion(
                    row["id"], row["query"], row.get("drug", ""), tuple(row["sections"]),
                    tuple(row.get("match") or ())))
    return questions


# Where a US label's section stands in a Korean (MFDS e약은요) leaflet, whose seven sections
# are coarser ("do not use", "ask a doctor", pregnancy all live in 사용상 주의사항). Used only
# with ``equivalent=True``, to judge a Korean leaflet against questions labelled with US-label
# sections (the older Korean set); the strict figure is always reported beside it.
KOREAN_EQUIVALENT_SECTIONS: dict[str, tuple[str, ...]] = {
    "warnings": ("warnings", "precautions"),
    "do_not_use": ("precautions",),
    "ask_doctor": ("precautions",),
    "ask_doctor_or_pharmacist": ("precautions", "drug_interactions"),
    "when_using": ("precautions", "adverse_reactions"),
    "stop_use": ("precautions",),
    "pregnancy_or_breast_feeding": ("precautions",),
    "purpose": ("indications_and_usage",),
    "keep_out_of_reach_of_children": ("storage_and_handling",),
}


def accepted_sections(question: LabelledQuestion, doc_id: str, equivalent: bool) -> set[str]:
    sections = set(question.sections)
    if equivalent and not question.match and doc_id.startswith("mfds-"):
        for section in question.sections:
            sections.update(KOREAN_EQUIVALENT_SECTIONS.get(section, ()))
    return sections


def is_relevant(question: LabelledQuestion, drug: str, section: str, title: str = "",
                doc_id: str = "", *, equivalent: bool = False) -> bool:
    if section not in accepted_sections(question, doc_id, equivalent):
        return False
    if question.match:
        return any(m.lower() in f"{title}\n{drug}\n{doc_id}".lower() for m in question.match)
    return question.drug.lower() in drug.lower()


def first_relevant_rank(question: LabelledQuestion, hits: Iterable[tuple[str, ...]],
                        *, equivalent: bool = False) -> int | None:
    """1-based rank of the first relevant (drug, section[, title, doc_id]) hit, or None."""
    for rank, hit in enumerate(hits, start=1):
        if is_relevant(question, *hit, equivalent=equivalent):
            return rank
    return None


def evaluate(
    questions: list[LabelledQuestion],
    retrieve: Callable[[str], list[tuple[str, ...]]],
    ks: tuple[int, ...] = (1, 5, 10), *, equivalent: bool = False,
) -> Scores:
    """``retrieve`` maps a query to its ranked (drug, section[, title, doc_id]) hits."""
    ranks = [first_relevant_rank(q, retrieve(q.query)[: max(ks)], equivalent=equivalent)
             for q in questions]
    n = max(len(questions), 1)
    recall = {k: sum(1 for r in ranks if r is not None and r <= k) / n for k in ks}
    mrr = sum(1.0 / r for r in ranks if r is not None and r <= 10) / n
    misses = tuple(q.id for q, r in zip(questions, ranks, strict=True) if r is None or r > 10)
    return Scores(recall, mrr, len(questions), misses)
