"""Latency figures the benchmarks share: nearest-rank percentiles, summary rows, timing and
plain-text tables."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from tqdm import tqdm


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(latencies_ms: list[float]) -> dict:
    return {"n": len(latencies_ms), "p50_ms": round(percentile(latencies_ms, 50), 1),
            "p95_ms": round(percentile(latencies_ms, 95), 1),
            "p99_ms": round(percentile(latencies_ms, 99), 1),
            "mean_ms": round(statistics.fmean(latencies_ms), 1)}


def latency_stats(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/mean in milliseconds."""
    ms = np.asarray(seconds, dtype=np.float64) * 1000.0
    p50, p95 = np.percentile(ms, [50, 95])
    return {"n": len(ms), "p50_ms": float(p50), "p95_ms": float(p95), "mean_ms": float(ms.mean())}


def time_each(fn: Callable[[str], object], items: Sequence[str], desc: str) -> list[float]:
    """Wall time of ``fn(item)`` for every item, one call at a time."""
    out = []
    for item in tqdm(items, desc=desc, unit="q", leave=False):
        started = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - started)
    return out


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Plain-text table: text columns left-aligned, numbers right-aligned."""
    cells = [[str(h) for h in headers]] + [
        [f"{v:,.3f}" if isinstance(v, float) else str(v) for v in row] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def is_number(text: str) -> bool:
        return text.replace(",", "").replace(".", "").replace("-", "").replace("x", "").isdigit()

    def line(row: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if is_number(cell) else cell.ljust(w)
            for cell, w in zip(row, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])
