"""How well the DUR medication check finds MFDS's rules when medicines are named as people do.

``python bench/dur_eval.py`` (fixed seed) → a table and ``bench/results/dur_eval.json``.
The rule set is imported into a throw-away SQLite database and loaded exactly as the app
loads it. Each sampled rule is named the way a consumer would: an e약은요 (or DUR product
table) product holding exactly the rule's ingredient(s), in the rule's form, where one
exists; else the ingredient in Korean or English. Also measured: false alarms on pairs of
OTC products with no rule, no shared ingredient and no shared class; the unresolved-name
rate; checker latency for 5 medicines; product → DUR-code link precision/recall against
``dur_prod_efcy_dplct.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from bench.figures import summary
from core.database import make_engine, make_session_factory
from core.schema import upgrade_schema
from core.settings import get_settings
from knowledge_base.dur_import import import_dur, knowledge_base_documents
from knowledge_base.dur_tables import DurProductRow
from medication_checks import Person, check_medicines
from medication_checks.rules import load_rule_set
from medication_checks.ruleset import Product, Rule, RuleSet

RESULTS = Path(__file__).resolve().parent / "results" / "dur_eval.json"
_AGE = re.compile(r"(\d+)\s*(세|개월|주)\s*(미만|이하|이상|초과)")


def age_inside(base: str) -> float | None:
    """An age in months that the rule's AGE_BASE covers."""
    match = _AGE.search(base)
    if not match:
        return None
    n, unit, relation = int(match[1]), match[2], match[3]
    months = {"세": 12.0, "개월": 1.0, "주": 12 / 52}[unit] * n
    if relation in {"미만"}:
        return max(0.0, months - (6 if unit == "세" and n > 1 else months / 2))
    if relation == "이하":
        return months
    return months + (12 if unit == "세" else 1)


class Namer:
    """Names an ingredient set the way a consumer would."""

    def __init__(self, rules: RuleSet, rng: random.Random) -> None:
        self.rules, self.rng = rules, rng
        self.by_set: dict[frozenset[str], list[Product]] = {}
        for product in rules.products:
            if product.source in {"mfds", "dur_product"} and product.aliases:
                self.by_set.setdefault(frozenset(product.ingredients), []).append(product)

    def name(self, keys: frozenset[str], forms: tuple[str, ...] = ()) -> str:
        candidates = [p for p in self.by_set.get(keys, [])
                      if not forms or p.form is None or p.form in forms]
        candidates.sort(key=lambda p: (p.source != "mfds", p.name))
        if candidates:
            return candidates[0].aliases[0] if self.rng.random() < 0.5 else \
                self.rng.choice(candidates).aliases[0]
        parts = []
        for key in sorted(keys):
            english, korean = self.rules.display(key)
            parts.append(korean if korean and self.rng.random() < 0.5 else english or key)
        return " + ".join(parts)


def unique_rules(rules: RuleSet, kind: str) -> list[Rule]:
    seen: dict[int, Rule] = {}
    for rule_list in rules.rules.get(kind, {}).values():
        for rule in rule_list:
            seen[id(rule)] = rule
    return sorted(seen.values(), key=lambda r: (r.code, r.other_key or "", r.form_name,
                                                 r.content, r.age_base, r.grade))


def recall(rules: RuleSet, rng: random.Random, namer: Namer, kind: str, n: int,
           names_seen: list[tuple[str, bool]]) -> dict:
    finding_type = {"combination": "dur_combination", "pregnancy": "dur_pregnancy",
                    "age": "dur_age"}[kind]
    pool = unique_rules(rules, kind)
    if kind == "combination":  # one per ingredient pair, the way the README counts them
        pairs: dict[tuple, Rule] = {}
        for rule in pool:
            sides = (frozenset({rule.key, *rule.mix_keys}),
                     frozenset({rule.other_key or "", *rule.other_mix_keys}))
            if rule.key != rule.other_key:
                pairs.setdefault(sides, rule)
        pool = list(pairs.values())
    sample = rng.sample(pool, min(n, len(pool)))
    hits, misses = 0, []
    for rule in sample:
        if kind == "combination":
            names = [namer.name(frozenset({rule.key, *rule.mix_keys})),
                     namer.name(frozenset({rule.other_key or "", *rule.other_mix_keys}))]
            person = None
        else:
            names = [namer.name(frozenset({rule.key, *rule.mix_keys}), rule.forms)]
            person = (Person(pregnant=True) if kind == "pregnancy"
                      else Person(age_months=age_inside(rule.age_base)))
        result = check_medicines(rules, names, person)
        names_seen += [(n, n in result.unresolved) for n in names]
        wanted = {rule.key, rule.other_key} - {None}
        found = any(f.type == finding_type and wanted <= {i.key for i in f.ingredients}
                    for f in result.findings)
        hits += found
        if not found:
            misses.append({"names": names, "rule": [rule.code, rule.other_key, rule.age_base,
                                                    rule.form_name[:40]],
                           "unresolved": result.unresolved})
    return {"n": len(sample), "recall": round(hits / max(1, len(sample)), 4),
            "misses": misses[:15]}


