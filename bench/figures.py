"""Latency figures the benchmarks share: nearest-rank percentiles and a summary row."""

from __future__ import annotations

import statistics


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(latencies_ms: list[float]) -> dict:
    return {"n": len(latencies_ms), "p50_ms": round(percentile(latencies_ms, 50), 1),
            "p95_ms": round(percentile(latencies_ms, 95), 1),
            "p99_ms": round(percentile(latencies_ms, 99), 1),
            "mean_ms": round(statistics.fmean(latencies_ms), 1)}
