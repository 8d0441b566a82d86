"""The in-memory rule set the checker reads, and how a typed medicine name is resolved.

Pure data (no database, web or Rasa imports): :mod:`medication_checks.rules` fills it from
the DUR tables once at start-up; tests and the benchmark build it the same way.
Rules are indexed by the canonical ingredient key (:mod:`knowledge_base.ingredients`), not
by DUR code, so a rule written for "Ibuprofen Lysine" also reaches a product holding
ibuprofen: the salt does not change what the rule is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge_base.ingredients import IngredientDictionary, is_korean, query_variants

FUZZY_CUTOFF = 88.0
# Korean particles people attach to a name ("타이레놀이랑", "게보린은")
_PARTICLES = ("이랑", "하고", "랑", "은", "는", "이", "가", "을", "를", "과", "와", "도", "만")
_PLUS = re.compile(r"\s*[+＋&]\s*")


@dataclass(frozen=True)
class Rule:
    """One in-force DUR row, its ingredient(s) as canonical keys."""

    kind: str
    code: str
    key: str
    mix_keys: frozenset[str] = frozenset()
    other_key: str | None = None
    other_mix_keys: frozenset[str] = frozenset()
    forms: tuple[str, ...] = ()  # coarse forms; empty = any form
    form_name: str = ""
    grade: str = ""
    age_base: str = ""
    max_qty: str = ""
    max_term: str = ""
    series: str = ""
    effect: str = ""
    date: str | None = None
    content: str = ""


@dataclass(frozen=True)
class Product:
    name: str
    source: str
    aliases: tuple[str, ...]
    ingredients: tuple[str, ...]
    form: str | None = None
    otc: bool = False
    item_seq: str | None = None


@dataclass(frozen=True)
class Resolution:
    """What one typed name means: the product (if any), its form, its ingredient keys."""

    name: str
    matched: str
    kind: str  # product | brand | ingredient | combination
    ingredients: tuple[str, ...]
    form: str | None = None
    ambiguous: bool = False


@dataclass
class RuleSet:
    """Everything the checker needs, indexed for lookups in microseconds."""

    dictionary: IngredientDictionary = field(default_factory=IngredientDictionary)
    rules: dict[str, dict[str, list[Rule]]] = field(default_factory=dict)  # kind → key → rules
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (english, korean)
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → DUR codes
    products: list[Product] = field(default_factory=list)
    _full: dict[str, list[int]] = field(default_factory=dict)
    _brand: dict[str, list[int]] = field(default_factory=dict)
    _alias: dict[str, list[int]] = field(default_factory=dict)
    _fuzzy: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, dictionary: IngredientDictionary, rules: Iterable[Rule],
              names: dict[str, tuple[str, str]], codes: dict[str, tuple[str, ...]],
              products: Iterable[Product]) -> RuleSet:
        rule_set = cls(dictionary=dictionary, names=names, codes=codes)
        for rule in rules:
            by_key = rule_set.rules.setdefault(rule.kind, {})
            by_key.setdefault(rule.key, []).append(rule)
            if rule.other_key and rule.other_key != rule.key:
                by_key.setdefault(rule.other_key, []).append(rule)
        for product in products:
            rule_set.add_product(product)
        rule_set._fuzzy = sorted({a for a in (*rule_set._brand, *rule_set._alias,
                                               *(n for n, _ in dictionary.items()))
                                  if a.isascii() and len(a) >= 5})
        return rule_set

    def add_product(self, product: Product) -> None:
        index = len(self.products)
        self.products.append(product)
        if not product.aliases:
            return
        if product.source == "lexicon":
            self._brand.setdefault(product.aliases[0], []).append(index)
            return
        self._full.setdefault(product.aliases[0], []).append(index)
        for alias in product.aliases:
            self._alias.setdefault(alias, []).append(index)

    @property
    def empty(self) -> bool:
        return not self.rules and not self.products

    def count(self, kind: str) -> int:
        return len({id(r) for rules in self.rules.get(kind, {}).values() for r in rules})

    def display(self, key: str) -> tuple[str, str]:
        return self.names.get(key, (key, key) if is_korean(key) else (key, ""))

    # --- resolving names ---------------------------------------------------------------
    def resolve(self, name: str, *, fuzzy: bool = True) -> Resolution | None:
        """The medicine a person's name for it means, or None (never a guess below cutoff).

        ``fuzzy=False`` accepts exact names only (finding names inside a sentence)."""
        parts = [p for p in _PLUS.split(name.strip()) if p]
        if len(parts) > 1:  # "ergotamine + caffeine": one product of several ingredients
            found = [self.resolve(p, fuzzy=fuzzy) for p in parts]
            if any(f is None for f in found):
                return None
            keys = tuple(dict.fromkeys(k for f in found if f for k in f.ingredients))
            return Resolution(name, " + ".join(f.matched for f in found if f), "combination",
                              keys, next((f.form for f in found if f and f.form), None))
        variants = query_variants(name)
        variants += [(v[: -len(p)], f) for v, f in variants if is_korean(v)
                     for p in _PARTICLES if v.endswith(p) and len(v) - len(p) >= 2]
        for tier in (self._by_full, self._by_brand, self._by_ingredient, self._by_alias):
            for variant, form in variants:
                hit = tier(name, variant, form)
                if hit:
                    return hit
        return self._by_fuzzy(name, variants) if fuzzy else None

    def _family(self, name: str, indices: list[int], kind: str, form: str | None,
                matched: str) -> Resolution:
        products = [self.products[i] for i in dict.fromkeys(indices)]
        sets = [set(p.ingredients) for p in products]
        common = set.intersection(*sets)
        first = products[0]
        ordered = [k for p in products for k in p.ingredients]
        keys = tuple(dict.fromkeys(k for k in ordered if k in (common or set().union(*sets))))
        forms = {p.form for p in products}
        product_form = forms.pop() if len(forms) == 1 else None
        return Resolution(name, first.name if len(products) == 1 else matched, kind, keys,
                          form or product_form, ambiguous=not common)

    def _by_full(self, name: str, variant: str, form: str | None) -> Resolution | None:
        hits = self._full.get(variant)
        return self._family(name, hits, "product", form, variant) if hits else None

    def _by_brand(self, name: str, variant: str, form: str | None) -> Resolution | None:
        hits = self._brand.get(variant)
        return self._family(name, hits, "brand", form, self.products[hits[0]].name) \
            if hits else None

    def _by_ingredient(self, name: str, variant: str, form: str | None) -> Resolution | None:
        if not self.dictionary.knows(variant):
            return None
        key = self.dictionary.fold(variant)
        return Resolution(name, self.display(key)[0] or key, "ingredient", (key,), form)

    def _by_alias(self, name: str, variant: str, form: str | None) -> Resolution | None:
        hits = self._alias.get(variant)
        return self._family(name, hits, "product", form, variant) if hits else None

    def _by_fuzzy(self, name: str, variants: list[tuple[str, str | None]]) -> Resolution | None:
        for variant, form in variants:
            if not variant.isascii() or len(variant) < 5:
                continue
            best = process.extractOne(variant, self._fuzzy, scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF)
            if best:
                for tier in (self._by_brand, self._by_ingredient, self._by_alias):
                    found = tier(name, best[0], form)
                    if found:
                        return found
        return None

