"""Pill identification quality and speed: "what is this pill?" queries made from the data.

1,000 pills with a printed imprint are sampled (fixed seed) from the imported table
(``make index`` imports it). For each, queries are made from its own attributes with the
noise people add, one kind at a time:

* ``exact``      the full imprint as printed (both sides) + colour + shape, in Korean;
* ``sloppy``     the same typed carelessly: random case, spaces dropped or added, a ``-``;
* ``misread``    one character misread: 0/O, 1/I, 5/S or 8/B (imprints that have one);
* ``misread_any`` any one character replaced by another (harder; no target);
* ``dropped``    one character left out (imprints of two or more characters);
* ``color_en``   colours as English words ("light green", "white") instead of MFDS's;
* ``no_shape``   full imprint + colour, no shape;
* ``one_side``   one side only (pills printed on both sides), + colour + shape.

A query is "found" at k when one of the first k look-alike groups holds the true pill or a
pill with the same normalised imprint, shape and colours (nobody can tell those apart).
For ``one_side`` the ceiling is the share of its pills whose side + colour + shape is shared
by at most 5 look-alike groups: beyond that even a perfect ranker cannot put it in the top 5.
Latency is the whole ``search_pills`` call (parsing included), one query at a time.

    cd /work/main && PYTHONPATH=. .venv/bin/python bench/pill_eval.py [--n 1000] [--seed 22]

Prints a table and writes bench/results/pill_eval.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime

from bench.figures import summary
from core.database import make_engine, make_session_factory
from core.settings import REPO_ROOT, get_settings
from knowledge_base.pill_vocabulary import MARK, color_label, normalise_imprint
from retrieval import pill_search
from retrieval.pill_loader import load_pill_records
from retrieval.pill_search import PillIndex, PillRecord, search_pills

RESULTS = REPO_ROOT / "bench" / "results" / "pill_eval.json"
TARGETS = {"exact": (0.85, 0.95), "sloppy": (None, 0.95), "misread": (None, 0.95),
           "dropped": (None, 0.95)}
MISREADS = {"0": "O", "O": "0", "1": "I", "I": "1", "5": "S", "S": "5", "8": "B", "B": "8"}
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def typed_side(raw: str) -> str:
    """A side as a person would type it: the text, without MFDS's score-line/logo words."""
    text = re.sub(r"십자분할선|분할선", " ", raw).replace(MARK, " ")
    return " ".join(text.split())


def typed_sides(pill: PillRecord) -> list[str]:
    return [s for s in (typed_side(pill.print_front), typed_side(pill.print_back))
            if normalise_imprint(s)]


def sloppy(text: str, rng: random.Random) -> str:
    chars = [c.lower() if rng.random() < 0.6 else c for c in text.replace(" ", "")]
    out = ""
    for i, char in enumerate(chars):
        out += char
        if i < len(chars) - 1 and rng.random() < 0.25:
            out += rng.choice([" ", "  ", "-"])
    return out


def misread(text: str, rng: random.Random) -> str | None:
    """One of 0/O, 1/I, 5/S, 8/B read as the other (None when the imprint has none)."""
    positions = [i for i, c in enumerate(text) if c.upper() in MISREADS]
    if not positions:
        return None
    i = rng.choice(positions)
    return text[:i] + MISREADS[text[i].upper()] + text[i + 1:]


def misread_any(text: str, rng: random.Random) -> str:
    """Any one character read as any other: the harder case, reported without a target."""
    positions = [i for i, c in enumerate(text) if c.isalnum()]
    i = rng.choice(positions)
    replacement = rng.choice([c for c in ALNUM if c != text[i].upper()])
    return text[:i] + replacement + text[i + 1:]


def dropped(text: str, rng: random.Random) -> str | None:
    positions = [i for i, c in enumerate(text) if c.isalnum()]
    if len(positions) < 2:
        return None
    i = rng.choice(positions)
    return text[:i] + text[i + 1:]


def make_queries(pill: PillRecord, rng: random.Random) -> dict[str, dict | None]:
    sides = typed_sides(pill)
    full = " ".join(sides)
    ko_colors = " ".join(pill.colors)
    en_colors = " and ".join(color_label(c, "en") for c in pill.colors)
    base = {"imprint": full, "color": ko_colors, "shape": pill.shape}
    drop, misreading = dropped(full, rng), misread(full, rng)
    return {
        "exact": base,
        "sloppy": {**base, "imprint": sloppy(full, rng)},
        "misread": {**base, "imprint": misreading} if misreading else None,
        "misread_any": {**base, "imprint": misread_any(full, rng)},
        "dropped": {**base, "imprint": drop} if drop else None,
        "color_en": {**base, "color": en_colors},
        "no_shape": {**base, "shape": None},
        "one_side": {**base, "imprint": rng.choice(sides)} if len(sides) == 2 else None,
    }


