"""The checker on the real MFDS data: the counter's everyday cases, in both languages."""

from __future__ import annotations

import pytest

from medication_checks import Person, check_medicines
from medication_checks.checker import age_applies, term_days
from medication_checks.ruleset import RuleSet
from tests.medication_checks.dur_data import imported


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return imported()[1]


def types(result) -> list[str]:
    return [f.type for f in result.findings]


def only(result, kind: str):
    found = [f for f in result.findings if f.type == kind]
    assert found, f"no {kind} in {types(result)}"
    return found


def test_selegiline_with_sudafed_is_a_contraindicated_combination(rules):
    result = check_medicines(rules, ["selegiline", "Sudafed"])
    finding = only(result, "dur_combination")[0]
    assert {i.key for i in finding.ingredients} == {"selegiline", "pseudoephedrine"}
    assert finding.mfds_text == "고혈압, 빈맥 유발"  # MFDS's wording, verbatim
    assert finding.citation == "식품의약품안전처 DUR"
    assert finding.notification_date == "2008-04-01"
    assert set(finding.medicines) == {"selegiline", "Sudafed"}


@pytest.mark.parametrize("names", [["게보린", "펜잘큐"], ["타이레놀", "판콜에이"]])
def test_two_products_with_acetaminophen_share_an_ingredient(rules, names):
    result = check_medicines(rules, names)
    assert not result.unresolved
    shared = {i.key for f in only(result, "same_ingredient") for i in f.ingredients}
    assert "acetaminophen" in shared
    # the daily maximum is the point when two products add up
    assert any(f.ingredients[0].key == "acetaminophen" for f in only(result, "dur_max_dose"))


def test_ibuprofen_in_pregnancy(rules):
    finding = only(check_medicines(rules, ["ibuprofen"], Person(pregnant=True)),
                   "dur_pregnancy")[0]
    assert finding.grade == "2등급"
    assert "임부에 대한 안전성 미확립" in finding.mfds_text
    assert not types(check_medicines(rules, ["ibuprofen"]))  # not pregnant: nothing


def test_cetirizine_tablets_for_a_four_year_old(rules):
    result = check_medicines(rules, ["지르텍정"], Person(age_years=4))
    finding = only(result, "dur_age")[0]
    assert finding.detail == "6세 미만" and finding.form is None  # the form is known: tablet
    assert result.resolved[0].form == "tablet"
    assert not check_medicines(rules, ["지르텍정"], Person(age_years=7)).findings


def test_unknown_form_reports_every_forms_rule_and_names_it(rules):
    result = check_medicines(rules, ["cetirizine"], Person(age_months=18))
    limits = {f.detail: f.form for f in only(result, "dur_age")}
    assert set(limits) == {"6세 미만", "2세 미만"}
    assert "tablets" in limits["6세 미만"] and "liquids" in limits["2세 미만"]


def test_syrup_for_a_four_year_old_is_allowed(rules):
    assert not check_medicines(rules, ["cetirizine syrup"], Person(age_years=4)).findings


def test_advil_and_aleve_are_two_nsaids(rules):
    finding = only(check_medicines(rules, ["Advil", "Aleve"]), "dur_duplicate_class")[0]
    assert {i.key for i in finding.ingredients} == {"ibuprofen", "naproxen"}
    assert finding.detail == "비스테로이드성 소염제"


def test_tylenol_and_claritin_have_no_finding(rules):
    result = check_medicines(rules, ["Tylenol", "Claritin"])
    assert result.findings == [] and not result.unresolved
    assert [r.ingredients[0].key for r in result.resolved] == ["acetaminophen", "loratadine"]


def test_unknown_names_are_reported_not_dropped(rules):
    result = check_medicines(rules, ["Tylenol", "florbix-zeta"])
    assert result.unresolved == ["florbix-zeta"]
    assert [r.name for r in result.resolved] == ["Tylenol"]


@pytest.mark.parametrize(("name", "key"), [
    ("Ibuprofen Lysine", "ibuprofen"), ("이부프로펜리신", "ibuprofen"),
    ("Selegiline Hydrochloride", "selegiline"), ("셀레길린염산염", "selegiline"),
    ("타이레놀 500", "acetaminophen"), ("게보린정", "acetaminophen"),
    ("NyQuil", "doxylamine"), ("Excedrin", "aspirin"), ("Benadryl", "diphenhydramine"),
    ("Zyrtec", "cetirizine"), ("애드빌", "ibuprofen"), ("탁센", "naproxen"),
    ("ibuprofin", "ibuprofen"),
])
def test_names_in_either_language_resolve(rules, name, key):
    result = check_medicines(rules, [name])
    assert result.resolved, f"{name} unresolved"
    assert key in {i.key for i in result.resolved[0].ingredients}


def test_elderly_rules_need_an_older_person(rules):
    names = ["clonazepam"]
    assert not check_medicines(rules, names).findings
    assert only(check_medicines(rules, names, Person(age_years=80)), "dur_elderly")
    assert only(check_medicines(rules, names, Person(elderly=True)), "dur_elderly")


def test_duration_only_with_a_duration(rules):
    assert not check_medicines(rules, ["zolpidem"]).findings
    assert only(check_medicines(rules, ["zolpidem"], Person(duration_days=60)), "dur_duration")
    assert not check_medicines(rules, ["zolpidem"], Person(duration_days=7)).findings


def test_empty_rule_set_resolves_nothing_and_finds_nothing():
    result = check_medicines(RuleSet(), ["Tylenol", "Advil"], Person(pregnant=True))
    assert result.unresolved == ["Tylenol", "Advil"] and result.findings == []


@pytest.mark.parametrize(("base", "months", "applies"), [
    ("6세 미만", 71, True), ("6세 미만", 72, False), ("12세 이하", 12 * 12 + 11, True),
    ("12세 이하", 13 * 12, False), ("2개월 미만", 1, True), ("65세 이상", 65 * 12, True),
    ("4주 미만", 0.5, True), ("4주 미만", 2, False), ("65세 초과", 65 * 12, False),
])
def test_age_limits(base, months, applies):
    assert age_applies(base, months) is applies


def test_duration_terms():
    assert term_days("28일") == 28 and term_days("4주") == 28 and term_days("-") is None
