"""Retrieval speed: query latency, approximate FAISS indexes at 1M vectors, index build cost.

What is measured, in one run:

1. Query latency over the published real index (``SearchService(get_settings()).load()``):
   p50/p95/mean of ``service.search(query, k=10)`` (embed + FAISS + BM25 + fusion) for
   distinct consumer questions (medicine names x question templates) asked for the first
   time ("cold": the query embedding is computed), then the same questions again ("warm":
   the embedding comes from the embedder's LRU cache, so this is search + fusion only).
   Embedding alone is timed with ``service.embedder.encode_query`` on a second, disjoint
   set of questions never seen before.
2. Synthetic 384-d float32 vectors (default 1,000,000), clustered: 2,000 centres uniform on
   the unit sphere, each point = a random centre + N(0, I/384) noise, L2-normalised; 1,000
   queries drawn the same way (not taken from the base set), fixed seed. FAISS IndexFlatIP
   (exact, the ground truth), IndexHNSWFlat (M=32, efConstruction=80; efSearch 16-128) and
   IndexIVFFlat (nlist 1024, spherical k-means on a 100k sample; nprobe 4-64; HNSW is built
   on the first 500k only when the 1M build is projected past ``--hnsw-budget-min``), all
   inner product on two OpenMP threads: build time, ms/query for one batch of 1,000 queries
   and for a loop of single queries, recall@10 against the flat index, and the best
   configuration reaching recall@10 >= 0.95 with its speed-up over flat (target: >= 10x).
3. Index build vs the bare model: on the chunk texts of the real index, the time of
   ``SentenceTransformer.encode(texts, batch_size=32, normalize_embeddings=True)`` against the
   project's full ``build_and_publish`` (chunking, embedding, FAISS, BM25, lexicon, checksummed
   write, reload) into a fresh temporary directory with ``previous=None`` (nothing reused);
   encode first, then build (``--build-rounds 2`` alternates them twice). Target: build /
   encode <= 1.2.

A table is printed and every figure is written to bench/results/retrieval_speed.json.

    cd /work/main && PYTHONPATH=. HF_HUB_OFFLINE=1 .venv/bin/python bench/retrieval_speed.py
    ... bench/retrieval_speed.py --n-synthetic 100000 --queries 100   (quick run)
    ... bench/retrieval_speed.py --skip-synthetic
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import torch

from bench.ann_synthetic import SEED, K, bench_synthetic, print_synthetic
from bench.figures import format_table, latency_stats, time_each
from core.settings import REPO_ROOT, Settings, get_settings
from knowledge_base.store import open_knowledge_base
from retrieval.embedder import Embedder, TokenCounter
from retrieval.indexing import build_and_publish
from retrieval.service import SearchService

RESULTS = REPO_ROOT / "bench" / "results" / "retrieval_speed.json"
THREADS = 2
BUILD_RATIO_TARGET = 1.2

MEDICINES = (
    "ibuprofen", "Advil", "Motrin", "acetaminophen", "Tylenol", "paracetamol", "aspirin",
    "naproxen", "Aleve", "cetirizine", "Zyrtec", "loratadine", "Claritin", "fexofenadine",
    "Allegra", "diphenhydramine", "Benadryl", "famotidine", "Pepcid", "omeprazole",
    "esomeprazole", "Nexium", "loperamide", "Imodium", "bisacodyl", "Dulcolax", "docusate",
    "Miralax", "meclizine", "Dramamine", "guaifenesin", "Mucinex", "dextromethorphan",
    "Delsym", "pseudoephedrine", "fluticasone", "Flonase", "hydrocortisone cream",
    "clotrimazole", "nicotine gum",
)
TEMPLATES = (
    "how often can I take {m}?",
    "what is the maximum daily dose of {m}",
    "can I take {m} while pregnant",
    "is {m} safe while breastfeeding",
    "can I drink alcohol with {m}",
    "what are the side effects of {m}",
    "how should I store {m}",
    "can children take {m}",
    "what medicines interact with {m}",
    "when should I stop using {m} and see a doctor",
    "what happens if I take too much {m}",
    "is {m} safe if I have high blood pressure",
    "how long does {m} take to work",
    "who should not take {m}",
    "what are the inactive ingredients in {m}",
    "can I give {m} to my 5 year old",
)
# First-call overheads (BM25, lexicon, torch kernels) are paid on these, outside the figures.
WARMUP_QUERIES = (
    "does vitamin c help a cold", "what helps a sore throat at night",
    "is it ok to split a tablet", "what to do about heartburn after dinner",
    "which allergy pill does not make me sleepy",
)



# ---- helpers --------------------------------------------------------------------------

def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for text in handle:
                if text.startswith("model name"):
                    return text.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def machine_info() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(), "cpu_model": cpu_model(), "platform": platform.platform(),
        "python": platform.python_version(), "faiss": faiss.__version__,
        "faiss_compile_options": faiss.get_compile_options().strip(),
        "faiss_omp_threads": faiss.omp_get_max_threads(), "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(), "numpy": np.__version__,
    }


# ---- 1. query latency over the real index ---------------------------------------------

def make_queries(count: int, seed: int) -> tuple[list[str], list[str]]:
    """Two disjoint sets of ``count`` distinct questions (search set, embed-only set)."""
    combos = [t.format(m=m) for m in MEDICINES for t in TEMPLATES]
    if 2 * count > len(combos):
        raise SystemExit(f"--queries at most {len(combos) // 2} ({len(combos)} combinations)")
    random.Random(seed).shuffle(combos)
    keys = {" ".join(q.lower().split()) for q in [*combos, *WARMUP_QUERIES]}
    assert len(keys) == len(combos) + len(WARMUP_QUERIES), "questions must all be distinct"
    return combos[:count], combos[count:2 * count]


def bench_query_latency(service: SearchService, count: int) -> dict[str, Any]:
    searched, fresh = make_queries(count, SEED)
    for query in WARMUP_QUERIES:
        service.search(query, k=K)

    def search(query: str) -> None:
        service.search(query, k=K)

    cold = time_each(search, searched, "search cold")
    warm = time_each(search, searched, "search warm")
    embed = time_each(service.embedder.encode_query, fresh, "encode_query fresh")
    return {
        "queries": count, "k": K, "index": service.snapshot.name if service.snapshot else None,
        "chunks": len(service.snapshot.chunks) if service.snapshot else 0,
        "cold_search": latency_stats(cold),
        "warm_search_cached_embedding": latency_stats(warm),
        "embed_only_fresh": latency_stats(embed),
        "examples": searched[:5],
    }


# ---- 3. index build vs bare encode ----------------------------------------------------

def time_encode(model: Any, texts: list[str]) -> float:
    started = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=True)
    return time.perf_counter() - started


def time_build(settings: Settings, embedder: Embedder, texts: list[str]) -> dict[str, Any]:
    """One full build_and_publish into a fresh temporary directory (nothing to reuse)."""
    kb = open_knowledge_base(settings.db_url)
    documents, revision = kb.current_documents(), kb.revision()
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        started = time.perf_counter()
        snapshot, report = build_and_publish(
            documents, revision=revision, index_dir=Path(tmp),
            settings=settings.retrieval, embedder=embedder, counter=TokenCounter(),
            lexicon_dir=settings.paths.lexicon_dir, previous=None, show_progress=True,
        )
        seconds = time.perf_counter() - started
    assert report.embedded == report.chunks, "a fresh build must embed every chunk"
    return {"seconds": seconds, "report_seconds": report.seconds, "documents": len(documents),
            "chunks": report.chunks, "embedded": report.embedded,
            "same_texts_as_real_index": [c.search_text for c in snapshot.chunks] == texts}


def bench_build(service: SearchService, settings: Settings, rounds: int) -> dict[str, Any]:
    assert service.snapshot is not None
    texts = [c.search_text for c in service.snapshot.chunks]
    embedder = Embedder(threads=settings.retrieval.torch_threads,
                        query_cache_size=settings.retrieval.query_cache_size)
    model = embedder.model  # loaded (and warmed) before any timing
    model.encode(texts[:64], batch_size=32, normalize_embeddings=True)
    encode_s, builds = [], []
    for i in range(rounds):
        print(f"round {i + 1}/{rounds}: bare encode of {len(texts):,} texts", flush=True)
        encode_s.append(time_encode(model, texts))
        print(f"round {i + 1}/{rounds}: build_and_publish", flush=True)
        builds.append(time_build(settings, embedder, texts))
    build_s = [b["seconds"] for b in builds]
    return {
        "texts": len(texts), "mean_chars": float(np.mean([len(t) for t in texts])),
        "order": ("encode first, then build" if rounds == 1 else
                  f"alternating encode, build x {rounds} (encode first in each round)")
                 + "; model loaded and warmed on 64 texts before timing; the build uses a new "
                   "Embedder whose model is the one timed bare",
        "encode_s": encode_s, "build_s": build_s, "builds": builds,
        "ratio_mean": float(np.mean(build_s) / np.mean(encode_s)),
        "ratio_min": float(min(build_s) / min(encode_s)),
        "ratio_per_round": [b / e for b, e in zip(build_s, encode_s, strict=True)],
        "target": BUILD_RATIO_TARGET,
    }


# ---- report ---------------------------------------------------------------------------

def print_latency(latency: dict[str, Any]) -> None:
    labels = (("cold_search", "search, cold (embed + FAISS + BM25 + fusion)"),
              ("warm_search_cached_embedding", "search, warm (cached embedding: search+fusion)"),
              ("embed_only_fresh", "encode_query only, fresh strings"))
    rows = [[label, latency[key]["n"], latency[key]["p50_ms"], latency[key]["p95_ms"],
             latency[key]["mean_ms"]] for key, label in labels]
    print(f"\n1. Query latency, real index {latency['index']} "
          f"({latency['chunks']:,} chunks), k={latency['k']}")
    print(format_table(["what", "n", "p50 ms", "p95 ms", "mean ms"], rows))


def print_build(build: dict[str, Any]) -> None:
    rows = [[i + 1, e, b, b / e] for i, (e, b) in
            enumerate(zip(build["encode_s"], build["build_s"], strict=True))]
    rows.append(["mean", float(np.mean(build["encode_s"])), float(np.mean(build["build_s"])),
                 build["ratio_mean"]])
    first = build["builds"][0]
    print(f"\n3. Index build vs bare encode, {build['texts']:,} chunk texts of the real index "
          f"(mean {build['mean_chars']:.0f} chars); build: {first['documents']} documents -> "
          f"{first['chunks']:,} chunks, same texts: {first['same_texts_as_real_index']}")
    print(f"   order: {build['order']}")
    print(format_table(["round", "encode s", "build s", "build/encode"], rows))
    verdict = "MET" if build["ratio_mean"] <= build["target"] else "NOT met"
    print(f"   target build/encode <= {build['target']}: {verdict} "
          f"(mean ratio {build['ratio_mean']:.3f}, best-of ratio {build['ratio_min']:.3f})")


def save(results: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=300,
                        help="distinct questions for the latency test (max 320)")
    parser.add_argument("--n-synthetic", type=int, default=1_000_000)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--nlist", type=int, default=1024,
                        help="IVF lists (4096 costs ~2 more minutes of training and adding)")
    parser.add_argument("--hnsw-budget-min", type=float, default=12.0,
                        help="cap HNSW at 500k vectors when the 1M build is projected longer")
    parser.add_argument("--build-rounds", type=int, default=1,
                        help="encode-then-build rounds, alternating (2 takes ~7 more minutes)")
    parser.add_argument("--skip-build", action="store_true")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    started = time.perf_counter()
    faiss.omp_set_num_threads(THREADS)
    settings = get_settings()
    service = SearchService(settings)
    service.load()
    results: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(), "args": vars(args), "seconds": {},
        # Other processes compete for the two cores: a high load average means noisy timings.
        "loadavg_start": os.getloadavg(),
    }
    # Real-index sections first, the memory-heavy synthetic one last; JSON saved after each.
    results["latency"] = bench_query_latency(service, args.queries)
    results["seconds"]["latency"] = time.perf_counter() - started
    save(results)
    if not args.skip_build:
        results["build_vs_encode"] = bench_build(service, settings, args.build_rounds)
        results["seconds"]["build_vs_encode"] = time.perf_counter() - started - sum(
            results["seconds"].values())
        save(results)
    if not args.skip_synthetic:
        results["synthetic"] = bench_synthetic(args.n_synthetic, args.nlist,
                                               args.hnsw_budget_min * 60)
        results["seconds"]["synthetic"] = time.perf_counter() - started - sum(
            results["seconds"].values())
    results["loadavg_end"] = os.getloadavg()
    results["peak_rss_gb"] = peak_rss_gb()
    results["total_s"] = time.perf_counter() - started
    save(results)

    print_latency(results["latency"])
    if "synthetic" in results:
        print_synthetic(results["synthetic"])
    if "build_vs_encode" in results:
        print_build(results["build_vs_encode"])
    sections = ", ".join(f"{k} {v / 60:.1f}" for k, v in results["seconds"].items())
    load = "/".join(f"{x:.1f}" for x in results["loadavg_start"])
    print(f"\nminutes: {sections}; load average (1/5/15 min) at start {load}")
    print(f"peak RSS {results['peak_rss_gb']:.2f} GB, total {results['total_s'] / 60:.1f} min; "
          f"machine: {results['machine']['cpu_count']} CPUs ({results['machine']['cpu_model']}), "
          f"faiss {faiss.__version__}, torch {torch.__version__} "
          f"({results['machine']['torch_threads']} threads)")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
