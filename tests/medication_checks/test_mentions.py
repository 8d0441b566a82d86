"""Reading a chat message for the medication check: medicines named, the person, context."""

from __future__ import annotations

import pytest

from medication_checks.mentions import (
    PersonMention,
    asks_to_compare,
    find_medicines,
    parse_person,
    says_forget,
    says_taking,
)
from tests.medication_checks.dur_data import imported


@pytest.fixture(scope="module")
def rules():
    return imported()[1]


@pytest.mark.parametrize(("text", "expected"), [
    ("can I take excedrin migraine and tylenol on the same day?",
     ["excedrin migraine", "tylenol"]),
    ("is it ok to take advil and aleve together?", ["advil", "aleve"]),
    ("게보린이랑 펜잘큐 같이 먹어도 돼요?", ["게보린", "펜잘큐"]),
    ("탁센이랑 애드빌 같이 먹어도 되나요?", ["탁센", "애드빌"]),
    ("I take selegiline, can I take sudafed?", ["selegiline", "sudafed"]),
    ("임신 중인데 이부프로펜 먹어도 되나요?", ["이부프로펜"]),
    ("what time does the jamsil branch close?", []),
    # the brand said once covers its second product
    ("what's the difference between dramamine original and less drowsy?",
     ["dramamine original", "dramamine less drowsy"]),
    ("tylenol extra strength or pm?", ["tylenol extra strength", "tylenol pm"]),
])
def test_medicines_named_in_a_sentence(rules, text, expected):
    assert find_medicines(rules, text) == expected


@pytest.mark.parametrize(("text", "compares"), [
    ("what's the difference between dramamine original and less drowsy?", True),
    ("advil vs tylenol", True),
    ("which is better for a headache, advil or tylenol?", True),
    ("타이레놀이랑 부루펜 차이가 뭐예요?", True),
    ("게보린하고 펜잘 중에 뭐가 더 나아요?", True),
    ("can I take excedrin migraine and tylenol on the same day?", False),
    ("게보린이랑 펜잘큐 같이 먹어도 돼요?", False),
    ("is there a different dose for kids?", True),  # read as a comparison only with 2 names
])
def test_a_question_that_compares(text, compares):
    assert asks_to_compare(text) is compares


@pytest.mark.parametrize(("text", "person"), [
    ("I'm pregnant, is claritin ok?", PersonMention(pregnant=True)),
    ("I'm not pregnant", PersonMention()),
    ("how much for my 4 year old?", PersonMention(age_years=4)),
    ("4살 아이 지르텍정 먹여도 돼요?", PersonMention(age_years=4)),
    ("생후 8개월 아기", PersonMention(age_months=8)),
    ("돌 아기한테 먹여도 돼요?", PersonMention(age_months=12)),
    ("my father is 80, can he take tylenol pm?", PersonMention(age_years=80, elderly=True)),
    ("저희 어머니가 70대세요", PersonMention(age_years=70, elderly=True)),
    ("모유 수유 중인데 괜찮아요?", PersonMention(breastfeeding=True)),
    ("how many aleve can I take in 24 hours?", PersonMention()),
    ("12세 미만 복용 금지인가요?", PersonMention()),
    ("my son is 20 kg, how much children's motrin?", PersonMention(weight_kg=20)),
    ("5살 18키로인데 시럽 몇 ml 먹여요?", PersonMention(age_years=5, weight_kg=18)),
    ("she weighs 44 lbs", PersonMention(weight_kg=20)),
    ("the dose is 10 mg/kg", PersonMention()),
])
def test_the_person_a_message_describes(text, person):
    assert parse_person(text) == person


def test_what_they_take_and_forgetting_it():
    assert says_taking("저는 셀레길린을 먹어요") and says_taking("I'm on warfarin")
    assert not says_taking("can I take claritin?") and not says_taking("should I take advil")
    assert says_forget("please forget my medicines") and says_forget("제 약 정보 지워 주세요")
    assert not says_forget("I forgot to take my medicine")


def test_a_newer_age_replaces_the_older_one():
    known = {"age_months": 8, "pregnant": True}
    assert PersonMention(age_years=4).merged_into(known) == {"age_years": 4, "pregnant": True}


def test_a_weight_is_kept_with_its_age_and_dropped_for_another_age():
    known = PersonMention(age_years=5).merged_into({})
    assert PersonMention(weight_kg=18).merged_into(known) == {"age_years": 5, "weight_kg": 18}
    assert PersonMention(age_years=10).merged_into({"age_years": 5, "weight_kg": 18}) == {
        "age_years": 10}  # "and for my 10 year old?": maybe another child


@pytest.mark.parametrize(("text", "expected"), [
    ("how many sudafed 12 hour tablets am I allowed in one day?", ["sudafed 12 hour"]),
    ("how many tylenol extra strength caplets can an adult take in 24 hours?",
     ["tylenol extra strength caplets"]),
])
def test_one_product_named_with_its_form_is_one_product(rules, text, expected):
    assert find_medicines(rules, text) == expected