def one_side_ceiling(pills: list[PillRecord]) -> Callable[[PillRecord, str], bool]:
    """Whether ``side`` + colour + shape of a pill is shared by at most 5 look-alike groups."""
    groups: dict[tuple, set] = defaultdict(set)
    for pill in pills:
        for side in {pill.print_front_norm, pill.print_back_norm} - {""}:
            groups[(side, pill.shape, frozenset(pill.colors))].add(pill.look_alike_key)

    def within(pill: PillRecord, side: str) -> bool:
        key = (normalise_imprint(side), pill.shape, frozenset(pill.colors))
        return len(groups[key]) <= 5

    return within


def dropped_ceiling(pills: list[PillRecord]) -> Callable[[PillRecord, str], bool]:
    """Whether a query with one character dropped (+ colour + shape) fits at most 5
    look-alike groups: the imprints equal to it or one character longer that contain it."""
    groups: dict[tuple, set] = defaultdict(set)
    for pill in pills:
        front, back = pill.print_front_norm, pill.print_back_norm
        for text in {front + back, back + front, front, back} - {""}:
            for variant in {text} | {text[:i] + text[i + 1:] for i in range(len(text))}:
                groups[(variant, pill.shape, frozenset(pill.colors))].add(pill.look_alike_key)

    def within(pill: PillRecord, typed: str) -> bool:
        key = (normalise_imprint(typed), pill.shape, frozenset(pill.colors))
        return len(groups[key]) <= 5

    return within


def run(n: int, seed: int) -> dict:
    settings = get_settings()
    engine = make_engine(settings.db_url)
    pills = load_pill_records(make_session_factory(engine))
    engine.dispose()
    if not pills:
        raise SystemExit("no pills in the database: run `make index` first")
    started = time.perf_counter()
    index = PillIndex(pills)
    build_seconds = time.perf_counter() - started
    rng = random.Random(seed)
    sample = rng.sample([p for p in pills if typed_sides(p)], n)
    ceilings = {"one_side": one_side_ceiling(pills), "dropped": dropped_ceiling(pills)}
    hits: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    ceiling: dict[str, list[bool]] = defaultdict(list)
    # dropped, by the length of what is left: nobody can name a pill from one letter
    by_length: dict[str, list[bool]] = defaultdict(list)
    latencies: list[float] = []
    for pill in sample:
        for kind, query in make_queries(pill, rng).items():
            if query is None:
                continue
            started = time.perf_counter()
            result = search_pills(index, limit=5, **query)
            latencies.append((time.perf_counter() - started) * 1000)
            keys = [g.members[0].look_alike_key for g in result.groups]
            hits[kind].append((pill.look_alike_key in keys[:1], pill.look_alike_key in keys[:5]))
            if kind in ceilings:
                ceiling[kind].append(ceilings[kind](pill, query["imprint"]))
            if kind == "dropped":
                left = len(normalise_imprint(query["imprint"]))
                by_length["1-2" if left <= 2 else "3+"].append(hits[kind][-1][1])
    kinds = {}
    for kind, found in hits.items():
        top1_target, top5_target = TARGETS.get(kind, (None, None))
        kinds[kind] = {"n": len(found), "top1": round(sum(a for a, _ in found) / len(found), 4),
                       "top5": round(sum(b for _, b in found) / len(found), 4),
                       "top1_target": top1_target, "top5_target": top5_target}
    for kind, within in ceiling.items():
        kinds[kind]["top5_ceiling"] = round(sum(within) / len(within), 4)
    kinds["dropped"]["top5_by_chars_left"] = {
        left: {"n": len(found), "top5": round(sum(found) / len(found), 4)}
        for left, found in sorted(by_length.items())}
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"), "seed": seed,
        "pills_in_index": len(index), "look_alike_groups": len(index.groups),
        "sampled": n, "index_build_seconds": round(build_seconds, 2),
        "weights": {"imprint": pill_search.W_IMPRINT, "color": pill_search.W_COLOR,
                    "shape": pill_search.W_SHAPE, "form": pill_search.W_FORM},
        "kinds": kinds, "latency": summary(latencies),
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
    }


def passed(value: float, target: float | None) -> str:
    return "" if target is None else ("ok" if value >= target else "MISS")


def print_table(results: dict) -> None:
    print(f"pills {results['pills_in_index']} in {results['look_alike_groups']} look-alike "
          f"groups; {results['sampled']} sampled (seed {results['seed']})")
    print(f"{'noise':10s} {'n':>5s} {'top-1':>7s} {'':4s} {'top-5':>7s} {'':4s}")
    for kind, row in results["kinds"].items():
        print(f"{kind:10s} {row['n']:5d} {row['top1']:7.3f} "
              f"{passed(row['top1'], row['top1_target']):4s} {row['top5']:7.3f} "
              f"{passed(row['top5'], row['top5_target']):4s}"
              + (f" ceiling {row['top5_ceiling']:.3f}" if "top5_ceiling" in row else ""))
    for left, row in results["kinds"]["dropped"]["top5_by_chars_left"].items():
        print(f"  dropped, {left} characters left: n {row['n']}, top-5 {row['top5']:.3f}")
    lat = results["latency"]
    print(f"latency over {lat['n']} queries: p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms "
          f"{passed(-lat['p95_ms'], -30.0)} (target <= 30 ms), mean {lat['mean_ms']} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args()
    results = run(args.n, args.seed)
    print_table(results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
