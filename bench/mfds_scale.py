"""Scale of the MFDS (e약은요) catalogue: build cost, incremental edits, query latency, 50k docs.

What is measured, in one run (figures → bench/results/mfds_scale.json):

1. Full index build from the store's current documents into a fresh directory, nothing
   reused (``previous=None``): wall time and this process's peak RSS; then the same for the
   documents without the MFDS leaflets, so the difference is what MFDS adds to ``make index``.
2. Incremental rebuild after one Korean section edit (previous snapshot reused): time and
   the number of chunks re-encoded (expected: 1).
3. Query latency through the CLI (``python -m retrieval search --jsonl --k 10``, one process,
   one line in and one line out at a time): p50/p95 over the MFDS dev questions, the frozen
   Korean set and the English dev set, each asked once (cold query caches).
4. A simulated corpus ten times this one (50k documents ≈ 300k Korean chunks would not fit
   the time box, so 50k × 6 sections = 300k USE-sized vectors are simulated: 512-d, clustered,
   normalised): FAISS Flat (exact) against HNSW32 and IVF (recall@10 against Flat, ms/query
   single-threaded, build time).

    PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python bench/mfds_scale.py [--skip-build]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from core.settings import REPO_ROOT, get_settings
from knowledge_base.store import open_knowledge_base
from retrieval.embedder import Embedder, TokenCounter
from retrieval.evaluation import load_questions
from retrieval.indexing import build_and_publish
from retrieval.korean import KoreanEncoder

RESULTS = REPO_ROOT / "bench" / "results" / "mfds_scale.json"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_build() -> dict[str, Any]:
    settings = get_settings()
    documents = open_knowledge_base(settings.db_url).current_documents()
    english = [d for d in documents if d.language != "ko"]
    embedder, counter, encoder = Embedder(threads=2), TokenCounter(), KoreanEncoder()
    out: dict[str, Any] = {"documents": len(documents), "mfds_documents":
                           len(documents) - len(english)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, docs in (("english_only", english), ("full", documents)):
            index_dir = Path(tmp) / name
            started = time.perf_counter()
            snapshot, report = build_and_publish(
                docs, revision=1, index_dir=index_dir, settings=settings.retrieval,
                embedder=embedder, counter=counter, lexicon_dir=settings.paths.lexicon_dir,
                korean_encoder=encoder)
            out[name] = {"seconds": round(time.perf_counter() - started, 1),
                         "chunks": report.chunks, "embedded": report.embedded,
                         "peak_rss_mb": round(peak_rss_mb())}
        korean = next(d for d in documents if d.language == "ko")
        section = korean.sections[0]
        edited = korean.model_copy(update={"sections": (
            section.model_copy(update={"text": section.text + " 편집된 문장."}),
            *korean.sections[1:])})
        docs = [edited if d.doc_id == korean.doc_id else d for d in documents]
        started = time.perf_counter()
        _, report = build_and_publish(
            docs, revision=2, index_dir=Path(tmp) / "full", settings=settings.retrieval,
            embedder=embedder, counter=counter, lexicon_dir=settings.paths.lexicon_dir,
            previous=snapshot, korean_encoder=encoder)
        out["incremental_one_section_edit"] = {
            "seconds": round(time.perf_counter() - started, 1), "embedded": report.embedded}
    out["mfds_adds_seconds"] = round(out["full"]["seconds"] - out["english_only"]["seconds"], 1)
    return out


def bench_cli(per_set: int) -> dict[str, Any]:
    settings = get_settings()
    data = REPO_ROOT / "tests" / "data" / "retrieval"
    sets = {"mfds dev (ko)": settings.paths.dev_questions_mfds_file,
            "frozen mfds (ko)": data / "frozen_mfds_ko.jsonl",
            "shared dev (en)": settings.paths.dev_questions_file}
    process = subprocess.Popen(
        [sys.executable, "-m", "retrieval", "search", "--jsonl", "--k", "10"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    assert process.stdin and process.stdout
    out: dict[str, Any] = {}
    try:
        process.stdin.write(json.dumps({"id": "warm", "query": "타이레놀 warm up"}) + "\n")
        process.stdin.flush()
        process.stdout.readline()
        for name, path in sets.items():
            timings = []
            for q in load_questions(path)[:per_set]:
                started = time.perf_counter()
                process.stdin.write(json.dumps({"id": q.id, "query": q.query},
                                               ensure_ascii=False) + "\n")
                process.stdin.flush()
                process.stdout.readline()
                timings.append((time.perf_counter() - started) * 1000)
            out[name] = {"n": len(timings), "p50_ms": round(float(np.percentile(timings, 50)), 1),
                         "p95_ms": round(float(np.percentile(timings, 95)), 1)}
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    return out


def clustered(rng: np.random.Generator, centres: np.ndarray, n: int) -> np.ndarray:
    points = centres[rng.integers(0, len(centres), n)]
    points = points + rng.normal(0, 1 / np.sqrt(points.shape[1]), points.shape)
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


def bench_simulated(n: int, dim: int = 512, queries: int = 300) -> dict[str, Any]:
    rng = np.random.default_rng(17)
    centres = rng.normal(size=(2000, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    base, query = clustered(rng, centres, n), clustered(rng, centres, queries)
    rows: dict[str, Any] = {"vectors": n, "dim": dim, "queries": queries}

    def run(name: str, index: faiss.Index, build_s: float, truth: np.ndarray | None) -> Any:
        faiss.omp_set_num_threads(1)  # one query at a time, as the service asks
        started = time.perf_counter()
        ids = np.vstack([index.search(q.reshape(1, -1), 10)[1] for q in query])
        ms = (time.perf_counter() - started) * 1000 / queries
        recall = 1.0 if truth is None else float(np.mean(
            [len(set(a) & set(b)) / 10 for a, b in zip(ids, truth, strict=True)]))
        rows[name] = {"build_s": round(build_s, 1), "ms_per_query": round(ms, 3),
                      "recall@10": round(recall, 4)}
        return ids

    started = time.perf_counter()
    flat = faiss.IndexFlatIP(dim)
    flat.add(base)
    truth = run("Flat", flat, time.perf_counter() - started, None)
    faiss.omp_set_num_threads(2)
    started = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 80
    hnsw.add(base)
    build = time.perf_counter() - started
    for ef in (32, 64, 128):
        hnsw.hnsw.efSearch = ef
        run(f"HNSW32 efSearch={ef}", hnsw, build, truth)
    nlist = int(4 * np.sqrt(n))
    faiss.omp_set_num_threads(2)
    started = time.perf_counter()
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.train(base[rng.choice(n, min(n, 50 * nlist), replace=False)])
    ivf.add(base)
    build = time.perf_counter() - started
    for nprobe in (8, 16, 32):
        ivf.nprobe = nprobe
        run(f"IVF{nlist} nprobe={nprobe}", ivf, build, truth)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--only-build", action="store_true")
    parser.add_argument("--per-set", type=int, default=50)
    parser.add_argument("--simulated-vectors", type=int, default=300_000)
    args = parser.parse_args()
    results: dict[str, Any] = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds")}
    if RESULTS.is_file():  # keep the figures of parts skipped this time
        results = {**json.loads(RESULTS.read_text()), **results}
    if not args.only_build:
        results["cli_latency_k10"] = bench_cli(args.per_set)
        print(json.dumps(results["cli_latency_k10"], ensure_ascii=False, indent=1))
        results["simulated_10x"] = bench_simulated(args.simulated_vectors)
        print(json.dumps(results["simulated_10x"], indent=1))
    if not args.skip_build:
        results["build"] = bench_build()
        print(json.dumps(results["build"], indent=1))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