def false_alarms(rules: RuleSet, rng: random.Random, n: int,
                 names_seen: list[tuple[str, bool]]) -> dict:
    classes: dict[str, set[tuple[str, str]]] = {}
    for rule in unique_rules(rules, "duplicate_class"):
        classes.setdefault(rule.key, set()).add((rule.effect, rule.series))
    combos = {(r.key, r.other_key) for r in unique_rules(rules, "combination")}
    products = [p for p in rules.products if p.source == "mfds" and p.aliases]
    pairs, tries = [], 0
    while len(pairs) < n and tries < 100_000:
        tries += 1
        a, b = rng.sample(products, 2)
        ka, kb = set(a.ingredients), set(b.ingredients)
        if ka & kb or any(classes.get(x, set()) & classes.get(y, set()) for x in ka
                          for y in kb) or any((x, y) in combos or (y, x) in combos
                                              for x in ka for y in kb):
            continue
        pairs.append((a.aliases[0], b.aliases[0]))
    alarms = []
    for pair in pairs:
        result = check_medicines(rules, list(pair))
        names_seen += [(n, n in result.unresolved) for n in pair]
        if result.findings:
            alarms.append({"names": pair, "types": [f.type for f in result.findings]})
    return {"n": len(pairs), "false_alarm_rate": round(len(alarms) / max(1, len(pairs)), 4),
            "alarms": alarms[:15]}


def latency(rules: RuleSet, rng: random.Random, runs: int = 500) -> dict:
    names = [p.aliases[0] for p in rules.products if p.source == "mfds" and p.aliases]
    names += ["Tylenol", "Advil", "Sudafed", "selegiline", "게보린", "지르텍정"]
    timings = []
    for _ in range(runs):
        chosen = rng.sample(names, 5)
        start = time.perf_counter()
        check_medicines(rules, chosen, Person(age_years=70, pregnant=True))
        timings.append((time.perf_counter() - start) * 1000)
    return summary(timings)


def link_quality(sessions, dur_dir: Path) -> dict:
    truth: dict[str, set[str]] = {}
    with (dur_dir / "dur_prod_efcy_dplct.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            truth.setdefault(row["ITEM_SEQ"], set()).add(row["INGR_CODE"])
    universe = {c for codes in truth.values() for c in codes}
    with sessions() as session:
        linked = {p.item_seq: set(p.codes) for p in session.scalars(
            select(DurProductRow).where(DurProductRow.source == "mfds"))}
    tp = fp = fn = 0
    for seq, codes in truth.items():
        if seq in linked:
            predicted = linked[seq] & universe  # the ground truth only lists these codes
            tp, fp, fn = tp + len(predicted & codes), fp + len(predicted - codes), \
                fn + len(codes - predicted)
    return {"products": sum(seq in linked for seq in truth), "true_links": tp + fn,
            "precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    settings = get_settings()
    paths = settings.paths
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'dur.sqlite'}"
        engine = make_engine(url)
        upgrade_schema(engine)
        sessions = make_session_factory(engine)
        documents = knowledge_base_documents(settings.db_url, paths.catalogue_dir,
                                             paths.fda_labels_file)
        import_dur(sessions, paths.dur_dir, paths.shared_data_dir / "mfds" / "e_yakeunyo.jsonl",
                   documents, sorted(paths.lexicon_dir.glob("*.yml")))
        rules = load_rule_set(sessions)  # as api/main.py does
        links = link_quality(sessions, paths.dur_dir)
        engine.dispose()
    rng = random.Random(args.seed)
    namer = Namer(rules, rng)
    names_seen: list[tuple[str, bool]] = []
    report = {
        "seed": args.seed,
        "combination": recall(rules, rng, namer, "combination", args.n, names_seen),
        "pregnancy": recall(rules, rng, namer, "pregnancy", args.n, names_seen),
        "age": recall(rules, rng, namer, "age", args.n, names_seen),
        "no_rule_pairs": false_alarms(rules, rng, args.n, names_seen),
        "unresolved_rate": round(sum(u for _, u in names_seen) / max(1, len(names_seen)), 4),
        "names": len(names_seen),
        "latency_5_medicines": latency(rules, rng),
        "links": links,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
    print(f"{'measure':34s} {'n':>5s} {'value':>8s}")
    for kind in ("combination", "pregnancy", "age"):
        print(f"{'recall ' + kind:34s} {report[kind]['n']:5d} {report[kind]['recall']:8.4f}")
    alarms = report["no_rule_pairs"]
    print(f"{'false alarms (no-rule OTC pairs)':34s} {alarms['n']:5d} "
          f"{alarms['false_alarm_rate']:8.4f}")
    print(f"{'unresolved names':34s} {report['names']:5d} {report['unresolved_rate']:8.4f}")
    lat = report["latency_5_medicines"]
    print(f"{'checker p95 ms (5 medicines)':34s} {lat['n']:5d} {lat['p95_ms']:8.1f}")
    print(f"{'link precision':34s} {links['true_links']:5d} {links['precision']:8.4f}")
    print(f"{'link recall':34s} {links['true_links']:5d} {links['recall']:8.4f}")


if __name__ == "__main__":
    main()
