"""The medication check: names people type + who takes them → MFDS DUR findings.

Pure: it reads only the :class:`RuleSet` passed in (no database, web or Rasa), so the
gateway, the chat and the benchmark all call the same function.

Which findings are reported, and why (what a pharmacist at the counter wants to hear):

* ``dur_combination``, ``same_ingredient``, ``dur_duplicate_class``: always, between two
  different medicines in the list (a product's own ingredients were approved together).
* ``dur_pregnancy``: only when ``pregnant``; ``dur_age``: only when an age is given;
  ``dur_elderly``: only when ``elderly`` or the age is 65 or more. A rule for one dosage form
  applies to a medicine of that form; when the form is unknown every form's rule is
  reported, naming its form (cetirizine: tablets under 6, syrup under 2).
* ``dur_max_dose``: only for an ingredient that two or more of the medicines share — with no
  dose given, a daily maximum is noise for a single product taken as labelled, but it is
  exactly the risk when two products add up.
* ``dur_duration``: only when ``duration_days`` says how long, and it exceeds the limit.
* Breastfeeding is accepted but MFDS DUR has no breastfeeding table: nothing is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from medication_checks.ruleset import Resolution, Rule, RuleSet

CITATION = "식품의약품안전처 DUR"
TYPE_NAMES = {"combination": "병용금기", "pregnancy": "임부금기", "age": "특정연령대금기",
              "elderly": "노인주의", "max_dose": "용량주의", "duration": "투여기간주의",
              "duplicate_class": "효능군중복"}
FORM_WORDS = {"tablet": "tablets", "capsule": "capsules", "liquid": "liquids (syrup, "
              "suspension)", "granule": "granules/powders", "topical": "skin products",
              "injection": "injections", "suppository": "suppositories", "eye": "eye drops",
              "ear": "ear drops", "nasal": "nose drops", "spray": "sprays",
              "mouthwash": "mouthwashes"}
_AGE = re.compile(r"(\d+)\s*(세|개월|주)\s*(미만|이하|이상|초과)")
_TERM = re.compile(r"(\d+)\s*(일|주|개월)")


@dataclass(frozen=True)
class Person:
    """Who takes the medicines; every field optional."""

    age_years: float | None = None
    age_months: float | None = None
    pregnant: bool = False
    breastfeeding: bool = False
    elderly: bool = False
    duration_days: int | None = None  # how long they will take them, if known

    @property
    def months(self) -> float | None:
        if self.age_months is not None:
            return float(self.age_months)
        return None if self.age_years is None else float(self.age_years) * 12

    @property
    def is_elderly(self) -> bool:
        months = self.months
        return self.elderly or (months is not None and months >= 65 * 12)


@dataclass(frozen=True)
class Ingredient:
    key: str
    name_en: str
    name_ko: str
    dur_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedMedicine:
    name: str  # as typed
    matched: str  # the product, brand or ingredient it was read as
    kind: str
    form: str | None
    ambiguous: bool
    ingredients: tuple[Ingredient, ...]


@dataclass(frozen=True)
class Finding:
    type: str
    medicines: tuple[str, ...]  # the names as typed
    ingredients: tuple[Ingredient, ...]
    mfds_text: str  # MFDS's wording, verbatim (PROHBT_CONTENT, AGE_BASE, MAX_QTY …)
    explanation: str  # one English sentence
    notification_date: str | None
    citation: str = CITATION
    grade: str | None = None
    form: str | None = None  # the dosage form a form-specific rule concerns
    detail: str | None = None  # age limit, maximum, duration, therapeutic class


@dataclass
class CheckResult:
    resolved: list[ResolvedMedicine] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def check_medicines(rules: RuleSet, names: Sequence[str],
                    person: Person | None = None) -> CheckResult:
    """Resolve each name and report every DUR finding that applies to this person."""
    person = person or Person()
    result = CheckResult()
    meds: list[tuple[str, Resolution]] = []
    for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        found = rules.resolve(name)
        if found is None or not found.ingredients:
            result.unresolved.append(name)
            continue
        meds.append((name, found))
        result.resolved.append(ResolvedMedicine(
            name, found.matched, found.kind, found.form, found.ambiguous,
            tuple(_ingredient(rules, k) for k in found.ingredients)))
    checks = _Checks(rules, meds, person)
    result.findings = checks.run()
    return result


def _ingredient(rules: RuleSet, key: str) -> Ingredient:
    english, korean = rules.display(key)
    return Ingredient(key, english, korean, rules.codes.get(key, ()))


def _text(rule: Rule, fallback: str) -> str:
    text = rule.content.strip().strip('"').strip()
    return text if text and text not in {"_", "-"} else fallback


def age_applies(age_base: str, months: float) -> bool:
    """Whether "12세 미만" / "6개월 이하" / "65세 이상" covers someone ``months`` old."""
    match = _AGE.search(age_base)
    if not match:
        return False
    number, unit, relation = int(match[1]), match[2], match[3]
    scale = {"세": 12.0, "개월": 1.0, "주": 12 / 52}[unit]
    value = months / scale  # the age in the rule's unit
    if relation == "미만":
        return value < number
    if relation == "이하":  # "12세 이하": until the 13th birthday
        return value < number + 1 if unit == "세" else value <= number
    if relation == "이상":
        return value >= number
    return value >= number + 1 if unit == "세" else value > number


def term_days(term: str) -> int | None:
    match = _TERM.search(term)
    if not match:
        return None
    return int(match[1]) * {"일": 1, "주": 7, "개월": 30}[match[2]]


def _age_words(age_base: str) -> str:
    match = _AGE.search(age_base)
    if not match:
        return age_base
    unit = {"세": "years", "개월": "months", "주": "weeks"}[match[2]]
    relation = {"미만": "under", "이하": "aged up to", "이상": "aged", "초과": "over"}[match[3]]
    tail = " or older" if match[3] == "이상" else ""
    return f"{relation} {match[1]} {unit}{tail}"


class _Checks:
    def __init__(self, rules: RuleSet, meds: list[tuple[str, Resolution]],
                 person: Person) -> None:
        self.rules, self.meds, self.person = rules, meds, person
        self.findings: list[Finding] = []
        self.seen: set[tuple] = set()

    def run(self) -> list[Finding]:
        self.pairs()
        self.shared_ingredients()
        for name, med in self.meds:
            if self.person.pregnant:
                self.single(name, med, "pregnancy")
            if self.person.months is not None:
                self.single(name, med, "age")
            if self.person.is_elderly:
                self.single(name, med, "elderly")
            if self.person.duration_days is not None:
                self.single(name, med, "duration")
        return self.findings

    def ing(self, *keys: str) -> tuple[Ingredient, ...]:
        return tuple(_ingredient(self.rules, k) for k in dict.fromkeys(keys))

    def en(self, key: str) -> str:
        return self.rules.display(key)[0] or key

    def add(self, finding: Finding, identity: tuple) -> None:
        if identity not in self.seen:
            self.seen.add(identity)
            self.findings.append(finding)

    def _rules(self, kind: str, key: str) -> list[Rule]:
        return self.rules.rules.get(kind, {}).get(key, [])

    def pairs(self) -> None:
        for i, (name_a, med_a) in enumerate(self.meds):
            for name_b, med_b in self.meds[i + 1:]:
                keys_a, keys_b = set(med_a.ingredients), set(med_b.ingredients)
                for a in med_a.ingredients:
                    for rule in self._rules("combination", a):
                        self.combination(rule, (name_a, keys_a), (name_b, keys_b))
                self.duplicate_class(name_a, med_a, name_b, med_b)

    def combination(self, rule: Rule, first: tuple[str, set[str]],
                    second: tuple[str, set[str]]) -> None:
        for (name_x, x), (name_y, y) in ((first, second), (second, first)):
            if not rule.other_key:
                return
            if {rule.key, *rule.mix_keys} <= x and {rule.other_key, *rule.other_mix_keys} <= y:
                a, b = rule.key, rule.other_key
                if a in y and b in x:
                    continue  # both medicines hold both: the shared-ingredient check says it
                text = _text(rule, TYPE_NAMES["combination"])
                self.add(Finding(
                    "dur_combination", (name_x, name_y), self.ing(a, b), text,
                    f"{self.en(a).capitalize()} ({name_x}) and {self.en(b)} ({name_y}) must "
                    "not be taken together: MFDS lists them as a contraindicated combination.",
                    rule.date), ("combination", frozenset((name_x, name_y)),
                                 frozenset((a, b)), text))

    def duplicate_class(self, name_a: str, med_a: Resolution, name_b: str,
                        med_b: Resolution) -> None:
        for a in med_a.ingredients:
            classes_a = {(r.effect, r.series): r for r in self._rules("duplicate_class", a)}
            for b in med_b.ingredients:
                if a == b or b in med_a.ingredients or a in med_b.ingredients:
                    continue
                for rule in self._rules("duplicate_class", b):
                    own = classes_a.get((rule.effect, rule.series))
                    if own is None:
                        continue
                    date = max(d for d in (own.date, rule.date, "") if d is not None) or None
                    series = rule.series or rule.effect
                    self.add(Finding(
                        "dur_duplicate_class", (name_a, name_b), self.ing(a, b),
                        f"{TYPE_NAMES['duplicate_class']}: {rule.effect} ({series})",
                        f"{self.en(a).capitalize()} ({name_a}) and {self.en(b)} ({name_b}) "
                        f"are both in the same group ({series}); MFDS advises not taking "
                        "two of them at the same time.", date, detail=series),
                        ("class", frozenset((name_a, name_b)), series))

    def shared_ingredients(self) -> None:
        holders: dict[str, list[str]] = {}
        forms: dict[str, list[str | None]] = {}
        for name, med in self.meds:
            for key in med.ingredients:
                holders.setdefault(key, []).append(name)
                forms.setdefault(key, []).append(med.form)
        for key, names in holders.items():
            if len(names) < 2:
                continue
            listed = ", ".join(names)
            both = (f"{names[0]} and {names[1]} both" if len(names) == 2
                    else f"{', '.join(names[:-1])} and {names[-1]} all")
            ingredient = self.en(key).lower()
            self.add(Finding(
                "same_ingredient", tuple(names), self.ing(key),
                f"{self.rules.display(key)[1] or key} 성분 중복",
                f"{both} contain {ingredient}: taking them together can mean taking "
                f"too much {ingredient}.", None,
                citation=f"{CITATION} (성분 정보)"), ("same", key))
            for rule in self._rules("max_dose", key):
                if rule.mix_keys or not any(self.form_matches(rule, f) for f in forms[key]):
                    continue
                text = _text(rule, f"{TYPE_NAMES['max_dose']}: {rule.max_qty}")
                self.add(Finding(
                    "dur_max_dose", tuple(names), self.ing(key), text,
                    f"{self.en(key).capitalize()} has an MFDS daily maximum ({rule.max_qty}); "
                    f"count every product that contains it ({listed}).", rule.date,
                    detail=rule.max_qty), ("max", key, rule.max_qty, text))

    @staticmethod
    def form_matches(rule: Rule, form: str | None) -> bool:
        return not rule.forms or form is None or form in rule.forms

    def single(self, name: str, med: Resolution, kind: str) -> None:
        held = set(med.ingredients)
        for key in med.ingredients:
            for rule in self._rules(kind, key):
                if rule.key != key or not rule.mix_keys <= held:
                    continue
                if not self.form_matches(rule, med.form):
                    continue
                form = None
                if med.form is None and rule.forms:
                    form = ", ".join(FORM_WORDS.get(f, f) for f in rule.forms)
                self.report(name, key, kind, rule, form)

    def report(self, name: str, key: str, kind: str, rule: Rule, form: str | None) -> None:
        ingredient = self.en(key).capitalize()
        # name the form in the sentence when the rule is about a few forms, not "all oral"
        on_form = f" (as {form})" if form and len(rule.forms) <= 3 else ""
        if kind == "pregnancy":
            text = _text(rule, f"{TYPE_NAMES[kind]} {rule.grade}")
            grade = rule.grade.replace("등급", "")
            sentence = (f"{ingredient} ({name}){on_form} is on MFDS's list of medicines to "
                        f"avoid in pregnancy (grade {grade}).")
            self.add(Finding("dur_pregnancy", (name,), self.ing(key), text, sentence,
                             rule.date, grade=rule.grade, form=form),
                     ("preg", name, key, rule.grade, text, form))
        elif kind == "age":
            months = self.person.months
            if months is None or not age_applies(rule.age_base, months):
                return
            text = _text(rule, f"{TYPE_NAMES[kind]}: {rule.age_base}")
            sentence = (f"{ingredient} ({name}){on_form} is not for children "
                        f"{_age_words(rule.age_base)}, according to MFDS."
                        if "미만" in rule.age_base or "이하" in rule.age_base else
                        f"{ingredient} ({name}){on_form} is restricted by MFDS for people "
                        f"{_age_words(rule.age_base)}.")
            self.add(Finding("dur_age", (name,), self.ing(key), text, sentence, rule.date,
                             form=form, detail=rule.age_base),
                     ("age", name, key, rule.age_base, text, form))
        elif kind == "elderly":
            text = _text(rule, TYPE_NAMES[kind])
            self.add(Finding("dur_elderly", (name,), self.ing(key), text,
                             f"{ingredient} ({name}) needs extra caution in people aged 65 or "
                             "older, according to MFDS.", rule.date, form=form),
                     ("elderly", name, key, text))
        elif kind == "duration":
            limit = term_days(rule.max_term)
            days = self.person.duration_days
            if limit is None or days is None or days <= limit:
                return
            text = _text(rule, f"{TYPE_NAMES[kind]}: {rule.max_term}")
            self.add(Finding("dur_duration", (name,), self.ing(key), text,
                             f"{ingredient} ({name}) should not be taken for longer than "
                             f"{rule.max_term.replace('일', ' days')} (MFDS).", rule.date,
                             form=form, detail=rule.max_term),
                     ("duration", name, key, rule.max_term))


def finding_types(findings: Iterable[Finding]) -> set[str]:
    return {f.type for f in findings}
