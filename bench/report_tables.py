"""The README's figure tables, one renderer per table, each from one file in bench/results/.

Every number a renderer writes comes from the results file it is given, except the targets
and floors a figure is compared with: targets are declared here, next to the table that
states them; the NLU floors are read from the test that asserts them. Labels describe what
was measured (the method), not what came out. ``bench/report.py`` puts the output between
the README's ``<!-- bench:NAME source=… -->`` markers.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent

Json = dict[str, Any]

# Targets the tables state next to a figure (from the issues that set them).
GATEWAY_OVERHEAD_TARGET_MS = 30
EDIT_TO_SEARCHABLE_TARGET_S = 2
# The NLU floors are whatever the held-out test asserts.
NLU_FLOORS_SOURCE = REPO_ROOT / "bot" / "tests" / "test_model.py"
LANGUAGES = {"en": "English", "ko": "Korean"}


# --- formatting -------------------------------------------------------------------------------
def fixed(value: float, places: int = 3) -> str:
    """``value`` with ``places`` decimals, halves rounded up (as written, not as stored)."""
    quantum = Decimal(1).scaleb(-places)
    return str(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def whole(value: float) -> str:
    """A whole number with thousands separators (milliseconds, counts), halves rounded up."""
    return f"{int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)):,}"


def percent(rate: float) -> str:
    return f"{fixed(float(Decimal(str(rate)) * 100), 1)}%"


def short(value: float) -> str:
    """A floor or target as people write it: 0.9 → 0.90, 0.935 → 0.935."""
    text = fixed(value, 3)
    return text[:-1] if text.endswith("0") else text


def bold(text: str, on: bool = True) -> str:
    return f"**{text}**" if on else text


def ratio(passed: int, total: int, rate: float) -> str:
    return f"{passed}/{total} = {fixed(rate)}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "|" + "".join(f" {cell} |" if cell else " |" for cell in cells)

    return [line(headers), "|" + "---|" * len(headers), *(line(row) for row in rows)]


def verdict(met: bool) -> str:
    return "met" if met else "not met"


# --- retrieval quality (bench/retrieval_eval.py) ---------------------------------------------
METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10")
ALL = frozenset(METRICS)
TOP = frozenset({"recall@1", "recall@5"})
NONE: frozenset[str] = frozenset()
MFDS_DEV = ("**MFDS dev** (`../shared/data/eval/dev_questions_mfds.jsonl`, ko + 3 en)")
MFDS_FROZEN = ("**MFDS frozen** (`tests/data/retrieval/frozen_mfds_ko.jsonl`, written before "
               "tuning, never tuned on)")
# (question set label, results key, retriever key, retriever label, metrics in bold)
RETRIEVAL_ROWS: list[tuple[str, str, str, str, frozenset[str]]] = [
    ("shared dev (en)", "shared dev (en)", "sparse", "BM25 only", NONE),
    ("shared dev (en)", "shared dev (en)", "dense", "dense only", NONE),
    ("shared dev (en)", "shared dev (en)", "hybrid", "**hybrid**", ALL),
    ("repo extra (en)", "repo extra (en)", "hybrid", "hybrid", NONE),
    (MFDS_DEV, "mfds dev (ko)", "sparse", "BM25 (Kiwi morphemes)", NONE),
    ("MFDS dev", "mfds dev (ko)", "dense", "dense (USE multilingual)", NONE),
    ("MFDS dev", "mfds dev (ko)", "hybrid", "**hybrid**", TOP),
    (MFDS_FROZEN, "mfds frozen (ko, never tuned on)", "hybrid", "**hybrid**", TOP),
    ("older Korean set (`dev_ko.jsonl`), US section keys only", "korean (ko)", "hybrid",
     "hybrid", NONE),
    ("older Korean set, Korean leaflets' sections accepted",
     "korean (ko), Korean leaflet sections accepted", "hybrid", "**hybrid**", ALL),
]


def retrieval(data: Json) -> list[str]:
    rows = []
    for label, key, retriever, retriever_label, bolded in RETRIEVAL_ROWS:
        figures = data["results"][key][retriever]
        rows.append([label, retriever_label, str(figures["questions"]),
                     *(bold(fixed(figures[m]), m in bolded) for m in METRICS)])
    return table(["question set", "retriever", "n", "R@1", "R@5", "R@10", "MRR@10"], rows)


# the ablation: every variant on the two English and the two MFDS sets (dev, and frozen)
ABLATION_SETS = [("shared dev (en)", "shared dev (en)"), ("repo extra (en)", "repo extra (en)"),
                 ("MFDS dev (ko)", "mfds dev (ko)"),
                 ("**MFDS frozen** (never tuned on)", "mfds frozen (ko, never tuned on)")]
ABLATION_VARIANTS = [("sparse", "BM25 only"), ("dense", "dense only"),
                     ("rrf", "RRF of the two, no rules"),
                     ("hybrid", "**RRF + topic/brand rules (hybrid, deployed)**"),
                     ("hybrid_no_names", "hybrid without name resolution")]


def retrieval_ablation(data: Json) -> list[str]:
    rows = []
    for label, key in ABLATION_SETS:
        for variant, variant_label in ABLATION_VARIANTS:
            figures = data["results"][key][variant]
            rows.append([label, variant_label, str(figures["questions"]),
                         *(fixed(figures[m]) for m in ("recall@1", "recall@5", "mrr@10"))])
    return table(["question set", "retriever", "n", "R@1", "R@5", "MRR@10"], rows)


# --- NLU on held-out splits (make bench-nlu) -------------------------------------------------
def nlu_floors(source: Path = NLU_FLOORS_SOURCE) -> dict[str, dict[str, float]]:
    """The module-level ``*_F1_FLOORS`` dicts of the held-out test, read without running it."""
    floors: dict[str, dict[str, float]] = {}
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.endswith("_F1_FLOORS")):
            floors[node.targets[0].id] = ast.literal_eval(node.value)
    return floors


def nlu(data: Json) -> list[str]:
    floors = nlu_floors()
    rows = []
    for language, name in LANGUAGES.items():
        blind = data[language]
        deployed = blind["in_channel"]
        asserted = (f"all {short(floors['INTENT_F1_FLOORS'][language])}, "
                    f"HR {short(floors['IN_CHANNEL_HR_F1_FLOORS'][language])} as deployed, "
                    f"HR {short(floors['HR_INTENT_F1_FLOORS'][language])} blind")
        rows.append([name, f"{deployed['examples']} / {blind['examples']}",
                     fixed(deployed["intent_macro_f1"]),
                     bold(fixed(deployed["hr_intent_macro_f1"])),
                     fixed(blind["intent_macro_f1"]), fixed(blind["hr_intent_macro_f1"]),
                     asserted])
    return table(["language", "examples (as deployed / blind)", "intent macro-F1 as deployed",
                  "**HR intents macro-F1 as deployed**", "intent macro-F1 blind",
                  "HR intents blind", "floors asserted"], rows)


# --- emergencies (make bench-emergency) -------------------------------------------------------
EMERGENCY_SETS = [("frozen", "**frozen**", "**frozen**", True),
                  ("shared eval", "shared eval questions + conversations (`../shared/data/eval/`)",
                   "shared eval questions + conversations", False)]


def emergency(data: Json) -> list[str]:
    """As the gateway answers: two levels (emergency reply, or the answer with a note)."""
    rows = []
    for key, first_label, label, featured in EMERGENCY_SETS:
        for index, (language, name) in enumerate(LANGUAGES.items()):
            f, levels = data[key][language], data["two_levels"][key][language]
            escalated = str(levels["ordinary_escalated"])
            if levels["ordinary_escalated"]:
                escalated = f"{escalated} ({percent(levels['false_escalation_rate'])})"
            notes = str(levels["ordinary_with_caution"])
            if levels["ordinary_with_caution"]:
                notes = f"{notes} ({percent(levels['caution_rate'])})"
            rows.append([first_label if index == 0 else label, name, str(f["emergencies"]),
                         bold(fixed(levels["recall_emergency_or_caution"]), featured),
                         fixed(levels["recall_emergency_level"]), fixed(f["help_accuracy"]),
                         str(f["ordinary"]), bold(escalated, featured), notes])
    return table(["set", "language", "emergencies", "recall (numbers given)",
                  "emergency reply", "right help (119 vs 109)", "ordinary",
                  "false escalations", "caution notes"], rows)


# --- medication checks (bench/dur_eval.py) ----------------------------------------------------
def dur(data: Json) -> list[str]:
    links, latency = data["links"], data["latency_5_medicines"]
    rows = [
        ["combination (병용금기) recall", f"{data['combination']['n']:,} pairs",
         bold(fixed(data["combination"]["recall"]))],
        ["pregnancy (임부금기) recall", f"{data['pregnancy']['n']:,} rows",
         bold(fixed(data["pregnancy"]["recall"]))],
        ["age (특정연령대금기) recall", f"{data['age']['n']:,} rows",
         bold(fixed(data["age"]["recall"]))],
        ["false alarms on OTC pairs with no rule, no shared ingredient or class",
         f"{data['no_rule_pairs']['n']:,} pairs",
         bold(fixed(data["no_rule_pairs"]["false_alarm_rate"]))],
        ["names left unresolved", f"{data['names']:,}", fixed(data["unresolved_rate"])],
        ["product → DUR ingredient links vs `dur_prod_efcy_dplct.csv`",
         f"{links['products']:,} products",
         f"precision {fixed(links['precision'])}, recall {fixed(links['recall'])}"],
        ["checker p95, 5 medicines", f"{latency['n']:,} runs", f"{fixed(latency['p95_ms'], 1)} ms"],
    ]
    return table(["measure", "n", "result"], rows)


# --- pill identification (make bench-pills) ---------------------------------------------------
# (kind, label, top-1 in bold, top-5 in bold)
PILL_KINDS = [("exact", "exact full imprint + colour + shape", True, True),
              ("sloppy", "typed sloppily (case, spaces)", False, False),
              ("misread", "one character misread (0/O, 1/I, 5/S, 8/B)", False, False),
              ("dropped", "one character dropped", False, True),
              ("color_en", "colour in English", False, False),
              ("no_shape", "no shape", False, False),
              ("one_side", "one side only", False, False)]
PILL_WHY = {"dropped": "one or two characters fit too many pills",
            "one_side": "many pills share one side; the reply asks for the other side"}


def pill_note(kind: str, f: Json) -> str:
    """Target missed; the ceiling and the ranking best on the whole mix of noises; why."""
    parts = []
    if f.get("top5_target") is not None and f["top5"] < f["top5_target"]:
        parts.append(f"target {short(f['top5_target'])} not met")
    if f.get("top5_ceiling") is not None:
        ceiling = (f"ceiling {fixed(f['top5_ceiling'])}; the ranking best on the whole mix "
                   f"of noises {fixed(f['top5_mix_best'])}")
        rows = list(f.get("top5_by_chars_left", {}).items())[::-1]
        by_left = [f"with {left.replace('-', '–')}{' characters' if i == 0 else ''} left "
                   f"{fixed(g['top5'])} ({fixed(g['top5_ceiling'])} / {fixed(g['top5_mix_best'])})"
                   for i, (left, g) in enumerate(rows)]
        ceiling += " — " + ", ".join(by_left) if by_left else ""
        parts.append(ceiling + (f": {PILL_WHY[kind]}" if kind in PILL_WHY else ""))
    return f" ({'; '.join(parts)})" if parts else ""


def pills(data: Json) -> list[str]:
    rows = []
    for kind, label, bold1, bold5 in PILL_KINDS:
        f = data["kinds"][kind]
        rows.append([label, f"{f['n']:,}", bold(fixed(f["top1"]), bold1),
                     bold(fixed(f["top5"]), bold5) + pill_note(kind, f)])
    return table(["query", "n", "top-1", "top-5"], rows)


# --- answers to whole conversations (make bench-answers) -------------------------------------
def answers(data: Json) -> list[str]:
    rows = []
    for name, s in data["sets"].items():
        by = s["by_language"]
        rows.append([name, bold(ratio(s["passed"], s["turns"], s["rate"])),
                     *(ratio(by[lang]["passed"], by[lang]["turns"], by[lang]["rate"])
                       for lang in LANGUAGES),
                     f"≥ {fixed(data['targets'][name], 2)}"])
    return table(["set", "all", "English", "Korean", "target"], rows)


def by_group(groups: dict[str, dict[str, Json]], first: str,
             cell: Callable[[Json], str]) -> list[str]:
    """One row per key found in any group, one column per group ("–" where it is absent)."""
    keys = sorted({key for group in groups.values() for key in group})
    return table([first, *groups], [[key, *(cell(group[key]) if key in group else "–"
                                            for group in groups.values())] for key in keys])


def answers_by_category(data: Json) -> list[str]:
    return by_group({name: s["by_category"] for name, s in data["sets"].items()}, "category",
                    lambda c: ratio(c["passed"], c["turns"], c["rate"]))


# --- HR conversations (make bench-hr) ---------------------------------------------------------
HR_TARGET = 0.90  # frozen task success per language; wrong bookings must be 0


def hr_conversations(data: Json) -> list[str]:
    rows = []
    for split in ("frozen", "dev"):
        for lang, name in (*LANGUAGES.items(), ("all", "all")):
            f = data["results"][split][lang]
            met = split == "frozen" and lang != "all" and (
                f["task_success_rate"] >= HR_TARGET and f["wrong_bookings"] == 0)
            turns = f["turns_per_completed_task"]
            rows.append([bold(split, split == "frozen"), name,
                         f"{f['conversations']}" + (f" (+{f['skipped']} not run)"
                                                    if f["skipped"] else ""),
                         bold(ratio(f["passed"], f["conversations"], f["task_success_rate"]),
                              split == "frozen"),
                         str(f["wrong_bookings"]), str(f["wrong_cancellations"]),
                         "–" if turns is None else fixed(turns, 2),
                         verdict(met) if split == "frozen" and lang != "all" else ""])
    return table(["set", "language", "conversations", "task success", "wrong bookings",
                  "wrong cancels", "turns / completed task",
                  f"frozen ≥ {fixed(HR_TARGET, 2)}, 0 wrong"], rows)


def hr_by_task(data: Json) -> list[str]:
    splits = [s for s in ("frozen", "dev") if s in data["results"]]
    return by_group({split: data["results"][split]["by_task"] for split in splits}, "task",
                    lambda f: f"{f['passed']}/{f['conversations']}")


# --- live pharmacist handoff (make bench-handoff) ---------------------------------------------
HANDOFF_HOPS = [("queue_visible", "customer asks → in the pharmacist's queue"),
                ("reply_visible", "pharmacist replies → shown in the customer's chat"),
                ("user_visible", "customer writes → in the pharmacist's transcript")]


def handoff(data: Json) -> list[str]:
    rows = []
    for key, label in HANDOFF_HOPS:
        d = data["delays"][key]
        rows.append([label, str(d["n"]), fixed(d["p50_ms"] / 1000, 2),
                     fixed(d["p95_ms"] / 1000, 2), fixed(data["max_seconds"][key], 2)])
    return table(["hop", "n", "p50 s", "p95 s", "max s"], rows)


# --- chat latency and edit-to-searchable (bench/chat_latency.py) -----------------------------
def latency_cells(f: Json, p99: bool = True) -> list[str]:
    return [str(f["n"]), whole(f["p50_ms"]), whole(f["p95_ms"]), whole(f["p99_ms"]) if p99 else ""]


def chat(data: Json) -> list[str]:
    load, overhead, edits = data["concurrent"], data["overhead"], data["edits"]
    median = overhead["gateway_overhead_median_ms"]
    worst = edits["edit_to_searchable_max_ms"]
    rows = [
        [f"`/v1/chat`, {load['sessions']} concurrent sessions, each sending as soon as answered, "
         f"{load['n'] // load['sessions']}-turn conversations", *latency_cells(load),
         f"{fixed(load['turns_per_second'], 1)} turns/s, {load['errors']} errors"],
        ["Rasa channel directly, one at a time", *latency_cells(overhead["rasa_direct"]), ""],
        ["`/v1/chat`, one at a time, same messages, same run",
         *latency_cells(overhead["through_gateway"]),
         f"**gateway overhead median {whole(median)} ms** (target ≤ "
         f"{GATEWAY_OVERHEAD_TARGET_MS} ms: {verdict(median <= GATEWAY_OVERHEAD_TARGET_MS)})"],
        ["staff section edit (`PUT`, re-embeds the document, publishes)",
         *latency_cells(edits["edit_call"], p99=False), ""],
        ["searchable after the edit call returns",
         *latency_cells(edits["searchable_after_return"], p99=False), ""],
        ["**searchable, timed from the moment the edit is sent**",
         *latency_cells(edits["searchable_from_send"], p99=False),
         f"**target ≤ {EDIT_TO_SEARCHABLE_TARGET_S} s: "
         f"{verdict(worst <= EDIT_TO_SEARCHABLE_TARGET_S * 1000)}** (worst {whole(worst)} ms)"],
    ]
    return table(["what", "n", "p50 ms", "p95 ms", "p99 ms", "note"], rows)


# --- load (bench/load.py) ---------------------------------------------------------------------
def load(data: Json) -> list[str]:
    paced, closed = data["paced"], data["closed_loop"]
    every = f"{paced['interval_s']:g} s"
    # (phase, label, p95 in bold, turns/s in bold, errors in bold)
    phases = [(paced, f"paced: each user sends every ~{every} (0.5–1.5 × {every}, users not "
                      "in step)", True, False, True),
              (closed, "closed loop: each user sends as soon as answered", False, True, False)]
    rows = []
    for f, label, bold95, bold_rate, bold_errors in phases:
        cpu = f["cpu_ms_per_turn"]
        rows.append([label, f"{f['n']:,}", whole(f["p50_ms"]), bold(whole(f["p95_ms"]), bold95),
                     whole(f["p99_ms"]), bold(fixed(f["turns_per_second"], 1), bold_rate),
                     bold(str(f["errors"]), bold_errors),
                     " / ".join(fixed(cpu[k], 1) for k in ("rasa", "gateway", "actions"))])
    return table(["phase", "turns", "p50 ms", "p95 ms", "p99 ms", "turns/s", "errors",
                  "CPU ms per turn (Rasa / gateway / actions)"], rows)


# --- the fast test layer (bench/test_speed.py) ------------------------------------------------
def test_speed(data: Json) -> list[str]:
    runs, target = data["runs"], data["target_seconds"]
    rows = [[f"`{data['command']}` (pytest -n {data['workers']}, {data['cores']} cores), run {i}",
             f"{r['passed']:,}", str(r["failed"]), bold(fixed(r["seconds"], 1),
                                                        r["seconds"] == data["worst_seconds"])]
            for i, r in enumerate(runs, 1)]
    worst = data["worst_seconds"]
    rows.append(["**worst run**", "", "", f"**{fixed(worst, 1)}** (target ≤ {target} s: "
                 f"{verdict(worst <= target)})"])
    return table(["run", "tests passed", "failed", "seconds"], rows)


# --- the registry -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    source: str  # relative to the repository root
    render: Callable[[Json], list[str]]


TABLES: dict[str, Table] = {
    "retrieval": Table("bench/results/retrieval.json", retrieval),
    "retrieval-ablation": Table("bench/results/retrieval.json", retrieval_ablation),
    "nlu": Table("bench/results/nlu/summary.json", nlu),
    "emergency": Table("bench/results/emergency.json", emergency),
    "dur": Table("bench/results/dur_eval.json", dur),
    "pills": Table("bench/results/pill_eval.json", pills),
    "answers": Table("bench/results/answer_eval.json", answers),
    "answers-by-category": Table("bench/results/answer_eval.json", answers_by_category),
    "hr": Table("bench/results/hr_conversations.json", hr_conversations),
    "hr-by-task": Table("bench/results/hr_conversations.json", hr_by_task),
    "handoff": Table("bench/results/handoff_eval.json", handoff),
    "chat": Table("bench/results/chat_latency.json", chat),
    "load": Table("bench/results/load.json", load),
    "test-speed": Table("bench/results/test_speed.json", test_speed),
}
