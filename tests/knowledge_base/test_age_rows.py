"""Quoting the row of a dose chart that fits a child's age (replies.answers)."""

from __future__ import annotations

import pytest

from replies.answers import compose_leaflet_answer, quote_for_age

MOTRIN = ("Dosing chart: under 24 lbs or under 2 years: ask a doctor; 24-35 lbs (2-3 years): "
          "5 mL; 36-47 lbs (4-5 years): 7.5 mL; 48-59 lbs (6-8 years): 10 mL.")
ZYRTEC = ("Adults and children 6 years and over: 5 mL or 10 mL once daily. Children 2 to under "
          "6 years of age: 2.5 mL once daily; do not give more than 5 mL in 24 hours. Children "
          "under 2 years of age: ask a doctor.")
KOREAN = ("성인 및 만 15세 이상: 1회 1정. 만 7세 이상 ~ 만 15세 미만: 1회 1/2정. "
          "만 7세 미만은 복용하지 마십시오.")


@pytest.mark.parametrize(("text", "age", "expected"), [
    (MOTRIN, 7, "48-59 lbs (6-8 years): 10 mL."),
    (MOTRIN, 1, "under 24 lbs or under 2 years: ask a doctor …"),
    (ZYRTEC, 3, "Children 2 to under 6 years of age: 2.5 mL once daily; do not give more"),
    (ZYRTEC, 30, "Adults and children 6 years and over: 5 mL or 10 mL once daily."),
    (ZYRTEC, 1, "Children under 2 years of age: ask a doctor."),
    (KOREAN, 10, "만 7세 이상 ~ 만 15세 미만: 1회 1/2정."),
])
def test_the_row_for_the_age(text, age, expected):
    assert expected in quote_for_age(text, age)


def test_only_the_row_of_a_chart():
    assert quote_for_age(MOTRIN, 3) == "… 24-35 lbs (2-3 years): 5 mL …"
    assert quote_for_age(MOTRIN + " 72-95 lbs (11 years): 15 mL.", 11) == (
        "… 72-95 lbs (11 years): 15 mL.")


def test_no_fitting_row_quotes_nothing_special():
    assert quote_for_age("Take 1 tablet every 4 hours.", 8) is None


def test_the_answer_finds_the_row_in_another_passage_of_the_same_section():
    hits = [{"doc_id": "m", "section": "dosage_and_administration", "title": "Children's Motrin",
             "section_title": "Directions", "text": "shake well before using", "score": 1.0},
            {"doc_id": "m", "section": "dosage_and_administration", "title": "Children's Motrin",
             "section_title": "Directions", "text": MOTRIN, "score": 0.9}]
    answer = compose_leaflet_answer(hits, "en", age_years=8)
    assert "(6-8 years): 10 mL" in answer and "2-3 years" not in answer
