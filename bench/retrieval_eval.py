"""Retrieval quality: Recall@1/5/10 and MRR@10 of BM25 alone, dense alone, their fusion
alone (RRF), the hybrid (RRF + topic and brand rules) and the hybrid without name resolution.

Question sets: the shared development set (../shared/data/eval/dev_questions.jsonl), the
repository's harder English additions, the older Korean set (tests/data/retrieval/dev_ko.jsonl,
labelled with US-label sections: scored strictly and, beside it, with a Korean leaflet's
coarser sections accepted — see retrieval.evaluation.KOREAN_EQUIVALENT_SECTIONS), the MFDS
dev set (../shared/data/eval/dev_questions_mfds.jsonl, questions about Korean products) and
our frozen MFDS set (tests/data/retrieval/frozen_mfds_ko.jsonl, written before tuning, never
tuned on). Figures are printed as a table and written to bench/results/retrieval.json.

    make bench            or    PYTHONPATH=. .venv/bin/python bench/retrieval_eval.py
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tabulate import tabulate

from core.settings import REPO_ROOT, get_settings
from retrieval.evaluation import evaluate, load_questions
from retrieval.service import SearchService

RESULTS = REPO_ROOT / "bench" / "results" / "retrieval.json"
# (key in the results, search mode, name resolution on): the ablation of issue 16 — each
# retriever alone, their fusion alone, the fusion with the topic and brand rules (hybrid, as
# deployed), and the hybrid without resolving the medicine named (no restriction to it)
VARIANTS = (("sparse", "sparse", True), ("dense", "dense", True), ("rrf", "rrf", True),
            ("hybrid", "hybrid", True), ("hybrid_no_names", "hybrid", False))
LABELS = {"sparse": "BM25 only", "dense": "dense only", "rrf": "RRF (no topic/brand rules)",
          "hybrid": "hybrid", "hybrid_no_names": "hybrid, no name resolution"}


def question_sets() -> dict[str, list]:
    settings = get_settings()
    data = REPO_ROOT / "tests" / "data" / "retrieval"
    sets = {
        "shared dev (en)": load_questions(settings.paths.dev_questions_file),
        "repo extra (en)": load_questions(data / "dev_extra_en.jsonl"),
        "korean (ko)": load_questions(data / "dev_ko.jsonl"),
        "mfds dev (ko)": load_questions(settings.paths.dev_questions_mfds_file),
        "mfds frozen (ko, never tuned on)": load_questions(data / "frozen_mfds_ko.jsonl"),
    }
    return {name: qs for name, qs in sets.items() if qs}


def main() -> None:
    service = SearchService(get_settings())
    service.load()
    rows, results = [], {}
    runs = [(name, qs, False) for name, qs in question_sets().items()]
    runs += [("korean (ko), Korean leaflet sections accepted", qs, True)
             for name, qs in question_sets().items() if name == "korean (ko)"]
    for set_name, questions, equivalent in runs:
        results[set_name] = {}
        for key, mode, focus in VARIANTS:
            scores = evaluate(
                questions,
                lambda q, mode=mode, focus=focus: [
                    (h.chunk.drug, h.chunk.section, h.chunk.title, h.chunk.doc_id)
                    for h in service.search(q, k=10, mode=mode, focus=focus).hits
                ],
                equivalent=equivalent,
            )
            results[set_name][key] = scores.to_json()
            rows.append([set_name, LABELS[key], len(questions), *(
                f"{scores.recall[k]:.3f}" for k in (1, 5, 10)), f"{scores.mrr10:.3f}"])
    print(tabulate(rows, headers=["set", "retriever", "n", "R@1", "R@5", "R@10", "MRR@10"]))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "index": service.snapshot.name if service.snapshot else None,
        "results": results,
    }
    RESULTS.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten to {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
