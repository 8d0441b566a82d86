"""Quoting the row of a dose chart that fits a child's age or weight (replies.answers)."""

from __future__ import annotations

import pytest

from replies.answers import NO_WEIGHT_ROWS, compose_leaflet_answer
from replies.quotes import quote_for_age, quote_for_weight

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


@pytest.mark.parametrize(("text", "kg", "expected"), [
    (MOTRIN, 13, "… 24-35 lbs (2-3 years): 5 mL …"),  # 28.7 lbs
    (MOTRIN, 16.3, "… 24-35 lbs (2-3 years): 5 mL …"),  # 35.9 lbs: still the 24-35 row
    (MOTRIN, 20, "… 36-47 lbs (4-5 years): 7.5 mL …"),
    (MOTRIN, 9, "under 24 lbs or under 2 years: ask a doctor …"),
    ("체중 12~15kg: 1회 5mL, 16~22kg: 1회 7.5mL.", 18, "… 16~22kg: 1회 7.5mL."),
    ("체중 12~15kg: 1회 5mL, 16~22kg: 1회 7.5mL.", 14, "체중 12~15kg: 1회 5mL, …"),
])
def test_the_row_for_the_weight(text, kg, expected):
    assert expected in quote_for_weight(text, kg)


def test_no_weight_row_fits_and_no_chart_by_weight_quote_nothing_special():
    assert quote_for_weight(MOTRIN, 30) is None  # 66 lbs: past this chart's rows
    assert quote_for_weight(ZYRTEC, 20) is None
    assert quote_for_weight("Take 10 mg/kg every 6 hours.", 20) is None


def dose_hit(text: str) -> dict:
    return {"doc_id": "z", "section": "dosage_and_administration", "title": "Zyrtec",
            "section_title": "Directions", "text": text, "score": 1.0}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_weight_the_chart_does_not_dose_by_is_said_so_and_no_dose_is_worked_out(language):
    answer = compose_leaflet_answer([dose_hit(ZYRTEC)], language, weight_kg=20)
    assert NO_WEIGHT_ROWS[language] in answer
    with_age = compose_leaflet_answer([dose_hit(ZYRTEC)], language, age_years=4, weight_kg=20)
    assert NO_WEIGHT_ROWS[language] not in with_age and "2.5 mL once daily" in with_age


def test_the_weight_row_wins_over_the_age_row():
    answer = compose_leaflet_answer([dose_hit(MOTRIN)], "en", age_years=7, weight_kg=13)
    assert "24-35 lbs (2-3 years): 5 mL" in answer and "6-8 years" not in answer
